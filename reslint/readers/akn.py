"""Akoma Ntoso (AKN 3.0, in the UN's AKN4UN profile): the resolution's structure from the XML.

What the element names are based on: the OASIS *Akoma Ntoso Version 1.0*
vocabulary (docs.oasis-open.org/legaldocml/akn-core/v1.0: ``formula`` "a
formulaic expression … of a preface or a preamble", ``authorialNote`` an
inline note with ``marker`` and ``placement``, ``num``, ``content``, ``list``
with ``intro``/``point``/``wrapUp``), the AKN4UN guidelines
(unsceb-hlcm.github.io, part 2 "Deliberative documents": a resolution is a
``<statement name="resolution">``; part 3 "Modelling of GA resolutions") and
the GA and ECOSOC resolutions the UN's conference services marked up in that
profile, in its six languages.

The markup says what each block is, and the reader passes that on as
:class:`~reslint.readers.blocks.SourceBlock` records, so nothing is guessed
again from the text:

* ``<coverPage>`` lines are front matter; ``<preface>`` (``<docNumber>79/275.</docNumber>
  <docTitle>…``) is the title;
* in ``<preamble>``, ``<formula name="enactingFormula">`` is the organ line and
  each ``<container>`` one preambular paragraph (its ``<blockList>`` items its
  subparagraphs);
* in ``<mainBody>``, a ``<paragraph>`` with a ``<num>`` of figures ("1.", "1 -")
  is a numbered operative paragraph — so is one whose number is typed at the
  start of its text, as in the Arabic files; a ``<num>`` "I." or "A." (and
  ``<heading>``, ``<subheading>``, ``<crossHeading>``) is a heading; a
  ``<num>`` "(a)" a subparagraph; ``<list>``/``<intro>`` is the paragraph's
  text and each ``<point>`` a subparagraph, one level deeper per nested list;
  a ``<crossHeading refersTo="#preamble">`` inside a section is a preambular
  paragraph of that section; an unnumbered paragraph is the operative part
  when no paragraph of the body is numbered, else the grammar decides;
* a resolution in parts (A, B…) carries one ``<preamble>``/``<mainBody>`` pair
  per part, or one ``<component>`` per part (in a ``<documentCollection>``);
* text of other documents is quoted, not part of the resolution: the annexes
  in ``<attachments>`` (the first short line of each is its heading), an
  ``<embeddedStructure>``, and a component that is a *draft* recommended for
  adoption (its FRBR date is named ``draft``); tables are quoted row by row;
* ``<conclusions>`` is the adoption line.

What the rendering holds, in document order (the ``<meta>`` block left out):
one block per unit, blocks separated by a blank line, whitespace collapsed as
XML mixed content is read; the ``<num>`` written before the text ("1. Decides
…", "(a) To …"); footnotes — ``<authorialNote>`` in the text, or
``<noteRef>`` to a ``<meta><notes><note>`` — as ``[^N]`` calls where they
stand (known to the parser as calls, left out of the paragraph's text; the
parentheses the Arabic files put around a call in ``<sup>`` go with it) and
``[^N]: text`` blocks at the end (N the note's ``marker`` when it is a
number); ``<eol/>``/``<br/>`` as a line break inside the block.

The FRBR metadata gives the facts: the language (``FRBRlanguage``: eng, fra,
spa, ara, rus, zho), the organ (``FRBRauthor``), the adoption date
(``FRBRdate name="adoption"``); the cover page gives the session and the
symbol.

``<i>`` and ``class="italic"`` stretches become :attr:`Rendering.italic`; a
document with no italic markup at all gives ``None`` (its converter dropped the
formatting, so italics cannot be checked).  Positions are source lines of the
XML: each block is anchored at the line of its element (of its ``<num>`` when
it starts with one) and labelled with the ``eId`` of the paragraph, point or
container it belongs to, else an element path such as ``mainBody/paragraph[3]``.

The XML is parsed with entities, DTDs and external references refused
(:mod:`reslint.readers.akn_tree`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from reslint import patterns
from reslint.readers import Anchor, Extraction, Rendering, SourceMap
from reslint.readers.akn_tree import AKN_NAMESPACE, Chars, Element, looks_like_akn, parse_xml
from reslint.readers.blocks import BlockRole, DocumentFacts, SourceBlock, SourceCall
from reslint.reading import ReadError
from reslint.text import Span

__all__ = ["AKN_NAMESPACE", "looks_like_akn", "parse_xml", "read", "render_akn"]

_SPACE = re.compile(r"[ \t\r\n]+")
_BLOCKS = frozenset({"p", "heading", "subheading", "block", "crossHeading"})
"""Elements whose content is one rendered block."""
_SKIPPED = frozenset({"meta", "toc", "componentRef", "img", "object", "documentRef"})
_TRANSPARENT = frozenset(
    {
        "content",
        "intro",
        "wrapUp",
        "list",
        "sublist",
        "blockList",
        "listIntroduction",
        "listWrapUp",
        "recitals",
        "longTitle",
    }
)
"""Wrappers that do not name a paragraph: a block inside one is labelled by the unit around it."""
_SECTIONS = frozenset(
    {
        "coverPage",
        "preface",
        "preamble",
        "mainBody",
        "body",
        "conclusions",
        "attachments",
        "attachment",
        "components",
        "component",
        "collectionBody",
        "embeddedStructure",
    }
)
"""Parts of a document: a block directly inside one is labelled by itself."""
_DIVISIONS = frozenset(
    {"part", "section", "chapter", "title", "division", "subsection", "hcontainer", "book"}
)
"""Divisions of a body: their ``num`` and headings are headings, their paragraphs paragraphs."""
_ITEMS = frozenset({"point", "item"})
_LISTS = frozenset({"list", "sublist", "blockList"})
_FIELDS = frozenset({"docNumber", "docTitle", "docType", "docDate", "docStatus", "docProponent"})
"""Preface fields written side by side (``<docNumber>79/1.</docNumber><docTitle>``)."""
_LINE_BREAKS = frozenset({"eol", "br"})
_NOTES = frozenset({"authorialNote", "noteRef"})
_QUOTING = frozenset({"embeddedStructure", "quotedStructure", "attachments"})
_NOTE_MARKER = re.compile(patterns.NOTE_MARKER)
_CALL_BRACKETS = frozenset({"(", ")"})
"""A ``<sup>`` holding only a parenthesis of a footnote call (Arabic: ``(1)``)."""
_EMPTY_NOTE_NUMBER = re.compile(r"^\s*\(\s*\)\s*")
"""The parentheses of a note's number that the markup left empty (Arabic ``()``)."""

