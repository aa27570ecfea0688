"""Split raw text into blocks: paragraphs and footnote bodies, artefacts kept aside.

Text extracted from PDFs carries page headers (``A/RES/59/187``), page numbers,
job numbers, footnote rules and footnote bodies at the foot of each page, and
paragraphs broken across pages.  This module recognises those artefacts line by
line, re-joins broken paragraphs and returns blocks made of spans of the
original text, so nothing downstream ever sees an artefact as drafting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from reslint import patterns
from reslint.model import Artefact, ArtefactKind
from reslint.numerals import figures_value
from reslint.text import Span

_RULE = re.compile(patterns.FOOTNOTE_RULE_LINE)
_PLACEHOLDER = re.compile(r"<!--.*?-->|`{3,}\w*|[^\w\s]")
_DIRECTIVE = re.compile(r"<!--\s*reslint\b.*?-->", re.I)
_SEPARATOR = re.compile(r"(?:\*\s*){3,}|-{3,9}|_{1,4}|(?:#\s*){3,}")
_STRAY_SUPERSCRIPT = re.compile(patterns.STRAY_SUPERSCRIPT_LINE)
_PAGE_NUMBER = re.compile(patterns.PAGE_NUMBER_LINE)
_JOB_NUMBER = re.compile(patterns.JOB_NUMBER_LINE)
_SYMBOL = re.compile(patterns.DOCUMENT_SYMBOL_LINE)
_DISTRIBUTION = patterns.LazyPattern(patterns.distribution, re.I)
_WHOLE_LINE_ARTEFACT = re.compile(
    "|".join(
        f"(?:{pattern.pattern})" if not pattern.flags & re.I else f"(?i:{pattern.pattern})"
        for pattern in (
            _RULE,
            _DIRECTIVE,
            _PLACEHOLDER,
            _SEPARATOR,
            _STRAY_SUPERSCRIPT,
            _PAGE_NUMBER,
            _JOB_NUMBER,
            _SYMBOL,
        )
    )
)
"""Any of the artefacts that make a whole line, in one expression: most lines are running
text, which this tells at once instead of trying each kind in turn."""
_FOOTNOTE_BODY = re.compile(patterns.NOTE_BODY_START)
_NUMBERED_NOTE = re.compile(patterns.NUMBERED_NOTE_START)
_NOTE_LINE_UNFINISHED = re.compile(patterns.NOTE_LINE_UNFINISHED)
_OP_NUMBER = re.compile(patterns.NUMBERED_TEXT_START)
_BARE_LABEL = re.compile(patterns.BARE_LABEL_LINE)
_BARE_NUMBER = re.compile(patterns.NOTE_NUMBER_LINE)
_MD_FOOTNOTE_BODY = re.compile(patterns.MARKDOWN_NOTE_BODY)
# how an unnumbered footnote text starts ("Voir A/73/368, par. 19.", "Ibid.", "Résolution 70/1.")
NOTE_START = patterns.LazyPattern(patterns.note_start)
_TERMINAL = ",;:."
_TRAILING_NOISE = re.compile(patterns.LINE_END_NOISE)


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: ``start``/``end`` bound its stripped content."""

    start: int
    end: int
    content: str
    page_break: bool = False


@dataclass
class Block:
    """A paragraph or footnote body made of content spans of the original text."""

    kind: str
    segments: list[Span] = field(default_factory=list)
    footnote_number: int | None = None
    last_content: str = ""
    region: int = 0
    after_page_break: bool = False
    """The block starts the text after a page break (its page's furniture, notes): the
    paragraph before may go on in it."""

    def add(self, line: Line) -> None:
        """Append a line's content."""
        self.segments.append(Span(line.start, line.end))
        self.last_content = line.content

    @property
    def span(self) -> Span:
        """Return the span from the first to the last segment."""
        return Span(self.segments[0].start, self.segments[-1].end)


@dataclass
class Layout:
    """Blocks and artefacts of a text."""

    blocks: list[Block]
    artefacts: list[Artefact]
    has_rule: bool
    page_breaks: int


