"""Colour and the progress bar: on a terminal only, never in a pipe or a structured stream.

Runs that need a terminal get a real pseudo-terminal (``pty``) on the streams
that should be one, the others stay pipes, exactly as a shell would set them up.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT, reslint

BROKEN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003;

1. Decides to convene a high-level meeting.

3. Requests the Secretary-General to report thereon.
"""
SMALL = """The General Assembly,

Recalling its resolution 58/170,

1. Decides to act.

2. Requests a report;
"""
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BAR = "\u2501"  # the heavy horizontal line rich draws its bar with


def _plain(text: str) -> str:
    return ESCAPE.sub("", text)


@dataclass
class TerminalRun:
    """A run with some streams on a pseudo-terminal: what each channel received."""

    code: int
    terminal: str
    out: str
    err: str


def _run_on_terminal(
    *args: str, cwd: Path, stdout_tty: bool, stderr_tty: bool, env: dict[str, str] | None = None
) -> TerminalRun:
    """Run ``python -m reslint`` with the chosen streams on one pseudo-terminal."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "RESLINT_DISABLE_PLUGIN_AUTOLOAD", "COLUMNS")
    }
    environment["TERM"] = "xterm-256color"
    environment.update(env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "reslint", *args],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
    )
    os.close(slave)
    # read the terminal and the pipes together: a full pipe would stall the run
    channels = {master: bytearray()}
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            channels[pipe.fileno()] = bytearray()
    open_channels = set(channels)
    while open_channels:
        ready, _, _ = select.select(list(open_channels), [], [], 60)
        if not ready:
            process.kill()
            raise AssertionError("no output for 60 s")
        for channel in ready:
            try:
                chunk = os.read(channel, 65536)
            except OSError:  # EIO: every holder of the terminal's other end has closed it
                chunk = b""
            if chunk:
                channels[channel].extend(chunk)
            else:
                open_channels.discard(channel)
    os.close(master)
    out = bytes(channels[process.stdout.fileno()]).decode() if process.stdout else ""
    err = bytes(channels[process.stderr.fileno()]).decode() if process.stderr else ""
    code = process.wait(timeout=60)
    received = channels[master]
    return TerminalRun(code, received.decode("utf-8", "replace"), out, err)


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    directory = tmp_path / "one"
    directory.mkdir()
    (directory / "broken.txt").write_text(BROKEN, "utf-8")
    return directory


@pytest.fixture()
def many(tmp_path: Path) -> Path:
    directory = tmp_path / "many"
    directory.mkdir()
    for number in range(60):
        (directory / f"draft{number:02}.txt").write_text(SMALL, "utf-8")
    return directory


# --- colour ----------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["concise", "full"])
def test_color_always_is_the_plain_text_with_escapes(drafts: Path, output_format: str) -> None:
    coloured = reslint("check", "--output-format", output_format, "--color=always", cwd=drafts)
    plain = reslint("check", "--output-format", output_format, "--color=never", cwd=drafts)
    assert coloured.code == plain.code == 1
    assert ESCAPE.search(coloured.out)
    assert not ESCAPE.search(plain.out)
    assert _plain(coloured.out) == plain.out
    # the severity gives the code its colour: PU002 is an error (red, 31)
    assert "\x1b[1;31mPU002\x1b[0m" in coloured.out
    assert "\x1b[32m[*]\x1b[0m" in coloured.out


def test_no_colour_into_a_pipe_by_default(drafts: Path) -> None:
    default = reslint("check", cwd=drafts)
    assert default.code == 1
    assert "PU002" in default.out
    assert not ESCAPE.search(default.out + default.err)
    assert default.out == reslint("check", "--color=never", cwd=drafts).out


def test_a_terminal_gets_colour_unless_no_color_is_set(drafts: Path) -> None:
    on_terminal = _run_on_terminal("check", cwd=drafts, stdout_tty=True, stderr_tty=False)
    assert on_terminal.code == 1
    assert "\x1b[1;31mPU002\x1b[0m" in on_terminal.terminal
    for refused in (
        _run_on_terminal(
            "check",
            "--color=auto",
            cwd=drafts,
            stdout_tty=True,
            stderr_tty=False,
            env={"NO_COLOR": "1"},
        ),
        _run_on_terminal("check", "--no-color", cwd=drafts, stdout_tty=True, stderr_tty=False),
        _run_on_terminal("check", "--color=never", cwd=drafts, stdout_tty=True, stderr_tty=False),
    ):
        assert refused.code == 1
        assert "PU002" in refused.terminal
        assert not ESCAPE.search(refused.terminal)
        assert _plain(on_terminal.terminal) == refused.terminal


# --- progress --------------------------------------------------------------------------


def test_a_long_run_shows_a_bar_on_a_terminal_stderr_only(many: Path) -> None:
    run = _run_on_terminal("check", ".", cwd=many, stdout_tty=False, stderr_tty=True)
    assert run.code == 1
    assert "Linting" in run.terminal
    assert BAR in run.terminal
    assert re.search(r"\b60/60\b", _plain(run.terminal))
    # the report went to its pipe untouched: one line per file, no bar, no colour
    lines = run.out.splitlines()
    assert len([line for line in lines if ": PU003 " in line]) == 60
    assert BAR not in run.out
    assert not ESCAPE.search(run.out)


def test_no_bar_without_a_terminal_or_for_a_short_run(many: Path, drafts: Path) -> None:
    piped = reslint("check", ".", cwd=many)
    assert piped.code == 1
    assert "Linting" not in piped.err
    assert BAR not in piped.err + piped.out
    short = _run_on_terminal("check", ".", cwd=drafts, stdout_tty=False, stderr_tty=True)
    assert short.code == 1
    assert "Linting" not in short.terminal
    assert BAR not in short.terminal


def test_one_process_lints_and_counts_too(many: Path) -> None:
    run = _run_on_terminal("check", "-j", "1", ".", cwd=many, stdout_tty=False, stderr_tty=True)
    assert run.code == 1
    assert re.search(r"\b60/60\b", _plain(run.terminal))
    assert run.out == reslint("check", "-j", "1", ".", cwd=many).out


def test_a_report_on_the_same_terminal_comes_whole_after_the_bar(many: Path) -> None:
    run = _run_on_terminal("check", "-j", "1", ".", cwd=many, stdout_tty=True, stderr_tty=True)
    assert run.code == 1
    assert BAR in run.terminal
    screen = [line.rstrip("\r").rsplit("\r", 1)[-1] for line in _plain(run.terminal).split("\n")]
    findings = [line for line in screen if re.fullmatch(r"draft\d\d\.txt:7:\d+: PU003 .*", line)]
    assert len(findings) == 60
    # below the erased bar, the whole report as it reads in a pipe, line for line
    report = reslint("check", "-j", "1", ".", cwd=many).out.splitlines()
    first = screen.index(report[0])
    assert screen[first : first + len(report)] == report
    assert BAR not in "".join(screen[first:])


def test_a_structured_report_gets_no_bar(many: Path) -> None:
    run = _run_on_terminal(
        "check", "--output-format", "json", ".", cwd=many, stdout_tty=False, stderr_tty=True
    )
    assert run.code == 1
    assert BAR in run.terminal
    records = json.loads(run.out)
    assert len({record["filename"] for record in records}) == 60


# --- rich stays out of runs that do not use it -----------------------------------------


def _imported(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reslint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "NO_COLOR"},
    )
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_rich_is_imported_only_to_colour_or_draw_a_bar(drafts: Path) -> None:
    def uses_rich(modules: set[str]) -> bool:
        return any(name == "rich" or name.startswith("rich.") for name in modules)

    assert not uses_rich(_imported("--version", cwd=ROOT))
    assert not uses_rich(_imported("check", "broken.txt", cwd=drafts))
    assert not uses_rich(_imported("check", "--output-format", "full", "broken.txt", cwd=drafts))
    assert uses_rich(_imported("check", "--color=always", "broken.txt", cwd=drafts))