_FINAL_MARKS = frozenset(".,;:!?،؛。，；：．")
"""Marks that end a paragraph's text in the six languages (a title ends with none)."""
_CLOSERS = " \t\"'”’»)）]"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FIGURE = re.compile(patterns.FIGURE_NUMBER_LINE)
"""A paragraph number as ``<num>`` writes it: "1.", "1 -", "12"."""
_TYPED_FIGURE = re.compile(patterns.FIGURE_NUMBER_START)
_MEETING_LINE = patterns.LazyPattern(patterns.meeting_line_alone)
_ASTERISK_NOTE = re.compile(patterns.ASTERISK_NOTE)
"""A paragraph number typed at the start of the text ("1 - ترحب", as in the Arabic files)."""
_MARKED_FIGURE = re.compile(patterns.FIGURE_NUMBER_MARKED_START)
"""A paragraph number typed with its mark ("1.", "1 -") at the start of a text."""
_HEADING_NUMBER = re.compile(patterns.HEADING_NUMBER_LINE)
"""A division's number: "I.", "B.", "一."; a paragraph numbered so is a heading."""
_LABEL = re.compile(patterns.MARKUP_LABEL_LINE)
"""A subparagraph label: "(a)", "a)", "(iv)", "(أ)", "(一)"."""
_TYPED_LABEL = re.compile(patterns.TYPED_LABEL_ANY_SCRIPT)
"""A subparagraph label typed at the start of a paragraph's text ("(a)\tTo…", "а) …")."""

_TYPED_DECIMAL = re.compile(patterns.DECIMAL_NUMBER_START)
"""A decimal number typed at the start of a paragraph: a point of a list, not a paragraph."""

LANGUAGE_CODES = {
    "eng": "en",
    "en": "en",
    "fra": "fr",
    "fre": "fr",
    "fr": "fr",
    "spa": "es",
    "es": "es",
    "ara": "ar",
    "ar": "ar",
    "rus": "ru",
    "ru": "ru",
    "zho": "zh",
    "chi": "zh",
    "zh": "zh",
}
"""FRBR language codes (ISO 639-2, and 639-1 as some files write them) → official language."""


