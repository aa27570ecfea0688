"""Code-point offsets to LSP positions and back, in the encoding the client negotiated.

reslint locates everything by offsets in code points; the Language Server
Protocol counts 0-based lines and, within a line, *code units* of UTF-16 unless
client and server agreed on UTF-8 or UTF-32.  A character outside the Basic
Multilingual Plane (an emoji, a rare CJK ideograph) is one code point but two
UTF-16 units, so columns after it differ.  LSP also ends lines at ``\\n``,
``\\r\\n`` and a lone ``\\r``, where :class:`reslint.text.LineIndex` knows only
``\\n``.  This module is independent of any LSP library so that it can be
tested on its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class LspPosition:
    """A 0-based line and a 0-based column counted in the negotiated code units."""

    line: int
    character: int


def units(text: str, encoding: str = UTF16) -> int:
    """Return the length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionIndex:
    """Convert between code-point offsets of one text and LSP positions in O(log n) per line."""

    __slots__ = ("_encoding", "_ends", "_starts", "_text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        starts = [0]
        ends: list[int] = []
        for match in _LINE_BREAK.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self._text = text
        self._starts = starts
        self._ends = ends
        self._encoding = encoding

    def position(self, offset: int) -> LspPosition:
        """Return the LSP position of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        # an offset inside a "\r\n" pair belongs to the end of its line
        offset = min(offset, self._ends[line])
        return LspPosition(line, units(self._text[start:offset], self._encoding))

    def offset(self, position: LspPosition) -> int:
        """Return the offset of an LSP position.

        A line past the end maps to the end of the text; a column past the end
        of its line to the end of the line (as the protocol says); a column in
        the middle of a character's code units to the end of that character.
        """
        if position.line < 0:
            return 0
        if position.line >= len(self._starts):
            return len(self._text)
        start, end = self._starts[position.line], self._ends[position.line]
        if self._encoding == UTF32:
            return start + max(0, min(position.character, end - start))
        counted = 0
        offset = start
        while offset < end and counted < position.character:
            counted += units(self._text[offset], self._encoding)
            offset += 1
        return offset

    @property
    def end(self) -> LspPosition:
        """Return the position just after the last character."""
        return self.position(len(self._text))
