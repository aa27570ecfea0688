"""Violation and fix records."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from reslint.text import Span


class Applicability(enum.IntEnum):
    """How safe a fix is (ruff's three levels, same meanings)."""

    DISPLAY_ONLY = 0
    """Shown as a suggestion, never applied."""
    UNSAFE = 1
    """May change the meaning; applied only when unsafe fixes are asked for."""
    SAFE = 2
    """Keeps the exact meaning of the text."""


class Severity(str, enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of ``span`` with ``replacement`` (empty span: insertion)."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Non-overlapping edits that together correct one violation."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str = ""

    def __post_init__(self) -> None:
        ordered = sorted(self.edits, key=lambda edit: (edit.span.start, edit.span.end))
        for before, after in zip(ordered, ordered[1:]):
            if before.span.end > after.span.start:
                raise ValueError("fix edits overlap")
        object.__setattr__(self, "edits", tuple(ordered))

    @classmethod
    def replace(
        cls,
        span: Span,
        text: str,
        title: str = "",
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        """Return a fix made of one replacement."""
        return cls((Edit(span, text),), applicability, title)


@dataclass(frozen=True, slots=True)
class Violation:
    """One finding: a rule, a message and the span of the original text it is about."""

    code: str
    name: str
    message: str
    span: Span
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    path: str | None = None