@dataclass
class _Text:
    """One block being rendered: whitespace collapsed; italics, line breaks and calls noted."""

    text: str = ""
    italic: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] = field(default_factory=list)
    """``(offset, line)`` where a line break element starts a new source line."""
    calls: list[tuple[int, int, int]] = field(default_factory=list)
    """``(number, start, end)`` of each footnote call written."""

    def add(self, text: str, line: int | None = None) -> None:
        """Append XML character data, collapsing whitespace runs to one space.

        With the source ``line`` the data starts on, each line it runs onto is
        noted as a break, so that positions give the line the text stands on.
        """
        if line is not None and "\n" in text:
            for number, piece in enumerate(text.split("\n")):
                if number:
                    self.add(" ")
                    self.breaks.append((len(self.text), line + number))
                self.add(piece)
            return
        text = _SPACE.sub(" ", text)
        if text.startswith(" ") and (not self.text or self.text[-1] in " \n"):
            text = text[1:]
        self.text += text

    def separate(self) -> None:
        """Make sure what follows does not stick to what precedes (a space)."""
        if self.text and self.text[-1] not in " \n":
            self.text += " "

    def trim_end(self) -> None:
        """Remove trailing spaces (before a footnote call or a line break)."""
        self.text = self.text.rstrip(" ")

    def finish(self) -> str:
        """Strip the end and clip the italic stretches, breaks and calls to the text."""
        self.text = self.text.rstrip(" \n")
        size = len(self.text)
        self.italic = [(s, min(e, size)) for s, e in self.italic if s < min(e, size)]
        self.breaks = [(offset, line) for offset, line in self.breaks if offset < size]
        self.calls = [call for call in self.calls if call[2] <= size]
        return self.text


@dataclass(frozen=True, slots=True)
class _Block:
    """A rendered block: where it comes from, what it is, its italics and calls (block offsets)."""

    text: str
    line: int
    label: str
    role: BlockRole = BlockRole.PARAGRAPH
    number: str | None = None
    level: int = 0
    italic: tuple[tuple[int, int], ...] = ()
    breaks: tuple[tuple[int, int], ...] = ()
    calls: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Note:
    """A footnote called in the text: its number and the element holding its body."""

    number: int
    body: Element


@dataclass(frozen=True, slots=True)
class _Role:
    """What the next block is, and the number written before it."""

    role: BlockRole
    number: str | None = None
    level: int = 0
    written: str = ""
    """The ``<num>`` as written, put before the block's text."""
    line: int = 0


def _is_italic(element: Element) -> bool:
    return element.name == "i" or "italic" in element.attributes.get("class", "").split()


def _plain(element: Element, skip: frozenset[str] = frozenset()) -> str:
    """Return an element's text, whitespace collapsed, without the elements named in ``skip``."""
    parts: list[str] = []
    stack: list[Element | Chars] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, Chars):
            parts.append(node.text)
        elif node.name not in skip:
            stack.extend(reversed(node.children))
    return _SPACE.sub(" ", "".join(parts)).strip()


def _descendants(element: Element, name: str, skip: frozenset[str] = frozenset()) -> list[Element]:
    """Return the elements called ``name`` below ``element`` (not inside ``skip``), in order."""
    found: list[Element] = []
    stack = list(element.elements())[::-1]
    while stack:
        node = stack.pop()
        if node.name == name:
            found.append(node)
        if node.name not in skip:
            stack.extend(list(node.elements())[::-1])
    return found


def _figure(written: str) -> str | None:
    """Return the paragraph number a ``<num>`` writes in figures ("1 -" → "1"), if it does."""
    found = _FIGURE.match(written)
    return str(int(found.group(1).translate(_DIGITS))) if found else None


def _typed_figure(text: str) -> str | None:
    """Return the paragraph number typed at the start of a text ("1 - ترحب…" → "1")."""
    found = _TYPED_FIGURE.match(text + " ")
    return str(int(found.group(1).translate(_DIGITS))) if found else None


def _reads_as_heading(text: str) -> bool:
    """Return whether a paragraph's text is a title: short, with no final punctuation mark."""
    return 0 < len(text) <= 300 and text.rstrip(_CLOSERS)[-1:] not in _FINAL_MARKS


def _label(written: str) -> str | None:
    found = _LABEL.match(written)
    return found.group(1) if found else None


def _is_draft(component: Element) -> bool:
    """Return whether a component is a draft text recommended for adoption (its FRBR date)."""
    for document in component.elements():
        meta = document.child("meta")
        if meta is None:
            continue
        dates = [d.attributes.get("name", "") for d in _descendants(meta, "FRBRdate")]
        return bool(dates) and dates[0] == "draft"
    return False


