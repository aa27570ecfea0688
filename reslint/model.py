"""The document model: frozen records whose spans index the original text.

The model is lossless: every node records the spans of the original text it was
built from, artefacts of PDF extraction are kept aside as spans, and line/column
positions are derived from offsets through :class:`reslint.text.LineIndex`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Iterator

from reslint.text import LineIndex, Span


class NodeKind(str, Enum):
    """What a block of the resolution is."""

    HEADER = "header"
    TITLE = "title"
    ORGAN = "organ"
    PREAMBULAR = "preambular_paragraph"
    OPERATIVE = "operative_paragraph"
    SUBPARAGRAPH = "subparagraph"
    SECTION = "section_heading"
    QUOTED = "quoted_text"
    ADOPTION = "adoption"
    ANNEX = "annex_heading"
    FOOTNOTE = "footnote"
    UNCLASSIFIED = "unclassified"


class ArtefactKind(str, Enum):
    """Text that the extraction of a document added and the drafter never wrote."""

    PAGE_HEADER = "page_header"
    PAGE_NUMBER = "page_number"
    JOB_NUMBER = "job_number"
    FOOTNOTE_RULE = "footnote_rule"
    PLACEHOLDER = "placeholder"
    DISTRIBUTION = "distribution_line"
    SEPARATOR = "separator"
    STRAY_SUPERSCRIPT = "stray_superscript"
    DIRECTIVE = "directive"
    """A reslint comment (``<!-- reslint: ... -->``); the drafter wrote it, but not as text."""


@dataclass(frozen=True, slots=True)
class Artefact:
    """A span of extraction artefact kept out of the rules' way."""

    kind: ArtefactKind
    span: Span


@dataclass(frozen=True, slots=True)
class TextView:
    """Clean text of a block: its pieces of the original joined, artefacts left out.

    ``pieces`` holds ``(view_offset, original_offset, length)`` triples in order;
    a single space stands between two pieces where the original had a line break
    or a removed footnote call.
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    def to_original(self, offset: int) -> int:
        """Map an offset of the view to an offset of the original text."""
        pieces = self.pieces
        if len(pieces) == 1:  # a block of one line: no piece to look for
            view_start, original_start, length = pieces[0]
            return original_start + min(offset - view_start, length)
        if not pieces:
            return 0
        index = max(0, bisect.bisect_right(pieces, offset, key=_view_offset) - 1)
        view_start, original_start, length = pieces[index]
        return original_start + min(offset - view_start, length)

    def original_span(self, start: int, end: int) -> Span:
        """Map a view range to a span of the original text."""
        first = self.to_original(start)
        if end <= start:
            return Span(first, first)
        last = self.to_original(end - 1) + 1
        return Span(first, max(first, last))


def _view_offset(piece: tuple[int, int, int]) -> int:
    return piece[0]


@dataclass(frozen=True, slots=True)
class Opener:
    """The opening phrase of a paragraph."""

    span: Span
    text: str
    phrase: str
    known: bool
    degree: str = ""
    marker: str = ""
    marker_before: bool = False
    gender: str = ""


@dataclass(frozen=True, slots=True)
class FootnoteCall:
    """A footnote call in running text, with how it was written."""

    number: int
    span: Span
    style: str


@dataclass(frozen=True, slots=True)
class Node:
    """One block of the document."""

    kind: NodeKind
    span: Span
    view: TextView
    index: int
    number: str | None = None
    label_span: Span | None = None
    opener: Opener | None = None
    terminator: str = ""
    terminator_span: Span | None = None
    parent: int | None = None
    section: int = 0
    part: int = 0
    depth: int = 0
    calls: tuple[FootnoteCall, ...] = ()

    @property
    def text(self) -> str:
        """Return the clean text of the node."""
        return self.view.text


@dataclass(frozen=True)
class Document:
    """A parsed resolution."""

    text: str
    language: str
    nodes: tuple[Node, ...]
    artefacts: tuple[Artefact, ...] = ()
    organ: str | None = None
    organ_gender: str = ""
    organ_span: Span | None = None
    session: int | None = None
    symbol: str | None = None
    has_footnote_section: bool = False
    from_pdf: bool = False
    path: str | None = None
    calls: tuple[FootnoteCall, ...] = field(default=())
    footnote_regions: tuple[tuple[int, ...], ...] = ()
    """Footnote numbers found together at the foot of each page (one tuple per page)."""
    italic: tuple[Span, ...] | None = None
    """Italic stretches of the text, when the input format carries formatting (else None)."""
    source_format: str = "text"
    """The format the text was read from: text, markdown, docx, pdf, akn (or a plugin's)."""

    @cached_property
    def line_index(self) -> LineIndex:
        """Return the line index of the original text."""
        return LineIndex(self.text)

    def of_kind(self, *kinds: NodeKind) -> Iterator[Node]:
        """Iterate over the nodes of the given kinds, in document order."""
        return (node for node in self.nodes if node.kind in kinds)

    @cached_property
    def preambular(self) -> tuple[Node, ...]:
        """Return the preambular paragraphs."""
        return tuple(self.of_kind(NodeKind.PREAMBULAR))

    @cached_property
    def operative(self) -> tuple[Node, ...]:
        """Return the operative paragraphs."""
        return tuple(self.of_kind(NodeKind.OPERATIVE))

    @cached_property
    def footnotes(self) -> tuple[Node, ...]:
        """Return the footnote bodies."""
        return tuple(self.of_kind(NodeKind.FOOTNOTE))

    @cached_property
    def _children(self) -> dict[int, tuple[Node, ...]]:
        grouped: dict[int, list[Node]] = {}
        for node in self.nodes:
            if node.parent is not None:
                grouped.setdefault(node.parent, []).append(node)
        return {key: tuple(value) for key, value in grouped.items()}

    def children(self, node: Node) -> tuple[Node, ...]:
        """Return the direct children (subparagraphs, quoted text) of ``node``."""
        return self._children.get(node.index, ())
