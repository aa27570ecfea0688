"""Run reslint on a hostile input in a child process with time and memory limits.

The child is a fork of the test process (reslint already imported, so a case
costs milliseconds, not a fresh interpreter): it sets ``RLIMIT_AS`` and
``RLIMIT_CPU`` with :mod:`resource`, sends its output to files and runs the
command line.  The parent waits at most the time budget, then kills it.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SECONDS = 30.0
MEMORY = 1 << 30
"""What one hostile case may cost: 30 s and 1 GB of address space on top of the parent's."""

FORBIDDEN = ("Traceback", "internal error", "crashed", "MemoryError", "RecursionError")


@dataclass(frozen=True)
class Outcome:
    code: int | None
    """Exit code (None: killed, by its limits or for running over time)."""
    out: str
    err: str
    seconds: float

    def problems(self) -> list[str]:
        """Return what is wrong with this outcome for a hostile input (empty: nothing)."""
        found = []
        if self.code not in (0, 1, 2):
            found.append(f"exit code {self.code}")
        if self.seconds > SECONDS:
            found.append(f"took {self.seconds:.1f} s")
        for word in FORBIDDEN:
            if word in self.err or word in self.out:
                found.append(f"output shows {word!r}")
        for line in self.err.splitlines():
            if not line.startswith("reslint: ") and not line.startswith(("Would fix", "No fixes")):
                found.append(f"stderr line not a one-line message: {line[:120]!r}")
                break
        return found


def _address_space() -> int:
    """Return the current virtual size of this process (the child's limit is added to it)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * resource.getpagesize()
    except OSError:  # pragma: no cover - not Linux
        return 0


def run_limited(
    argv: list[str],
    cwd: Path,
    seconds: float = SECONDS,
    memory: int = MEMORY,
    limits: object | None = None,
) -> Outcome:
    """Run ``reslint argv`` in a forked child limited to ``seconds`` and ``memory`` more bytes.

    ``limits`` (a :class:`reslint.limits.Limits`) is put in force in the child.
    """
    from reslint import cli
    from reslint.limits import applied

    with tempfile.TemporaryDirectory() as scratch:
        out_path, err_path = Path(scratch, "out"), Path(scratch, "err")
        ceiling = _address_space() + memory
        sys.stdout.flush()
        sys.stderr.flush()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 70
            try:
                os.chdir(cwd)
                resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
                cpu = int(seconds) + 1
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
                out = os.open(out_path, os.O_WRONLY | os.O_CREAT, 0o600)
                err = os.open(err_path, os.O_WRONLY | os.O_CREAT, 0o600)
                os.dup2(out, 1)
                os.dup2(err, 2)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
                if limits is not None:
                    with applied(limits):  # type: ignore[arg-type]
                        code = cli.main(argv)
                else:
                    code = cli.main(argv)
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 2
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 70
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        deadline = started + seconds + 2
        status = None
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.01)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = None
        elapsed = time.monotonic() - started
        code = os.waitstatus_to_exitcode(status) if status is not None else None
        if code is not None and code < 0:
            code = None
        return Outcome(
            code,
            out_path.read_text("utf-8", errors="replace") if out_path.exists() else "",
            err_path.read_text("utf-8", errors="replace") if err_path.exists() else "",
            elapsed,
        )
