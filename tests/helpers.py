"""Helpers for running the command line in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    """The outcome of one command-line run."""

    code: int
    out: str
    err: str


def reslint(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None
) -> Run:
    """Run ``python -m reslint`` in a subprocess (a real process: exit codes, streams)."""
    environment = dict(os.environ)
    environment.pop("RESLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    if env:
        environment.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "reslint", *args],
        cwd=cwd or ROOT,
        env=environment,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )
    return Run(done.returncode, done.stdout, done.stderr)