def _numbered_body(body: Element) -> bool:
    """Return whether some paragraph of a body is numbered in figures (``num`` or typed)."""
    for paragraph in _descendants(body, "paragraph", skip=_QUOTING):
        number = paragraph.child("num")
        if number is not None:
            if _figure(_plain(number)):
                return True
        elif paragraph.child("content") is not None and _typed_figure(_plain(paragraph)):
            return True
    return False


class _Renderer:
    """Walk a document and render its blocks with their roles, then its footnote bodies."""

    def __init__(self, document: Element, notes: dict[str, Element]) -> None:
        self.document = document
        self.meta_notes = notes
        self.blocks: list[_Block] = []
        self.notes: list[_Note] = []
        self.called: set[str] = set()
        self.italic_seen = False
        self.numbered_body = False
        self.numbered_seen = False
        """A numbered paragraph of the current body has been rendered."""
        self.lead_in = False
        """The current body's numbered paragraphs follow a lead-in ("… as follows:")."""
        self.orphan: _Role | None = None
        """A number whose paragraph had no text: the next unnumbered paragraph's number."""
        self.deferred: list[Element] = []
        """Structures met inside a block (``embeddedStructure``), rendered after it."""

    # structure -----------------------------------------------------------------------

    def walk(self, element: Element, area: str) -> None:
        """Render a structural element's blocks; ``area`` is the part of the document."""
        name = element.name
        if name in _SKIPPED:
            return
        if name in _NOTES:
            self.note_between(element)
            return
        area = self.area_of(element, area)
        if name == "table":
            self.table(element)
            return
        if area == "quoted":
            self.quoted(element)
            return
        if area == "preamble" and name == "formula":
            self.block(element, _Role(BlockRole.ORGAN))
            return
        if area == "preamble" and name == "container":
            self.container(element)
            return
        if area == "body" and name in ("paragraph", *_ITEMS):
            self.paragraph(element, 1 if name in _ITEMS else 0)
            return
        if area == "body" and name in _DIVISIONS:
            self.division(element)
            return
        if name in _BLOCKS or element.has_text():
            self.block(element, _Role(self.default_role(element, area)))
            return
        for child in element.elements():
            self.walk(child, area)

    def area_of(self, element: Element, area: str) -> str:
        """Return the part of the document an element opens (or the one it is in)."""
        name = element.name
        if area == "quoted" or name in _QUOTING:
            return "quoted"
        if name == "component" and _is_draft(element):
            return "quoted"
        if name in ("mainBody", "body"):
            self.numbered_body = _numbered_body(element)
            self.numbered_seen = self.lead_in = False
            return "body"
        return {
            "coverPage": "front",
            "preface": "title",
            "preamble": "preamble",
            "conclusions": "closing",
        }.get(name, area)

    def default_role(self, element: Element, area: str) -> BlockRole:
        """Return the role of a block that no unit around it names."""
        if area == "body" and element.name == "crossHeading":
            return (
                BlockRole.PREAMBULAR
                if element.attributes.get("refersTo") == "#preamble"
                else BlockRole.HEADING
            )
        if area == "body" and element.name in ("heading", "subheading"):
            return BlockRole.HEADING
        return {
            "front": BlockRole.FRONT,
            "title": BlockRole.TITLE,
            "closing": BlockRole.ADOPTION,
        }.get(area, BlockRole.PARAGRAPH)

    def container(self, element: Element) -> None:
        """Render a preambular paragraph: one block, or its lead-in and its list items.

        A container whose text starts with a paragraph number and its mark ("1. 表示注意到…")
        is a numbered operative paragraph the markup put in the preamble.
        """
        typed = _MARKED_FIGURE.match(_plain(element) + " ")
        role = _Role(BlockRole.PREAMBULAR)
        if typed is not None:
            role = _Role(BlockRole.NUMBERED, str(int(typed.group(1).translate(_DIGITS))))
            self.numbered_seen = True
        items = [child for child in element.elements() if child.name in _LISTS]
        if not items:
            self.block(element, role)
            return
        self.unit(element, role, 0)

    def paragraph(self, element: Element, level: int) -> None:
        """Render a paragraph or point: its number and text, then its subparagraphs."""
        number = element.child("num")
        written = _plain(number) if number is not None else ""
        line = number.line if number is not None else element.line
        if level:
            role = _Role(BlockRole.ITEM, _label(written), level, written, line)
        elif number is None:
            role = self.unnumbered(element)
        elif (figure := _figure(written)) is not None:
            role = _Role(BlockRole.NUMBERED, figure, 0, written, line)
            self.numbered_seen = True
        elif _HEADING_NUMBER.match(written):
            role = _Role(BlockRole.HEADING, None, 0, written, line)
        else:
            role = _Role(BlockRole.ITEM, _label(written), 1, written, line)
        before = len(self.blocks)
        self.unit(element, role, level)
        if role.role is BlockRole.NUMBERED and len(self.blocks) == before:
            self.orphan = role  # "1." over an empty paragraph, its text in the next one
        elif len(self.blocks) > before:
            self.orphan = None

    def unnumbered(self, element: Element) -> _Role:
        """Return the role of a body paragraph without ``<num>``."""
        if element.child("content") is None and element.child("list") is None:
            return _Role(BlockRole.HEADING)
        if self.orphan is not None and _plain(element):
            orphan, self.orphan = self.orphan, None
            return orphan
        text = _plain(element)
        if _ASTERISK_NOTE.match(text):
            # "* A/75/150." marked up as a paragraph: the note on the document itself, which
            # nothing in the text calls (as plain text reads it: a note without a number)
            return _Role(BlockRole.FOOTNOTE)
        if _MEETING_LINE.match(text):
            # "20 a sesión plenaria" marked up as a paragraph: the adoption line, not a
            # paragraph numbered 20
            return _Role(BlockRole.ADOPTION)
        figure = _typed_figure(text)
        if figure is not None:
            self.numbered_seen = True
            return _Role(BlockRole.NUMBERED, figure)
        label = _TYPED_LABEL.match(text + " ")
        if label is not None:
            return _Role(BlockRole.ITEM, label.group(1) or label.group(2), 1)
        decimal = _TYPED_DECIMAL.match(text + " ")
        if decimal is not None:  # "2-6-" (Arabic) as "2.6" elsewhere: a point of a list
            whole, part = (int(group.translate(_DIGITS)) for group in decimal.groups())
            return _Role(BlockRole.ITEM, f"{whole}.{part}", 1)
        if not self.numbered_body:
            return _Role(BlockRole.NUMBERED)  # the operative part is one unnumbered paragraph
        own = _plain(element, skip=_NOTES | _QUOTING)
        if _reads_as_heading(own):
            return _Role(BlockRole.HEADING)  # a title between numbered paragraphs
        if own.rstrip(_CLOSERS).endswith((":", "\uff1a")) and not self.numbered_seen:
            # "Resolves that, for 2022:", "Adopts the following declaration:" before the
            # numbered paragraphs it introduces: the UN numbers and cites those paragraphs
            # as the resolution's, and the lead-in heads them
            self.lead_in = True
            return _Role(BlockRole.HEADING)
        if self.lead_in and own[:1].isalpha():
            return _Role(BlockRole.NUMBERED)  # a paragraph of the text adopted, its number lost
        return _Role(BlockRole.PARAGRAPH)

    def unit(self, element: Element, role: _Role | None, level: int) -> None:
        """Render the blocks of a unit: ``role`` for its first text, then what follows it.

        A unit whose number stands with no text after it (a heading's number) keeps
        the number as a block of its own.
        """
        left = self.contents(element, role, level)
        if left is not None and left.written:
            self.block(None, left, element)

    def contents(self, element: Element, role: _Role | None, level: int) -> _Role | None:
        """Render a unit's children; return ``role`` when no text took it."""
        for child in element.elements():
            name = child.name
            if name in _SKIPPED or (name == "num" and role is not None and role.written):
                continue
            if name in _NOTES:
                self.note_between(child)
            elif name in _ITEMS:
                self.paragraph(child, level + 1)
            elif name == "paragraph":
                self.paragraph(child, level)
            elif name == "table":
                self.table(child)
            elif name in ("heading", "subheading") and role is not None:
                self.block(child, replace(role, role=BlockRole.HEADING))
                role = None
            elif name in _BLOCKS or child.has_text():
                self.block(child, role if role is not None else _Role(BlockRole.PARAGRAPH))
                role = None
            else:
                role = self.contents(child, role, level + _deeper(child))
        return role

    def division(self, element: Element) -> None:
        """Render a part or section: its number and headings, then its contents."""
        number = element.child("num")
        role: _Role | None = _Role(
            BlockRole.HEADING,
            None,
            0,
            _plain(number) if number is not None else "",
            number.line if number is not None else element.line,
        )
        for child in element.elements():
            if child is number:
                continue
            if child.name in ("heading", "subheading", "crossHeading") and role is not None:
                if child.name == "crossHeading" and child.attributes.get("refersTo") == "#preamble":
                    self.block(None, role, element)
                    role = None
                    self.walk(child, "body")
                    continue
                self.block(child, role)
                role = None
                continue
            if role is not None and role.written:
                self.block(None, role, element)
            role = None
            self.walk(child, "body")
        if role is not None and role.written:
            self.block(None, role, element)

    def quoted(self, element: Element) -> None:
        """Render text of another document: every block quoted, an annex's heading as such."""
        if element.name == "attachment":
            first = len(self.blocks)
            for child in element.elements():
                self.walk(child, "quoted")
            if first < len(self.blocks):
                heading = self.blocks[first]
                if len(heading.text) <= 150 and heading.text.rstrip()[-1:] not in ",;:":
                    self.blocks[first] = replace(heading, role=BlockRole.ANNEX)
            return
        if element.name == "preface" and element.parent is not None:
            start = len(self.blocks)
            for child in element.elements():
                self.walk(child, "quoted")
            for index in range(start, len(self.blocks)):
                self.blocks[index] = replace(self.blocks[index], role=BlockRole.ANNEX)
            return
        if element.name in _BLOCKS or element.has_text():
            self.block(element, _Role(BlockRole.QUOTED))
            return
        number = element.child("num")
        if number is not None and not element.has_text():
            self.unit(element, _Role(BlockRole.QUOTED, None, 0, _plain(number), number.line), 0)
            return
        for child in element.elements():
            self.walk(child, "quoted")

    def table(self, element: Element) -> None:
        """Render a table row by row, cells separated by tabs, as quoted text."""
        for row in _descendants(element, "tr") or [element]:
            rendered = _Text()
            for cell in row.elements():
                if rendered.text:
                    rendered.trim_end()
                    rendered.text += "\t"
                self.inline(cell, rendered)
            text = rendered.finish()
            if text:
                self.append(row, _Role(BlockRole.QUOTED), rendered)

    # blocks --------------------------------------------------------------------------

    def block(self, element: Element | None, role: _Role, owner: Element | None = None) -> None:
        """Render one block (``element``'s content, or only the number) with its role."""
        rendered = _Text()
        prefix = f"{role.written} " if role.written else ""
        if prefix:
            rendered.text = prefix
            rendered.breaks.append((0, role.line))
        if element is not None:
            if prefix:
                rendered.breaks.append((len(prefix), element.line))
            self.inline(element, rendered)
        if (rendered.finish() and rendered.text != prefix.strip()) or (prefix and element is None):
            source = element if element is not None else owner
            assert source is not None
            self.append(source, role, rendered)
        deferred, self.deferred = self.deferred, []
        for structure in deferred:
            for child in structure.elements():
                self.walk(child, "quoted")

    def append(self, element: Element, role: _Role, rendered: _Text) -> None:
        """Add a rendered block, anchored at its element (or its number's line)."""
        text = rendered.text
        if not text:
            return
        line = role.line if role.written and role.line else element.line
        breaks = tuple((o, n) for o, n in rendered.breaks if o > 0 or n != line)
        last = self.blocks[-1] if self.blocks else None
        if (
            role.role is BlockRole.NUMBERED
            and role.number == "1"
            and last is not None
            and last.role is BlockRole.PREAMBULAR
            and last.text.rstrip(_CLOSERS).endswith((":", "\uff1a"))
        ):
            # "正式决定，对于2022年：" marked up as a container: the lead-in of paragraph 1
            self.blocks[-1] = replace(last, role=BlockRole.HEADING)
        self.blocks.append(
            _Block(
                text,
                line,
                self.label(_unit(element, self.document)),
                role.role,
                role.number,
                role.level,
                tuple(rendered.italic),
                breaks,
                tuple(rendered.calls),
            )
        )

    def label(self, element: Element) -> str:
        """Return the element's ``eId`` (or ``id``), else its path below the document element."""
        identifier = element.attributes.get("eId") or element.attributes.get("id")
        if identifier:
            return identifier
        steps: list[str] = []
        node: Element | None = element
        while node is not None and node is not self.document:
            steps.append(node.step())
            node = node.parent
        return "/".join(reversed(steps))

    # inline content ------------------------------------------------------------------

    def inline(self, element: Element, out: _Text) -> None:
        """Render mixed content: text, italics, footnote calls, line breaks."""
        start = len(out.text)
        children = element.children
        for index, child in enumerate(children):
            if isinstance(child, Chars):
                out.add(child.text, child.line)
            elif child.name in _SKIPPED:
                continue
            elif child.name in _QUOTING:
                self.deferred.append(child)
            elif child.name in _NOTES:
                self.note(child, out)
            elif child.name in _LINE_BREAKS:
                out.trim_end()
                if out.text:
                    out.text += "\n"
                    out.breaks.append((len(out.text), child.line))
            elif child.name == "sup" and _is_call_bracket(children, index):
                continue
            else:
                if child.name == "sup" and out.text[-1:].isdigit() and _plain(child)[:1].isdigit():
                    # a note's number repeated in superscript after figures ("2015–2030<sup>1
                    # </sup>"): written apart, not read as one figure with them ("20301")
                    out.separate()
                if child.name in _FIELDS or child.name in _BLOCKS or child.name == "num":
                    out.separate()
                self.inline(child, out)
                if child.name == "num" or child.name in _BLOCKS:
                    out.separate()
        if _is_italic(element):
            self.italic_seen = True
            end = len(out.text)
            while start < end and out.text[start] in " \n":
                start += 1
            while end > start and out.text[end - 1] in " \n":
                end -= 1
            if end > start:
                out.italic.append((start, end))

    def note_between(self, element: Element) -> None:
        """Call a note that stands between blocks at the end of the block before it."""
        if not self.blocks:
            return
        last = self.blocks[-1]
        rendered = _Text(last.text, list(last.italic), list(last.breaks), list(last.calls))
        self.note(element, rendered)
        self.blocks[-1] = replace(last, text=rendered.text, calls=tuple(rendered.calls))

    def note(self, element: Element, out: _Text) -> None:
        """Call an ``<authorialNote>``, or the ``<meta>`` note a ``<noteRef>`` points to."""
        if element.name == "authorialNote":
            self.call(out, element.attributes.get("marker", ""), element)
            return
        target = element.attributes.get("href", "").lstrip("#")
        body = self.meta_notes.get(target)
        if body is not None:
            self.called.add(target)
            marker = element.attributes.get("marker") or body.attributes.get("marker", "")
            self.call(out, marker, body)

    def call(self, out: _Text, marker: str, body: Element) -> None:
        """Write a footnote call ``[^N]`` and remember the note's body."""
        number = int(marker) if _NOTE_MARKER.fullmatch(marker.strip()) else len(self.notes) + 1
        out.trim_end()
        start = len(out.text)
        out.text += f"[^{number}]"
        out.calls.append((number, start, len(out.text)))
        self.notes.append(_Note(number, body))

    def footnotes(self) -> None:
        """Render the bodies of the notes called, then of the unreferenced ``<meta>`` notes."""
        notes = list(self.notes)
        for identifier, body in self.meta_notes.items():
            if identifier not in self.called:
                marker = body.attributes.get("marker", "").strip()
                number = int(marker) if _NOTE_MARKER.fullmatch(marker) else len(notes) + 1
                notes.append(_Note(number, body))
        for note in notes:
            rendered = _Text()
            prefix = f"[^{note.number}]: "
            rendered.text = prefix
            self.inline(note.body, rendered)
            self.deferred = []
            if rendered.finish() == prefix.rstrip():
                continue  # an empty note: the call stays, without a body
            body = _EMPTY_NOTE_NUMBER.sub("", rendered.text[len(prefix) :])
            if body != rendered.text[len(prefix) :]:
                shift = len(rendered.text) - len(prefix) - len(body)
                rendered.text = prefix + body
                rendered.italic = [
                    (max(len(prefix), s - shift), e - shift)
                    for s, e in rendered.italic
                    if e - shift > len(prefix)
                ]
                rendered.breaks = [(max(len(prefix), o - shift), n) for o, n in rendered.breaks]
            self.blocks.append(
                _Block(
                    rendered.text,
                    note.body.line,
                    self.label(note.body),
                    BlockRole.FOOTNOTE,
                    str(note.number),
                    0,
                    tuple(rendered.italic),
                    tuple(rendered.breaks),
                )
            )