def split_lines(text: str) -> list[Line]:
    """Return the lines of ``text`` with offsets of their stripped content."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if content:
            start = position + len(raw) - len(raw.lstrip()) if raw[:1].isspace() else position
        else:
            start = position + len(raw)  # a blank line: an empty span at its end
        lines.append(Line(start, start + len(content), content, "\f" in raw))
        position += len(raw) + 1
    return lines


def artefact_kind(content: str) -> ArtefactKind | None:
    """Classify a whole stripped line as an extraction artefact, or return None."""
    return _artefact_kind_of_clean(content.replace("\f", "").strip())


def _artefact_kind_of_clean(content: str) -> ArtefactKind | None:
    """Classify a line's content with its form feeds and outer spaces taken off already."""
    if not content:
        return None
    if _WHOLE_LINE_ARTEFACT.fullmatch(content) is None:
        return ArtefactKind.DISTRIBUTION if _DISTRIBUTION.match(content) else None
    if _RULE.fullmatch(content):
        return ArtefactKind.FOOTNOTE_RULE
    if _DIRECTIVE.fullmatch(content):
        return ArtefactKind.DIRECTIVE
    if _PLACEHOLDER.fullmatch(content):
        return ArtefactKind.PLACEHOLDER
    if _SEPARATOR.fullmatch(content):
        return ArtefactKind.SEPARATOR
    if _STRAY_SUPERSCRIPT.fullmatch(content):
        return ArtefactKind.STRAY_SUPERSCRIPT
    if _PAGE_NUMBER.fullmatch(content):
        return ArtefactKind.PAGE_NUMBER
    if _JOB_NUMBER.fullmatch(content):
        return ArtefactKind.JOB_NUMBER
    if _SYMBOL.fullmatch(content) and "/" in content:
        return ArtefactKind.PAGE_HEADER
    if _DISTRIBUTION.match(content):
        return ArtefactKind.DISTRIBUTION
    return None


def is_terminated(content: str) -> bool:
    """Return whether a line ends with terminal punctuation (quotes and calls aside)."""
    last = content[-1:]
    if last and not (last.isspace() or last.isdigit() or last in patterns.LINE_END_CLOSERS):
        return last in _TERMINAL  # nothing for ``patterns.LINE_END_NOISE`` to set aside
    trimmed = _TRAILING_NOISE.sub("", content[-40:])
    return bool(trimmed) and trimmed[-1] in _TERMINAL


_UNKNOWN = object()
"""A line's strength not asked for yet."""


class LineCategory(str, Enum):
    """What a physical line is, before it is placed."""

    BLANK = "blank"
    ARTEFACT = "artefact"
    """Page furniture: a running head, page or job number, footnote rule, placeholder."""
    MARKDOWN_NOTE = "markdown_note"
    """A Markdown footnote body (``[^1]: text``)."""
    TEXT = "text"


class Area(str, Enum):
    """Where on the page the layout is: in the running text or in a page's footnotes."""

    TEXT = "text"
    FOOTNOTES = "footnotes"


