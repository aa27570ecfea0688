"""Apply fixes: non-overlapping edits, re-lint, repeat until the text settles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from reslint.violations import Applicability, Edit, Violation

MAX_PASSES = 10


class FixDidNotConverge(Exception):
    """Fixing went on changing the text after ``MAX_PASSES`` passes."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        super().__init__(
            f"fixes did not settle after {MAX_PASSES} passes (rules: {', '.join(codes)})"
        )
        self.codes = codes


@dataclass
class FixOutcome:
    """The fixed text and what was applied."""

    text: str
    applied: int = 0
    passes: int = 0
    codes: list[str] = field(default_factory=list)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` (they must not overlap)."""
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    parts: list[str] = []
    position = 0
    for edit in ordered:
        if edit.span.start < position:
            raise ValueError("overlapping edits")
        parts.append(text[position : edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
    parts.append(text[position:])
    return "".join(parts)


def _conflict(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Return whether two edit ranges overlap (insertions conflict when they touch)."""
    if start == end or other_start == other_end:
        return other_start <= start <= other_end or start <= other_start <= end
    return start < other_end and other_start < end


def select_fixes(
    violations: Iterable[Violation], minimum: Applicability
) -> tuple[list[Edit], list[str]]:
    """Choose the fixes to apply in one pass: at least ``minimum``, earliest first, no overlap."""
    chosen: list[Edit] = []
    codes: list[str] = []
    taken: list[tuple[int, int]] = []
    candidates = [v for v in violations if v.fix is not None and v.fix.applicability >= minimum]
    candidates.sort(key=lambda v: v.fix.edits[0].span.start if v.fix and v.fix.edits else 0)
    for violation in candidates:
        assert violation.fix is not None
        edits = violation.fix.edits
        if not edits:
            continue
        if any(
            _conflict(edit.span.start, edit.span.end, start, end)
            for edit in edits
            for start, end in taken
        ):
            continue
        chosen.extend(edits)
        taken.extend((e.span.start, e.span.end) for e in edits)
        codes.append(violation.code)
    return chosen, codes


def fix_text(
    text: str,
    lint: Callable[[str], list[Violation]],
    minimum: Applicability = Applicability.SAFE,
    problems: Callable[[str], int] | None = None,
) -> FixOutcome:
    """Lint, apply fixes, re-lint until nothing more is fixable.

    ``problems`` counts the blocks of a text that cannot be parsed; a pass that
    would raise that count is not applied, and fixing stops there.

    Raises:
        FixDidNotConverge: the text still changes after ``MAX_PASSES`` passes.
    """
    outcome = FixOutcome(text)
    baseline = problems(text) if problems is not None else 0
    for _ in range(MAX_PASSES):
        edits, codes = select_fixes(lint(outcome.text), minimum)
        if not edits:
            return outcome
        new_text = apply_edits(outcome.text, edits)
        outcome.passes += 1
        if new_text == outcome.text:
            return outcome
        if problems is not None and problems(new_text) > baseline:
            return outcome
        outcome.text = new_text
        outcome.applied += len(codes)
        outcome.codes.extend(codes)
    edits, codes = select_fixes(lint(outcome.text), minimum)
    if edits and apply_edits(outcome.text, edits) != outcome.text:
        raise FixDidNotConverge(tuple(sorted(set(codes))))
    return outcome