def _deeper(element: Element) -> int:
    """Return 1 for a ``sublist`` nested below points of its list, else 0.

    A ``sublist`` that holds all the points of a list is the list's first level.
    """
    if element.name != "sublist" or element.parent is None:
        return 0
    for sibling in element.parent.elements():
        if sibling is element:
            return 0
        if sibling.name in _ITEMS:
            return 1
    return 0


def _is_call_bracket(children: list[Element | Chars], index: int) -> bool:
    """Return whether a ``<sup>`` is a parenthesis around a footnote call (``(<note/>)``)."""
    sup = children[index]
    assert isinstance(sup, Element)
    if _plain(sup) not in _CALL_BRACKETS:
        return False
    for step in (-1, 1):
        neighbour = index + step
        while 0 <= neighbour < len(children):
            node = children[neighbour]
            if isinstance(node, Chars) and not node.text.strip():
                neighbour += step
                continue
            if isinstance(node, Element) and node.name in _NOTES:
                return True
            break
    return False


def _unit(element: Element, document: Element) -> Element:
    """Return the element that names the block: the paragraph, point or container around it."""
    parent = element.parent
    while parent is not None and parent.name in _TRANSPARENT:
        parent = parent.parent
    if parent is None or parent is document or parent.name in _SECTIONS:
        return element
    return parent