@dataclass
class _Layouter:
    """The layout's state while it reads a text line by line.

    Each line gets a :class:`LineCategory`; the table :data:`LINE_TABLE` says, for
    the area the layout is in and that category, what is done with the line.
    """

    starts_paragraph: Callable[[str], str | None]
    is_organ_line: Callable[[str], bool]
    blocks: list[Block] = field(default_factory=list)
    artefacts: list[Artefact] = field(default_factory=list)
    current: Block | None = None
    footnote: Block | None = None
    area: Area = Area.TEXT
    gap: bool = False
    page_gap: bool = False
    has_rule: bool = False
    page_breaks: int = 0
    seen_content: bool = False
    last_number: int = 0
    regions: int = 0
    content: str = ""
    """The content of the line being read."""
    _strength: str | object | None = _UNKNOWN
    lone_number: int | None = None
    """A number just read alone on its line, in the running text (a page's or a note's)."""
    last_note: int = 0
    """The number of the last numbered note read (0: none yet)."""

    def strength(self) -> str | None:
        """Return how surely the line being read starts a paragraph (see :func:`layout`).

        Asked only where the answer decides something, and once a line: most lines
        of hard-wrapped text continue a paragraph whatever their first words are.
        """
        if self._strength is _UNKNOWN:
            self._strength = self.starts_paragraph(self.content)
        return self._strength  # type: ignore[return-value]

    def close_footnotes(self) -> None:
        self.area = Area.TEXT
        self.footnote = None

    def categorise(self, content: str) -> tuple[LineCategory, ArtefactKind | None]:
        """Return the category of a line's content (and its kind, for an artefact); the
        content is cleaned as :meth:`read` cleans it (form feeds, outer spaces)."""
        if not content:
            return LineCategory.BLANK, None
        kind = _artefact_kind_of_clean(content)  # read() cleaned the content
        if kind is ArtefactKind.PAGE_HEADER and not self.seen_content:
            kind = None  # the symbol at the top of the first page is header text
        if (
            kind is ArtefactKind.PAGE_NUMBER
            and self.area is Area.FOOTNOTES
            and _BARE_NUMBER.fullmatch(content)
        ):
            kind = None  # a footnote number whose text the extraction put on the next line
        if kind is not None:
            return LineCategory.ARTEFACT, kind
        if _MD_FOOTNOTE_BODY.match(content):
            return LineCategory.MARKDOWN_NOTE, None
        return LineCategory.TEXT, None

    def read(self, line: Line) -> None:
        """Place one line."""
        content = line.content.replace("\f", "").strip()
        if line.page_break:
            self.page_gap = True
            self.page_breaks += 1
            self.close_footnotes()
        category, kind = self.categorise(content)
        self.content = content
        self._strength = _UNKNOWN
        for handler in LINE_TABLE[(self.area, category)]:
            if handler(self, line, content, kind):
                return

    def blank(self, line: Line, content: str, kind: ArtefactKind | None) -> bool:
        self.gap = True
        return True

    def artefact(self, line: Line, content: str, kind: ArtefactKind | None) -> bool:
        assert kind is not None
        self.artefacts.append(Artefact(kind, Span(line.start, line.end)))
        bare = kind is ArtefactKind.PAGE_NUMBER and _BARE_NUMBER.fullmatch(content)
        self.lone_number = int(content) if bare else None
        if kind is ArtefactKind.FOOTNOTE_RULE:
            self.has_rule = True
            self.regions += 1
            self.area = Area.FOOTNOTES
            self.footnote = None
        elif kind in (ArtefactKind.PAGE_HEADER, ArtefactKind.PAGE_NUMBER):
            if kind is ArtefactKind.PAGE_HEADER:
                self.close_footnotes()
            self.page_gap = True
            self.page_breaks += kind is ArtefactKind.PAGE_HEADER
        self.gap = True
        return True

    def markdown_note(self, line: Line, content: str, kind: ArtefactKind | None) -> bool:
        self.seen_content = True
        found = _MD_FOOTNOTE_BODY.match(content)
        assert found is not None
        self.footnote = self.open_note(int(found.group(1)))
        self.footnote.add(line)
        self.area = Area.FOOTNOTES
        self.gap = False
        return True

    def footnote_text(self, line: Line, content: str, kind: ArtefactKind | None) -> bool:
        """A line below a footnote rule: a note's text, or the running text resuming."""
        self.seen_content = True
        strength = self.strength()
        footnote, current = self.footnote, self.current
        opens = strength is not None and (
            strength == "strong" or is_terminated(footnote.last_content if footnote else ".")
        )
        body = (
            _FOOTNOTE_BODY.match(content)
            or _BARE_NUMBER.fullmatch(content)
            or self.next_note(content, footnote)
        )
        empty_note = footnote is None or _BARE_NUMBER.fullmatch(footnote.last_content)
        continues_paragraph = (
            body is None
            and current is not None
            and (
                (
                    empty_note is not None
                    and (
                        content[:1].islower()
                        # an uppercase line after a bare number is that note's text
                        or (
                            footnote is None
                            and not is_terminated(current.last_content)
                            and not NOTE_START.match(content)
                        )
                    )
                )
                # after a blank line, lowercase text resumes the paragraph, not a note
                or (self.gap and content[:1].islower() and current.last_content[-1:] not in ";.")
                # after a finished note, text that starts no paragraph and no note resumes
                # the paragraph the page broke ("… du Sommet" + notes + "Nations Unies sur …")
                or (
                    self.gap
                    and strength is None
                    and footnote is not None
                    and empty_note is None
                    and is_terminated(footnote.last_content)
                    and not is_terminated(current.last_content)
                    and not NOTE_START.match(content)
                    and not (len(content) < 160 and content.endswith("."))  # a note's text
                )
            )
        )
        if continues_paragraph and footnote is not None and empty_note is not None:
            # a lone number at the foot of the page was a page number, not a note
            self.blocks.remove(footnote)
            self.artefacts.append(Artefact(ArtefactKind.PAGE_NUMBER, footnote.span))
        if not opens and not continues_paragraph:
            if body:
                footnote = self.open_note(figures_value(body.group(1)))
            elif footnote is None:
                footnote = self.open_note(None)
            self.footnote = footnote
            footnote.add(line)
            self.gap = False
            return True
        self.close_footnotes()
        if continues_paragraph:
            self.page_gap = True
        return self.running_text(line, content, kind)

    def open_note(self, number: int | None) -> Block:
        """Start a note block of the current region; a numbered one is the last note read."""
        note = Block("footnote", footnote_number=number, region=self.regions)
        if number is not None:
            self.last_note = number
        self.blocks.append(note)
        return note

    def next_note(self, content: str, footnote: Block | None) -> re.Match[str] | None:
        """Return the number of a note's text that opens with neither a capital nor a symbol
        ("28 июня 2011 года …", "2020年9月14日…", Arabic letters or turned brackets ")("),
        when it is the note numbered after the last one read ("1" for the first): another
        number is a line of the text the rule interrupted ("12 juillet 2011, 2068 (2012) …")
        or of the note before. A note whose line is unfinished ("…, paras. 12,") goes on
        in this line ("13 and 14."), whatever its number."""
        if footnote is not None and _NOTE_LINE_UNFINISHED.search(footnote.last_content):
            return None
        found = _NUMBERED_NOTE.match(content)
        if found is None or figures_value(found.group(1)) != self.last_note + 1:
            return None
        return found

    def running_text(self, line: Line, content: str, kind: ArtefactKind | None) -> bool:
        """A line of the running text: it starts a paragraph or continues the current one."""
        self.seen_content = True
        number, self.lone_number = self.lone_number, None
        if number is not None and self.current is not None and NOTE_START.match(content):
            # a note's number and its text ("2" then "Résolution 69/137, annexe II."), the
            # footnotes of a page extracted without their rule
            self.footnote = self.open_note(number)
            self.footnote.add(line)
            self.area = Area.FOOTNOTES
            self.gap = False
            return True
        current = self.current
        if current is None:
            starts = True
        elif _BARE_LABEL.fullmatch(current.last_content) and len(current.segments) == 1:
            starts = False  # "6." alone on its line: the paragraph's text follows
        elif self.gap:
            unfinished = not is_terminated(current.last_content)
            if self.page_gap:
                starts = not unfinished or self.strength() is not None
            else:
                starts = not (unfinished and content[:1].islower() and self.strength() is None)
        else:
            number = _OP_NUMBER.match(content)
            if is_terminated(current.last_content) or (
                number is not None and int(number.group(1)) == self.last_number + 1
            ):
                starts = self.strength() is not None
            else:
                # only an organ line starts a paragraph after an unfinished line
                starts = self.is_organ_line(content)
        if starts:
            current = Block("paragraph", after_page_break=self.page_gap)
            self.current = current
            self.blocks.append(current)
            number = _OP_NUMBER.match(content)
            if number is not None:
                self.last_number = int(number.group(1))
        assert current is not None
        current.add(line)
        self.gap = False
        self.page_gap = False
        return True


