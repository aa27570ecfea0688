"""Decide which rules run: select / extend-select / ignore by code prefix or name.

The most specific selector wins (a rule name, then the longest code prefix);
on a tie, ``ignore`` wins.  ``ALL`` selects every rule, default-off ones included.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePath
from typing import Iterable

from reslint.config import Settings
from reslint.rule import Rule

_NAME_SPECIFICITY = 1000


def _specificity(selector: str, rule: type[Rule]) -> int:
    if selector.upper() == "ALL":
        return 0
    if selector.lower() == rule.name:
        return _NAME_SPECIFICITY
    if rule.code.startswith(selector.upper()):
        return len(selector)
    return -1


def _best(selectors: Iterable[str], rule: type[Rule]) -> int:
    return max((_specificity(s, rule) for s in selectors), default=-1)


def is_enabled(
    rule: type[Rule],
    select: tuple[str, ...] | None,
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> bool:
    """Return whether ``rule`` runs under these selectors."""
    if select is None:
        chosen = _best(extend_select, rule)
        if rule.default_enabled:
            chosen = max(chosen, 0)
    else:
        chosen = _best((*select, *extend_select), rule)
    if chosen < 0:
        return False
    return _best(ignore, rule) < chosen


def _matches(path: Path, root: Path, pattern: str) -> bool:
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return (
        fnmatch.fnmatch(relative, pattern)
        or fnmatch.fnmatch(path.name, pattern)
        or PurePath(relative).match(pattern)
    )


def file_ignores(settings: Settings, path: Path | None) -> tuple[str, ...]:
    """Return the selectors that ``per-file-ignores`` adds for ``path``."""
    if path is None:
        return ()
    extra: list[str] = []
    for pattern, codes in settings.per_file_ignores:
        if _matches(path, settings.root, pattern):
            extra.extend(codes)
    return tuple(extra)


def unknown_selectors(settings: Settings, known: Iterable[type[Rule]]) -> list[str]:
    """Return selectors that match no rule at all (likely typos)."""
    rules = list(known)
    selectors = [*(settings.select or ()), *settings.extend_select, *settings.ignore]
    for _, codes in settings.per_file_ignores:
        selectors.extend(codes)
    return [s for s in selectors if all(_specificity(s, r) < 0 for r in rules)]


def path_included(path: Path, settings: Settings) -> bool:
    """Return whether a file found in a directory walk should be linted.

    ``include`` patterns match file names whatever their case: ``*.doc`` takes
    the ``N1741568.DOC`` files the UN's documents system serves.
    """
    if any(_matches(path, settings.root, pattern) for pattern in settings.exclude):
        return False
    name = path.name.lower()
    return any(fnmatch.fnmatchcase(name, pattern.lower()) for pattern in settings.include)
