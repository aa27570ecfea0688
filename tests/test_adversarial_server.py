"""The language server under hostile input: it skips what it cannot read and answers every request.

``reslint server`` runs as a real process over stdio.  The client here writes
raw bytes, so that it can send what no well-behaved client sends: malformed
``Content-Length`` headers, a header announcing a terabyte, bodies that are
not JSON, not objects or not JSON-RPC, params of the wrong shape, random
bytes.  After each, a probe request must be answered, and every request that
carried an id must have had its answer (a result or a JSON-RPC error).
"""

from __future__ import annotations

import json
import queue
import random
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

TIMEOUT = 20.0


class RawClient:
    """Write raw bytes to the server; read its framed messages in a thread."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reslint", "server", "--no-plugins"],
            cwd=folder,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()
        self.next_id = 1000

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(json.loads(stream.read(length)))

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def send_raw(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params: Any = None) -> int:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def answer(self, identifier: int | str | None) -> dict[str, Any]:
        """Return the response to ``identifier`` (server requests and notifications skipped)."""
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            if "method" in message:
                continue
            if message.get("id") == identifier:
                return message

    def probe(self) -> None:
        """The server still answers: an unknown method gets its 'method not found'."""
        identifier = self.request("$/reslint/probe", {})
        assert self.answer(identifier)["error"]["code"] == -32601  # method not found


def _body(message: Any) -> bytes:
    return json.dumps(message).encode()


def _framed(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


PADDING = b"\r\n" * 64
"""Blank lines after a hostile input: what a body announced longer than it is eats."""

# hostile inputs that carry no request id: the server must skip them and go on
MALFORMED: list[bytes] = [
    b"Content-Length: abc\r\n\r\n{}",
    b"Content-Length: -5\r\n\r\n",
    b"Content-Length: 1099511627776\r\n\r\n",  # a terabyte announced
    b"Content-Length: 99999999999999999999999999999999\r\n\r\n",
    b"Content-Type: application/json\r\n\r\n{}",  # no length
    b"Content-Length: 2\r\n\r\n{}",  # an object that is no message
    b"Content-Length: 5\r\n\r\n[1,2]",
    b"Content-Length: 4\r\n\r\nnull",
    b"Content-Length: 9\r\n\r\nnot json!",
    b"this is not a header at all\r\n",
    b"Content-Length 12\r\n\r\n",
    b"\r\n\r\n\r\n",
    b"Content-Length: 10\r\n\r\n{}",  # a length longer than its body: eats the next header
    b"x" * 100_000 + b"\r\n",
    _framed(b"[" * 100_000 + b"]" * 100_000),
    _framed(_body({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"x": 1}})),
    _framed(_body({"jsonrpc": "2.0", "method": 5})),
]


def _random_garbage(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    if kind == 1:
        return b"Content-Length: %d\r\n\r\n" % rng.randrange(0, 50) + bytes(
            rng.randrange(32, 127) for _ in range(rng.randrange(0, 60))
        )
    if kind == 2:
        return _framed(
            _body(
                {"jsonrpc": "2.0", "method": rng.choice(["initialized", "x/y", "$/cancelRequest"])}
            )
        )
    return b"Content-Length: " + str(rng.random()).encode() + b"\r\n\r\n"


# requests with an id that pygls would not answer on its own
BAD_REQUESTS: list[dict[str, Any]] = [
    {"jsonrpc": "2.0", "method": "textDocument/hover", "params": {"textDocument": 5}},
    {"jsonrpc": "2.0", "method": "textDocument/codeAction", "params": "nonsense"},
    {"jsonrpc": "1.0", "method": "textDocument/hover", "params": {}},
    {"method": "textDocument/hover", "params": {}},
    {"jsonrpc": "2.0", "method": "no/such/method", "params": {}},
]


def test_the_server_resynchronises_and_answers_every_request(tmp_path: Path) -> None:
    client = RawClient(tmp_path)
    try:
        first = client.request(
            "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
        )
        assert "result" in client.answer(first)
        client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        for hostile in MALFORMED:
            client.send_raw(hostile + PADDING)
            client.probe()
        # a header glued to the end of a body longer than announced
        client.send_raw(b"Content-Length: 2\r\n\r\n{}trailing bytes")
        client.probe()
        for number, request in enumerate(BAD_REQUESTS):
            identifier = f"bad-{number}"
            client.send({**request, "id": identifier})
            answer = client.answer(identifier)
            assert "error" in answer, answer
            assert isinstance(answer["error"].get("code"), int)
        rng = random.Random(14)
        for _ in range(60):
            client.send_raw(_random_garbage(rng) + PADDING)
            client.probe()
        done = client.request("shutdown")
        assert client.answer(done).get("result", "missing") is None
        client.send({"jsonrpc": "2.0", "method": "exit"})
        assert client.process.wait(timeout=TIMEOUT) == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait()
    log = b"".join(client.stderr).decode("utf-8", "replace")
    assert "Traceback" not in log
    assert "skipped" in log