_LineHandler = Callable[[_Layouter, Line, str, "ArtefactKind | None"], bool]

LINE_TABLE: dict[tuple[Area, LineCategory], tuple[_LineHandler, ...]] = {
    (Area.TEXT, LineCategory.BLANK): (_Layouter.blank,),
    (Area.TEXT, LineCategory.ARTEFACT): (_Layouter.artefact,),
    (Area.TEXT, LineCategory.MARKDOWN_NOTE): (_Layouter.markdown_note,),
    (Area.TEXT, LineCategory.TEXT): (_Layouter.running_text,),
    (Area.FOOTNOTES, LineCategory.BLANK): (_Layouter.blank,),
    (Area.FOOTNOTES, LineCategory.ARTEFACT): (_Layouter.artefact,),
    (Area.FOOTNOTES, LineCategory.MARKDOWN_NOTE): (_Layouter.markdown_note,),
    (Area.FOOTNOTES, LineCategory.TEXT): (_Layouter.footnote_text,),
}
"""For the area the layout is in and a line's category, what is done with the line."""


def layout(
    text: str,
    starts_paragraph: Callable[[str], str | None],
    is_organ_line: Callable[[str], bool] | None = None,
) -> Layout:
    """Split ``text`` into blocks.

    Args:
        text: the original text.
        starts_paragraph: returns a non-empty strength (``"organ"``, ``"strong"`` or
            ``"opener"``) when a line's content can only be the start of a paragraph.
        is_organ_line: returns whether ``starts_paragraph`` would say ``"organ"``, at
            less cost (by default, it is asked).
    """
    organ = is_organ_line or (lambda content: starts_paragraph(content) == "organ")
    layouter = _Layouter(starts_paragraph, organ)
    for line in split_lines(text):
        layouter.read(line)
    return Layout(
        _split_headings(text, layouter.blocks),
        layouter.artefacts,
        layouter.has_rule,
        layouter.page_breaks,
    )


def _split_headings(text: str, blocks: list[Block]) -> list[Block]:
    """Split off a heading line stuck to the end of a paragraph ("Arms embargo" + "5.")."""
    result: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind == "paragraph"
            and len(block.segments) >= 2
            and following is not None
            and following.kind == "paragraph"
            and _OP_NUMBER.match(text[following.segments[0].start : following.segments[0].end])
        ):
            last = block.segments[-1]
            line = text[last.start : last.end]
            before = block.segments[-2]
            if (
                len(line) <= 80
                and line[:1].isupper()
                and not is_terminated(line)
                and is_terminated(text[before.start : before.end])
            ):
                block.segments.pop()
                block.last_content = text[before.start : before.end]
                heading = Block("paragraph", [last], last_content=line)
                result.extend((block, heading))
                continue
        result.append(block)
    return result
