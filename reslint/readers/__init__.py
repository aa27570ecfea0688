"""Readers: turn a file of any supported format into the text reslint parses.

A reader returns an :class:`Extraction`: the *rendered* text the parser sees,
plus what is needed to point every finding back into the original file:

* for text formats (plain text, Markdown) the original text itself and an
  :class:`OffsetMap` from rendered to original offsets, so positions are lines
  and columns of the file and fixes can be written back;
* for container formats (Word, PDF, XML) a :class:`SourceMap` giving, for each
  rendered offset, a position in the container's own terms: Word paragraph,
  PDF page and line, XML element;
* what the format knows for certain of the structure — paragraphs, numbers,
  list labels, footnotes and their calls, front matter — as
  :class:`SourceBlock` records (:mod:`reslint.readers.blocks`), and its
  metadata as :class:`DocumentFacts`.  The parser takes blocks as given; only
  text without them (plain text, Markdown) goes through the layout heuristics.

Readers are plugins (the ``reslint_read`` hook, first result wins), so a third
party can add a format; built-in ones live in :mod:`reslint.readers.builtin`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reslint.readers.blocks import BlockRole, DocumentFacts, SourceBlock, SourceCall
from reslint.reading import ReadError, SourceText, decode, read_bytes
from reslint.text import Position, Span

if TYPE_CHECKING:
    import pluggy

__all__ = [
    "Anchor",
    "BlockRole",
    "DocumentFacts",
    "Extraction",
    "OffsetMap",
    "ReadError",
    "Rendering",
    "SourceBlock",
    "SourceCall",
    "SourceMap",
    "read_data",
    "read_file",
]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Rendered offsets to original offsets, as ``(rendered, original, length)`` pieces.

    Text between pieces was removed in rendering (Markdown emphasis markers,
    escapes); an offset that falls in such a gap maps to the end of the piece
    before it.
    """

    pieces: tuple[tuple[int, int, int], ...]

    def to_original(self, offset: int) -> int:
        """Map a rendered offset to an offset of the original text."""
        if not self.pieces:
            return offset
        index = max(0, bisect.bisect_right(self.pieces, (offset, float("inf"), 0)) - 1)
        rendered, original, length = self.pieces[index]
        return original + max(0, min(offset - rendered, length))

    def span(self, span: Span) -> Span:
        """Map a rendered span to a span of the original text."""
        start = self.to_original(span.start)
        if span.end <= span.start:
            return Span(start, start)
        end = self.to_original(span.end - 1) + 1
        return Span(start, max(start, end))


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a stretch of rendered text comes from: from ``offset`` on, ``line`` of the source.

    ``line`` is the number a user finds the text by (Word paragraph number,
    PDF line on its page, XML source line); ``label`` says it in words.
    """

    offset: int
    line: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Positions in a container's own terms, for each rendered offset."""

    anchors: tuple[Anchor, ...]

    def anchor(self, offset: int) -> Anchor | None:
        """Return the anchor that covers ``offset`` (None before the first one)."""
        index = bisect.bisect_right(self.anchors, offset, key=lambda a: a.offset) - 1
        return self.anchors[index] if index >= 0 else None

    def extent(self, offset: int, limit: int) -> tuple[int, int]:
        """Return the rendered range of the anchor covering ``offset`` (ending by ``limit``)."""
        index = bisect.bisect_right(self.anchors, offset, key=lambda a: a.offset) - 1
        start = self.anchors[index].offset if index >= 0 else 0
        end = self.anchors[index + 1].offset if index + 1 < len(self.anchors) else limit
        return start, max(start, min(end, limit))

    def position(self, offset: int) -> Position:
        """Return the source line and the column within it (1-based)."""
        anchor = self.anchor(offset)
        if anchor is None:
            return Position(1, offset + 1)
        return Position(anchor.line, offset - anchor.offset + 1)

    def label(self, offset: int) -> str:
        """Return where ``offset`` is, in words ("paragraph 12", "page 2, line 7")."""
        anchor = self.anchor(offset)
        return anchor.label if anchor is not None else ""


@dataclass(frozen=True, slots=True)
class Rendering:
    """The text the parser sees, with the formatting the format carried."""

    text: str
    origin: OffsetMap | None = None
    """Rendered → original offsets when the original is text (None: the same text)."""
    locations: SourceMap | None = None
    """Positions in a container format (None: lines and columns of the text)."""
    italic: tuple[Span, ...] | None = None
    """Italic stretches of the rendered text; None when the format carries no formatting."""
    blocks: tuple[SourceBlock, ...] | None = None
    """The document's blocks as the format knows them (None: the parser finds them)."""
    facts: DocumentFacts | None = None
    """What the format's metadata says of the document (language, organ, session…)."""


@dataclass(frozen=True)
class Extraction:
    """A file read by a reader."""

    rendering: Rendering
    format: str
    """Short name of the format: ``text``, ``markdown``, ``docx``, ``pdf``, ``akn``."""
    source: SourceText | None = None
    """The original text and its encoding when the file is text (fixes can be written)."""
    rerender: Callable[[str], Rendering] | None = field(default=None, compare=False)
    """Render an edited original text again (text formats; used by the fix loop)."""
    notes: tuple[str, ...] = ()
    """Warnings about the reading (an encoding guessed, content left out)."""

    @property
    def writable(self) -> bool:
        """Return whether fixes can be written back into the file."""
        return self.source is not None

    @property
    def original_text(self) -> str:
        """Return the text positions refer to: the file's text, else the rendering."""
        return self.source.text if self.source is not None else self.rendering.text


def text_extraction(
    data: bytes, encoding: str | None, render: Callable[[str], Rendering], format_name: str
) -> Extraction:
    """Decode a text file and render it; an encoding that had to be guessed becomes a note.

    Raises:
        ReadError: the data is binary or cannot be decoded with ``encoding``.
    """
    source = decode(data, encoding)
    notes = (
        (f"encoding not declared and not UTF-8: read as {source.encoding}",)
        if source.guessed_encoding
        else ()
    )
    return Extraction(render(source.text), format_name, source, render, notes)


def read_file(manager: pluggy.PluginManager, path: Path, encoding: str | None = None) -> Extraction:
    """Read ``path`` with the first reader plugin that accepts it.

    Raises:
        ReadError: the file is missing, unreadable, binary or malformed for its format,
            or a reader plugin crashed (the message names it).
    """
    return read_data(manager, path, read_bytes(path), encoding)


def read_data(
    manager: pluggy.PluginManager, path: Path, data: bytes, encoding: str | None = None
) -> Extraction:
    """Read the bytes ``data`` of the file ``path`` (read elsewhere) with the reader plugins.

    Raises:
        ReadError: as :func:`read_file`, but for missing or unreadable files.
    """
    try:
        extraction = manager.hook.reslint_read(path=path, data=data, encoding=encoding)
    except ReadError:
        raise
    except Exception as error:
        raise ReadError(f"reader crashed: {type(error).__name__}: {error}") from None
    if extraction is None:  # pragma: no cover - the text reader accepts everything
        raise ReadError("no reader accepts this file")
    return extraction
