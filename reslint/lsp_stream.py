"""The language server's reading of its input: framing that survives a hostile or broken client.

pygls reads LSP messages (``Content-Length`` headers, a blank line, a JSON
body) and hands them to its protocol.  Its loop trusts the stream: after one
malformed header it never finds the next message again, a request whose
params do not fit the method's type gets no response at all, and a header
announcing a terabyte makes it read a terabyte.  This module replaces only
that loop; everything after it (message types, handlers, responses) is
pygls's.  Here:

* header lines are read with a bounded length; a line that is not a header is
  skipped with a log line, and the stream is resynchronised on the next
  ``Content-Length`` header, even one glued to the end of a broken body;
* a ``Content-Length`` that is not a number, or over the message budget of
  :mod:`reslint.limits`, skips the message (its body is then read as lines
  and skipped until the next header);
* every request gets a response: a body that is not JSON, not an object or not
  JSON-RPC 2.0, params that do not fit the method, a request after
  ``shutdown`` — each is answered with a JSON-RPC error carrying the request's
  id (``null`` when the id cannot be read), as the specification says.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO

from reslint.limits import current, small_number

logger = logging.getLogger("reslint.server")

HEADER_LINE_BYTES = 8192
"""Longest header line read at once (a longer line is read, and skipped, in pieces)."""

PARSE_ERROR, INVALID_REQUEST, INVALID_PARAMS, INTERNAL_ERROR = -32700, -32600, -32602, -32603
_HEADER = re.compile(rb"([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*([^\r\n]*)\r?\n?")
_CONTENT_LENGTH = b"content-length:"


class BoundedReader:
    """Read lines and bodies from a binary stream in a worker thread, lines of bounded length."""

    def __init__(self, stream: BinaryIO, executor: ThreadPoolExecutor | None = None) -> None:
        self.stream = stream
        self.executor = executor

    async def readline(self) -> bytes:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.stream.readline, HEADER_LINE_BYTES)

    async def read(self, count: int) -> bytes:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.stream.read, count)


def _shown(data: bytes) -> str:
    """Return a piece of input for a log line (short and printable)."""
    text = repr(data[:60])
    return text + ("…" if len(data) > 60 else "")


class MessageStream:
    """Read framed messages and hand them to a pygls protocol, answering what it cannot."""

    def __init__(self, protocol: Any, reader: BoundedReader, stop: threading.Event) -> None:
        self.protocol = protocol
        self.reader = reader
        self.stop = stop
        self.skipped = 0
        """Header lines and messages skipped so far (for tests and logs)."""

    # framing -------------------------------------------------------------------

    async def run(self) -> None:
        """Read and dispatch messages until the stream ends or the server stops."""
        headers: dict[bytes, bytes] = {}
        while not self.stop.is_set():
            line = await self.reader.readline()
            if not line:
                return
            if line in (b"\r\n", b"\n"):
                if headers:
                    length = self._length(headers)
                    headers = {}
                    if length is not None and not await self._body(length):
                        return
                continue
            found = _HEADER.fullmatch(line)
            if found is None or not line.endswith(b"\n"):
                glued = line.lower().find(_CONTENT_LENGTH)
                if glued > 0:  # a header right after a body that was too long
                    self._skip(f"skipped {glued} bytes before a header: {_shown(line[:glued])}")
                    headers = {}
                    found = _HEADER.fullmatch(line[glued:])
                if found is None or not line.endswith(b"\n"):
                    self._skip(f"skipped a line that is not a message header: {_shown(line)}")
                    headers = {}
                    continue
            headers[found.group(1).lower()] = found.group(2).strip()

    def _length(self, headers: dict[bytes, bytes]) -> int | None:
        value = headers.get(b"content-length")
        limit = current().lsp_message_bytes
        if value is None:
            self._skip("skipped a message without a Content-Length header")
            return None
        digits = value.decode("ascii", "replace")
        if not digits.isascii() or not digits.isdigit():
            self._skip(f"skipped a message with Content-Length {digits[:40]!r}: not a number")
            return None
        length = small_number(digits, limit)
        if length is None:
            self._skip(f"skipped a message of {digits[:40]} bytes: over the limit of {limit} bytes")
            return None
        return length

    async def _body(self, length: int) -> bool:
        """Read a body of ``length`` bytes and dispatch it; False when the stream ended."""
        body = b""
        while len(body) < length:
            piece = await self.reader.read(length - len(body))
            if not piece:
                return False
            body += piece
        self.dispatch(body)
        return True

    def _skip(self, message: str) -> None:
        self.skipped += 1
        logger.warning("%s", message)

    # messages ------------------------------------------------------------------

    def dispatch(self, body: bytes) -> None:
        """Hand one message to pygls; answer a request it would leave unanswered."""
        try:
            data = json.loads(body)
        except (ValueError, RecursionError) as error:
            self._skip(f"a message that is not JSON ({type(error).__name__})")
            self.reply_error(None, PARSE_ERROR, "Parse error: the message is not JSON")
            return
        if not isinstance(data, dict):
            self.reply_error(None, INVALID_REQUEST, "Invalid Request: not a JSON object")
            return
        identifier = data.get("id")
        valid_id = isinstance(identifier, (int, str)) and not isinstance(identifier, bool)
        method = data.get("method")
        is_request = valid_id and isinstance(method, str)
        answer_id = identifier if valid_id else None
        if data.get("jsonrpc") != "2.0" or (method is not None and not isinstance(method, str)):
            self.reply_error(answer_id, INVALID_REQUEST, "Invalid Request: not JSON-RPC 2.0")
            return
        if "id" in data and not valid_id and method is not None:
            self.reply_error(
                None, INVALID_REQUEST, "Invalid Request: an id must be a number or string"
            )
            return
        if is_request and getattr(self.protocol, "_shutdown", False) and method != "exit":
            self.reply_error(
                answer_id, INVALID_REQUEST, "Invalid Request: the server is shutting down"
            )
            return
        try:
            message = self.protocol.structure_message(data)
        except Exception as error:
            self._skip(f"a {method or 'message'} that does not fit its type")
            if is_request:
                code = INVALID_PARAMS if "Params" in type(error).__name__ else INTERNAL_ERROR
                self.reply_error(answer_id, code, f"Invalid params for {method}")
            return
        try:
            self.protocol.handle_message(message)
        except Exception as error:  # pygls answers a request's own errors; this is the rest
            logger.warning("%s failed: %s", method or "a message", error)
            if is_request:
                self.reply_error(answer_id, INTERNAL_ERROR, f"Internal error in {method}")

    def reply_error(self, identifier: int | str | None, code: int, message: str) -> None:
        """Send a JSON-RPC error response."""
        body = json.dumps(
            {"jsonrpc": "2.0", "id": identifier, "error": {"code": code, "message": message}}
        ).encode("utf-8")
        writer = getattr(self.protocol, "writer", None)
        if writer is not None:
            writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


class OneLineLog(logging.Formatter):
    """Log records as one line each: ``reslint server: warning: …`` (tracebacks summed up)."""

    def format(self, record: logging.LogRecord) -> str:
        lines = record.getMessage().strip().splitlines()
        message = lines[0] if lines else ""
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            detail = str(error).strip().splitlines()
            message += f" ({type(error).__name__}{': ' + detail[0] if detail else ''})"
        return f"reslint server: {record.levelname.lower()}: {message}"


def log_in_one_line() -> None:
    """Send the server's and pygls's warnings to stderr, one line each."""
    root = logging.getLogger()
    if root.handlers:
        return  # configured by the embedding program
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineLog())
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