def _document_element(root: Element) -> Element:
    """Return the document-type element (``statement``, ``doc``, ``act``…) under the root."""
    document = next(root.elements(), None)
    if document is None:
        raise ReadError("Akoma Ntoso document without a document element (statement, doc, act)")
    return document


def _meta_notes(document: Element) -> dict[str, Element]:
    """Return the notes kept in ``<meta><notes>``, by ``eId``."""
    meta = document.child("meta")
    notes: dict[str, Element] = {}
    for group in meta.elements() if meta is not None else ():
        if group.name == "notes":
            for note in group.elements():
                identifier = note.attributes.get("eId") or note.attributes.get("id")
                if note.name == "note" and identifier:
                    notes[identifier] = note
    return notes


def document_facts(root: Element) -> DocumentFacts:
    """Return what the FRBR metadata and the cover page say: language, organ, date, session."""
    language = organ = date = symbol = None
    session: int | None = None
    for expression in _descendants(root, "FRBRExpression")[:1]:
        for found in _descendants(expression, "FRBRlanguage")[:1]:
            language = LANGUAGE_CODES.get(found.attributes.get("language", "").strip().lower())
    for work in _descendants(root, "FRBRWork")[:1]:
        for author in _descendants(work, "FRBRauthor")[:1]:
            organ = author.attributes.get("href", "").lstrip("#").strip() or None
        dates = {d.attributes.get("name"): d.attributes.get("date") for d in work.elements()}
        date = dates.get("adoption") or next((d for d in dates.values() if d), None)
    for cover in _descendants(root, "coverPage")[:1]:
        for held in _descendants(cover, "session")[:1]:
            value = held.attributes.get("value", "")
            session = int(value) if value.isdigit() else None
        for number in _descendants(cover, "docNumber"):
            if number.attributes.get("refersTo") == "#symbol":
                symbol = _plain(number) or None
                break
    return DocumentFacts(language, organ, session, symbol, date)


