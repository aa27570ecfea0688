"""Offsets, spans and the mapping from offsets to lines and columns.

Offsets into the original text (in code points) are the one truth for
location; lines and columns are derived here and never stored twice.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        """Return whether ``offset`` falls inside the span."""
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and a 1-based column counted in characters."""

    line: int
    column: int


class LineIndex:
    """Convert offsets into 1-based line/column positions in O(log n)."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        index = find("\n")
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def line_count(self) -> int:
        """Return the number of lines (a text without newline has one)."""
        return len(self._starts)

    def position(self, offset: int) -> Position:
        """Return the line and column of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def line_start(self, line: int) -> int:
        """Return the offset at which 1-based ``line`` starts."""
        return self._starts[line - 1]

    def line_end(self, line: int, text: str) -> int:
        """Return the offset of the end of ``line`` (before its newline)."""
        if line < len(self._starts):
            end = self._starts[line] - 1
            if end > 0 and text[end - 1] == "\r":
                end -= 1
            return end
        return self._length
