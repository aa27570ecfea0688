"""The formatter protocol: ``start``, one ``file`` call per linted file, ``finish``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, TextIO

from reslint.text import LineIndex, Position
from reslint.violations import Violation

if TYPE_CHECKING:
    from reslint.readers import SourceMap
    from reslint.registry import Registry


@dataclass(frozen=True)
class FileReport:
    """The violations of one file, with its text for positions and excerpts."""

    path: str
    text: str
    violations: tuple[Violation, ...]
    locations: SourceMap | None = None
    """Positions in a container format's terms (Word paragraph, PDF line); None for text."""
    writable: bool = True
    """Whether ``--fix`` can rewrite the file (Word and PDF files are read-only)."""

    @cached_property
    def line_index(self) -> LineIndex:
        """Return the line index of the text."""
        return LineIndex(self.text)

    def position(self, offset: int) -> Position:
        """Return the 1-based line and column of ``offset`` in the file's own terms."""
        if self.locations is not None:
            return self.locations.position(offset)
        return self.line_index.position(offset)

    def label(self, offset: int) -> str:
        """Return where ``offset`` is in words for container formats ("" for text)."""
        return self.locations.label(offset) if self.locations is not None else ""


@dataclass(frozen=True, slots=True)
class Summary:
    """Totals for the end of a run."""

    files: int
    violations: int
    fixable: int
    errors: int
    fixed: int = 0


class Formatter:
    """Base class of formatters; subclasses override what they need."""

    structured: ClassVar[bool] = False
    """A machine-readable document: always finished (even with ``--quiet``), and no
    ``--statistics`` lines are mixed into it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        # the rules of the run, set by the command line (for formats that describe them)
        self.registry: Registry | None = None
        # colour the output with terminal escapes (set by the command line; text formats)
        self.color = False

    def start(self) -> None:
        """Begin the output."""

    def file(self, report: FileReport) -> None:
        """Write the violations of one file."""

    def finish(self, summary: Summary) -> None:
        """End the output."""