def render_akn(root: Element) -> Rendering:
    """Render a parsed Akoma Ntoso tree: text, blocks, source map, italics and facts."""
    document = _document_element(root)
    renderer = _Renderer(document, _meta_notes(document))
    for part in root.elements():
        for child in part.elements() if part is document else (part,):
            renderer.walk(child, "front" if part is document else "")
    renderer.footnotes()
    if not renderer.blocks:
        raise ReadError(f"Akoma Ntoso <{document.name}> without any text")
    parts: list[str] = []
    anchors: list[Anchor] = []
    italic: list[Span] = []
    blocks: list[SourceBlock] = []
    offset = 0
    for block in renderer.blocks:
        if parts:
            parts.append("\n\n")
            offset += 2
        lines = dict([(0, block.line), *block.breaks])  # the last line noted at an offset wins
        anchors.extend(Anchor(offset + at, line, block.label) for at, line in lines.items())
        italic.extend(Span(offset + s, offset + e) for s, e in block.italic)
        blocks.append(
            SourceBlock(
                block.role,
                Span(offset, offset + len(block.text)),
                block.number,
                level=block.level,
                calls=tuple(
                    SourceCall(number, Span(offset + start, offset + end), "reference")
                    for number, start, end in block.calls
                ),
            )
        )
        parts.append(block.text)
        offset += len(block.text)
    return Rendering(
        "".join(parts),
        None,
        SourceMap(tuple(anchors)),
        tuple(italic) if renderer.italic_seen else None,
        tuple(blocks),
        document_facts(root),
    )


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read an Akoma Ntoso file (``.akn``, ``.xml``)."""
    return Extraction(render_akn(parse_xml(data, encoding)), "akn")
