"""Lint many files in worker processes (``reslint check --jobs``).

Each worker builds its own :class:`reslint.api.Linter` once and lints the files
it is handed; only the text and the violations come back, so the parent formats
them in the order the files were given, exactly as a single process would.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from reslint.engine import RuleCrash
from reslint.readers import SourceMap
from reslint.violations import Violation

if TYPE_CHECKING:
    from reslint.api import FileOutcome

_WORKER_LINTER: Any = None


@dataclass
class WorkerResult:
    """What the parent needs of a lint result."""

    violations: list[Violation] = field(default_factory=list)
    crashes: list[RuleCrash] = field(default_factory=list)
    skipped: str | None = None


@dataclass
class WorkerOutcome:
    """A file linted in a worker: its text and result, or an error message."""

    path: Path
    text: str = ""
    result: WorkerResult | None = None
    error: str | None = None
    locations: SourceMap | None = None
    notes: tuple[str, ...] = ()
    format_name: str = "text"
    skipped: str | None = None
    writable: bool = True


def _start(options: dict[str, Any]) -> None:
    global _WORKER_LINTER
    from reslint.api import Linter

    _WORKER_LINTER = Linter(**options)


def worker_outcome(outcome: FileOutcome) -> WorkerOutcome:
    """Return what the parent needs of a file's outcome (no document, no extraction)."""
    path = outcome.path
    if outcome.error is not None or outcome.result is None:
        return WorkerOutcome(path, error=outcome.error or f"{path}: not linted")
    result = WorkerResult(
        list(outcome.result.violations), list(outcome.result.crashes), outcome.skipped
    )
    return WorkerOutcome(
        path,
        outcome.text,
        result,
        locations=outcome.locations,
        notes=outcome.notes,
        format_name=outcome.format_name,
        writable=outcome.writable,
        skipped=outcome.skipped,
    )


def _lint(path: Path) -> WorkerOutcome:
    return worker_outcome(_WORKER_LINTER.lint_file(path))


def lint_in_processes(
    paths: list[Path],
    jobs: int,
    options: dict[str, Any],
    done: Callable[[], None] | None = None,
) -> dict[Path, WorkerOutcome]:
    """Lint ``paths`` in ``jobs`` processes; return each file's outcome.

    ``done`` is called as each file's outcome arrives (a progress bar counts them).
    """
    chunk = max(1, min(16, len(paths) // (jobs * 4) or 1))
    outcomes: dict[Path, WorkerOutcome] = {}
    with ProcessPoolExecutor(jobs, initializer=_start, initargs=(options,)) as pool:
        for outcome in pool.map(_lint, paths, chunksize=chunk):
            outcomes[outcome.path] = outcome
            if done is not None:
                done()
    return outcomes
