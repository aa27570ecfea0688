"""What a reader knows for certain about a document's structure.

Plain text carries no structure: the parser has to find paragraphs, numbers,
footnotes and page furniture from characters alone (:mod:`reslint.layout`).
Word, PDF and Akoma Ntoso files know much of it — a Word paragraph is a
paragraph and its automatic number is a number; a PDF's superscript is a
footnote call and the text below the rule is a footnote; an AKN ``container``
is a preambular paragraph.  A reader that knows these things says so with
:class:`SourceBlock` records, and the parser takes them as given instead of
guessing them again from the rendered text.

Every span is a range of the *rendered* text (:attr:`Rendering.text`).  A block
covers one paragraph whole (a reader joins a paragraph broken across pages);
text between blocks is not part of any paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reslint.text import Span


class BlockRole(str, Enum):
    """What the format says a block is."""

    FRONT = "front"
    """Front matter: masthead, symbol block, distribution line, sponsors, agenda item."""
    TITLE = "title"
    """The resolution's number and title ("79/190. Oceans and the law of the sea")."""
    ORGAN = "organ"
    """The organ line ("The General Assembly,")."""
    PREAMBULAR = "preambular"
    """A preambular paragraph (an AKN ``container``)."""
    NUMBERED = "numbered"
    """A numbered paragraph: its number is :attr:`SourceBlock.number`."""
    ITEM = "item"
    """A list item (subparagraph): its label is :attr:`SourceBlock.number`."""
    HEADING = "heading"
    """A heading (a section of the operative part, a part of the resolution)."""
    QUOTED = "quoted"
    """Text of another document quoted or annexed (an AKN attachment)."""
    ANNEX = "annex"
    """The heading of an annex."""
    ADOPTION = "adoption"
    """The adoption line or meeting line."""
    FOOTNOTE = "footnote"
    """A footnote body: its number is :attr:`SourceBlock.number`."""
    PARAGRAPH = "paragraph"
    """A paragraph whose role the format does not tell: the grammar decides."""


@dataclass(frozen=True, slots=True)
class SourceCall:
    """A footnote call whose place the format knows (a superscript, a note reference).

    ``span`` covers the call as rendered; it is left out of the paragraph's clean text.
    """

    number: int
    span: Span
    style: str = "superscript"


@dataclass(frozen=True, slots=True)
class SourceBlock:
    """One block of a document as its format knows it."""

    role: BlockRole
    span: Span
    number: str | None = None
    """Paragraph number ("1"), list label ("a", "ii") or footnote number, without punctuation."""
    label_span: Span | None = None
    """Where the number or label is written in the rendered text, when it is."""
    level: int = 0
    """List depth of an item: 1 for (a), 2 for (i)."""
    calls: tuple[SourceCall, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What a format's metadata says about the document (AKN FRBR, Word properties)."""

    language: str | None = None
    """An official language code: en, fr, es, ar, ru, zh."""
    organ: str | None = None
    session: int | None = None
    symbol: str | None = None
    date: str | None = None
    """ISO date of adoption."""
