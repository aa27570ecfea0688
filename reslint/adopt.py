"""``reslint check --add-baseline``: accept today's findings so that only new ones are reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reslint.baseline import load_baseline, write_baseline
from reslint.suppress import BaselineEntry, baseline_entries

if TYPE_CHECKING:
    from reslint.api import Linter


@dataclass(frozen=True)
class Adoption:
    """What writing the baseline did."""

    path: Path
    entries: int
    files: int
    errors: tuple[str, ...] = ()


def add_baseline(linter: Linter, paths: Iterable[Path], target: Path) -> Adoption:
    """Lint ``paths`` without a baseline and write their findings to ``target``.

    Entries of files not linted now (or that could not be read) are kept;
    the entries of linted files are replaced by today's findings, so stale
    entries go away.

    Raises:
        BaselineError: the existing baseline is unreadable, or the new one cannot be written.
    """
    existing = load_baseline(target)
    linter.use_baseline(None)
    fresh: list[BaselineEntry] = []
    linted: set[str] = set()
    errors: list[str] = []
    for path, problem in linter.expand(paths):
        if problem is not None:
            errors.append(problem if str(path) in problem else f"{path}: {problem}")
            continue
        outcome = linter.lint_file(path)
        if outcome.error is not None or outcome.result is None:
            errors.append(outcome.error or f"{path}: not linted")
            continue
        key = existing.key(path)
        linted.add(key)
        fresh.extend(baseline_entries(outcome.result.document, outcome.result.violations, key))
    kept = [entry for entry in existing.entries if entry.path not in linted]
    count = write_baseline(target, [*kept, *fresh])
    linter.use_baseline(target)
    return Adoption(target, count, len(linted), tuple(errors))
