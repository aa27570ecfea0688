"""Word files: the text as Word shows it, with its numbering, footnotes and italics.

python-docx opens the package (zip, content types, relationships, styles,
numbering part) — the well-kept library made for that.  The text itself is
read from the XML of each paragraph, because ``Paragraph.text`` reads the
wrong things for a linter: it leaves out hyperlinks, automatic numbers and
footnote calls, and it cannot tell a tracked deletion from accepted text.

What the rendering holds, in document order:

* one block per non-empty body paragraph (table cells and content controls
  included), blocks separated by a blank line;
* Word's automatic numbers ("1.", "(a)") rebuilt from ``numbering.xml`` and
  written before the paragraph's text; typed numbers stay as typed;
* footnote calls as ``[^N]`` where the reference run stands, N counted in order
  of appearance as Word displays them; a cross-reference field showing a
  footnote's number (``NOTEREF``: the same note cited again) is a call of that
  note too; the footnote texts at the end as ``[^N]: text`` blocks;
* the document as it reads with tracked changes accepted: deleted and
  moved-away text, hidden text, field codes and comment marks are left out.

With the text come what the file says for certain (see
:mod:`reslint.readers.docx_blocks`): one :class:`SourceBlock` per paragraph and
footnote, with the number or label of an automatically numbered paragraph, the
exact place of every footnote call, and the symbol and language from the
document properties.  The parser takes them as given.

Italic runs (direct formatting or through character and paragraph styles)
become :attr:`Rendering.italic` spans.  Positions are Word paragraph numbers:
paragraph N is the N-th body paragraph, empty ones included, so that
``draft.docx:12:5`` points to what a reader counts in Word; a finding in a
footnote points to the paragraph that calls it.

:func:`render_document` also returns a :class:`RunMap` from rendered offsets
back to the runs and text elements they came from; ``reslint annotate`` uses
it to anchor Word comments on the exact offending text.
"""

from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from reslint import patterns
from reslint.limits import check_zip, current, small_number
from reslint.numerals import letter_label, roman_label
from reslint.readers import (
    Anchor,
    BlockRole,
    Extraction,
    Rendering,
    SourceBlock,
    SourceCall,
    SourceMap,
)
from reslint.readers.docx_blocks import document_facts, in_grid_table, list_role
from reslint.reading import ReadError
from reslint.text import Span

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

MISSING_LIBRARY = "reading Word files needs python-docx: pip install 'reslint[docx]'"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_FOOTNOTES_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
)
_NUMBERING_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
)
_CONTAINERS = frozenset(
    _W + name
    for name in (
        "ins",
        "hyperlink",
        "smartTag",
        "customXml",
        "sdt",
        "sdtContent",
        "fldSimple",
        "moveTo",
        "dir",
        "bdo",
    )
)
"""Paragraph content whose runs are shown: insertions, links, content controls, simple fields."""
_BLOCK_CONTAINERS = frozenset(
    _W + name for name in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
"""Body content that holds paragraphs: tables, content controls."""
_NOTE_TYPES_SKIPPED = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_OFF = frozenset({"0", "false", "off", "none"})
_STREAM_NAME = re.compile(r"file '<[^']*>' ")
_TYPED_CALLS = re.compile(patterns.TYPED_CALLS)
"""Superscript text that can only be note numbers: "13", "4,6"."""
_CALL_SEPARATOR = re.compile(r"[\s,]{1,3}")
"""What stands between two calls of one group ("1,2"): part of the calls, not of the text."""
_NOTE_CROSS_REFERENCE = re.compile(r"\s*NOTEREF\s+(\S+)")
"""A field showing the number of the footnote in a bookmark: the same note called again."""


def _w(name: str) -> str:
    return _W + name


def _on(element: Any) -> bool | None:
    """Return the value of an on/off property element (None when it is absent)."""
    if element is None:
        return None
    return element.get(_w("val"), "1").lower() not in _OFF


def _is_on(value: str | None) -> bool:
    """Return whether an on/off attribute is set ("1", "true", "on")."""
    return value is not None and value.lower() not in _OFF


@dataclass(frozen=True, slots=True)
class Segment:
    """Rendered text ``[start, end)`` produced by one element of a run.

    ``element`` is a ``w:t`` (then ``offset`` is where the segment starts in its
    text) or an element that renders as one piece (``w:tab``, ``w:br``, a
    footnote reference).
    """

    start: int
    end: int
    run: Any
    element: Any
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """One rendered paragraph (or footnote) and the run segments that produced it."""

    start: int
    end: int
    segments: tuple[Segment, ...]
    paragraph: int
    """The Word paragraph number (of the reference, for a footnote)."""
    footnote: int | None = None
    """The footnote's displayed number when the block is a footnote text."""


@dataclass(frozen=True)
class RunMap:
    """Rendered offsets → the Word runs and text elements they came from."""

    blocks: tuple[Block, ...]
    calls: dict[int, int] = field(default_factory=dict)
    """Footnote number → rendered offset of its call (``[^N]``) in the body."""

    def block(self, offset: int) -> Block | None:
        """Return the block whose text ``[start, end]`` holds ``offset`` (its end included)."""
        index = bisect.bisect_right(self.blocks, offset, key=lambda b: b.start) - 1
        if index >= 0 and offset <= self.blocks[index].end:
            return self.blocks[index]
        return None

    def segment(self, offset: int) -> Segment | None:
        """Return the segment that produced the character at ``offset`` (None: no run did)."""
        block = self.block(offset)
        if block is None:
            return None
        index = bisect.bisect_right(block.segments, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < block.segments[index].end:
            return block.segments[index]
        return None


def open_document(data: bytes) -> WordDocument:
    """Open the bytes of a .docx file with python-docx.

    Raises:
        ReadError: python-docx is not installed, or the bytes are not a Word document.
    """
    try:
        import docx
    except ImportError:
        raise ReadError(MISSING_LIBRARY) from None
    check_zip(data, "a Word document")  # part count and inflated sizes, before anything is inflated
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # zip, XML, content-type and missing-part errors alike
        raise ReadError(f"not a Word document ({_cause(error)})") from None


def _cause(error: Exception) -> str:
    """Return an error's message in one line, without python-docx's name for the stream."""
    message = _STREAM_NAME.sub("", " ".join(str(error).split()))
    return message or type(error).__name__


def _related_element(document: WordDocument, relationship: str) -> Any:
    """Return the parsed XML of the document part related by ``relationship`` (None: none)."""
    from docx.oxml.parser import parse_xml

    part = document.part
    for rel in part.rels.values():
        if rel.reltype == relationship and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is not None:
                return element
            try:
                return parse_xml(target.blob)
            except Exception as error:  # lxml's syntax errors
                name = str(target.partname).lstrip("/")
                raise ReadError(f"not a Word document ({name}: {_cause(error)})") from None
    return None


class _Styles:
    """Style lookups through ``basedOn`` chains: italics and paragraph-style numbering."""

    def __init__(self, document: WordDocument) -> None:
        root = document.styles.element
        self.styles: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        for style in root.iterchildren(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            self.styles[style_id] = style
            is_default = style.get(_w("default"), "0").lower() in ("1", "true", "on")
            if style.get(_w("type")) == "paragraph" and is_default:
                self.default_paragraph = style_id
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_italic = bool(_on(defaults.find(_w("i")))) if defaults is not None else False

    def chain(self, style_id: str | None) -> Iterator[Any]:
        """Yield the style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return
            yield style
            based_on = style.find(_w("basedOn"))
            style_id = based_on.get(_w("val")) if based_on is not None else None

    def italic(self, style_id: str | None) -> bool | None:
        """Return whether a style sets italics (None when no style in its chain says)."""
        for style in self.chain(style_id):
            value = _on(style.find(f"{_w('rPr')}/{_w('i')}"))
            if value is not None:
                return value
        return None

    def superscript(self, properties: Any) -> bool:
        """Return whether a run is raised as a superscript, directly or by its character style."""
        if properties is None:
            return False
        direct = properties.find(_w("vertAlign"))
        if direct is not None:
            return direct.get(_w("val")) == "superscript"
        reference = properties.find(_w("rStyle"))
        for style in self.chain(reference.get(_w("val")) if reference is not None else None):
            inherited = style.find(f"{_w('rPr')}/{_w('vertAlign')}")
            if inherited is not None:
                return inherited.get(_w("val")) == "superscript"
        return False

    def paragraph_style(self, paragraph: Any) -> str | None:
        """Return the paragraph's style id (the default paragraph style when none is set)."""
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        return style.get(_w("val")) if style is not None else self.default_paragraph


@dataclass(frozen=True, slots=True)
class _Level:
    """One level of a list definition."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


def _level(element: Any) -> _Level:
    def value(name: str) -> str | None:
        found = element.find(_w(name))
        return found.get(_w("val")) if found is not None else None

    start, restart = value("start"), value("lvlRestart")
    return _Level(
        start=_start_value(start) if start is not None else 1,
        format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        restart=small_number(restart or "", current().list_level + 1),
        legal=bool(_on(element.find(_w("isLgl")))),
        suffix=value("suff") or "tab",
        style=value("pStyle"),
    )


def _start_value(text: str) -> int:
    """Return a list's start value; a number beyond Word's range refuses the file.

    Anything but a decimal number (Word writes none other) counts as the default, 1.

    Raises:
        ReadError: the number is out of range (it would size a label of millions of letters).
    """
    text = text.strip()
    digits = text.removeprefix("-")
    if not digits.isascii() or not digits.isdigit():
        return 1
    maximum = current().list_start
    value = small_number(digits, maximum)
    if value is None or text.startswith("-"):
        raise ReadError(
            f"numbering start value {text[:40]} is out of range (0 to {maximum}) in numbering.xml"
        )
    return value


def _level_index(text: str | None) -> int:
    """Return a list level (0 to 8); anything else counts as the first level, 0."""
    value = small_number((text or "0").strip(), current().list_level)
    return value if value is not None else 0


def _letters(value: int, upper: bool) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …"""
    if value <= 0:
        return str(value)
    label = letter_label(value)
    return label.upper() if upper else label


def _roman(value: int) -> str:
    return roman_label(value) if value > 0 else str(value)


def format_number(value: int, number_format: str) -> str:
    """Write a list counter the way Word shows it for ``w:numFmt``."""
    if number_format == "lowerLetter":
        return _letters(value, upper=False)
    if number_format == "upperLetter":
        return _letters(value, upper=True)
    if number_format == "lowerRoman":
        return _roman(value)
    if number_format == "upperRoman":
        return _roman(value).upper()
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "none":
        return ""
    return str(value)


ITEM_FORMATS = frozenset({"lowerLetter", "lowerRoman", "upperLetter", "upperRoman"})
"""Counter formats of list levels that label subparagraphs, (a) or (i)."""


@dataclass(frozen=True, slots=True)
class ListNumber:
    """The automatic number Word shows before a paragraph, and what it is made of."""

    shown: str
    """The number as written before the text ("3. ", "(a) ")."""
    value: str
    """The paragraph's own counter as formatted ("3", "a", "ii")."""
    format: str
    """``w:numFmt`` of the paragraph's level (decimal, lowerLetter…)."""
    pattern: str
    """``w:lvlText`` of the level ("%1.", "(%2)")."""
    placeholder: str
    """The placeholder of the paragraph's own level in ``pattern`` ("%2")."""
    depth: int
    """1 + the number of subparagraph levels above this one in its list."""


class _Numbering:
    """Word's automatic numbering: list definitions and the counters of one reading."""

    def __init__(self, root: Any, styles: _Styles) -> None:
        self.styles = styles
        abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, dict[int, _Level]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for definition in root.iterchildren(_w("abstractNum")):
            levels = {
                _level_index(lvl.get(_w("ilvl"))): _level(lvl)
                for lvl in definition.iterchildren(_w("lvl"))
            }
            abstract[definition.get(_w("abstractNumId"), "")] = levels
        for num in root.iterchildren(_w("num")):
            reference = num.find(_w("abstractNumId"))
            levels = dict(
                abstract.get(reference.get(_w("val"), "") if reference is not None else "")
            )
            starts: dict[int, int] = {}
            for override in num.iterchildren(_w("lvlOverride")):
                ilvl = _level_index(override.get(_w("ilvl")))
                replacement = override.find(_w("lvl"))
                if replacement is not None:
                    levels[ilvl] = _level(replacement)
                start = override.find(_w("startOverride"))
                if start is not None and start.get(_w("val")) is not None:
                    starts[ilvl] = _start_value(start.get(_w("val"), ""))
            num_id = num.get(_w("numId"), "")
            self.lists[num_id] = levels
            self.starts[num_id] = starts

    def _properties(self, paragraph: Any) -> tuple[str, int] | None:
        """Return the paragraph's list and level, set directly or through its style."""
        direct = paragraph.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = ilvl = None
        if direct is not None:
            num_id = _value(direct, "numId")
            ilvl = _value(direct, "ilvl")
        style_id = self.styles.paragraph_style(paragraph)
        if num_id is None:
            for style in self.styles.chain(style_id):
                inherited = style.find(f"{_w('pPr')}/{_w('numPr')}")
                if inherited is not None and _value(inherited, "numId") is not None:
                    num_id = _value(inherited, "numId")
                    ilvl = ilvl if ilvl is not None else _value(inherited, "ilvl")
                    break
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return None
        if ilvl is None:  # a style linked to one level of the list
            linked = [n for n, lvl in self.lists[num_id].items() if lvl.style == style_id]
            ilvl = str(linked[0]) if linked else "0"
        return num_id, _level_index(ilvl)

    def label(self, paragraph: Any) -> ListNumber | None:
        """Advance the paragraph's counter and return its number as shown (None when none)."""
        found = self._properties(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        levels = self.lists[num_id]
        level = levels.get(ilvl)
        if level is None or level.format == "bullet":
            return None
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num_id, ilvl)
        for deeper in [n for n in counters if n > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        text = level.text
        for referenced in range(9):
            placeholder = f"%{referenced + 1}"
            if placeholder not in text:
                continue
            shown = levels.get(referenced, _Level())
            value = counters.get(referenced, self._start(num_id, referenced))
            number_format = "decimal" if level.legal and referenced != ilvl else shown.format
            text = text.replace(placeholder, format_number(value, number_format))
        if not text:
            return None
        depth = sum(1 for n, lvl in levels.items() if n < ilvl and lvl.format in ITEM_FORMATS)
        return ListNumber(
            shown=text + ("" if level.suffix == "nothing" else " "),
            value=format_number(counters[ilvl], level.format),
            format=level.format,
            pattern=level.text,
            placeholder=f"%{ilvl + 1}",
            depth=depth + 1,
        )

    def _start(self, num_id: str, ilvl: int) -> int:
        override = self.starts.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        level = self.lists[num_id].get(ilvl)
        return level.start if level is not None else 1


def _value(element: Any, name: str) -> str | None:
    found = element.find(_w(name))
    return found.get(_w("val")) if found is not None else None


@dataclass
class _Piece:
    """Text of a paragraph being rendered, with the run element it came from."""

    text: str
    run: Any
    element: Any
    italic: bool
    offset: int = 0
    note: int | None = None
    """The footnote number when the piece is a footnote call."""
    field: object = None
    """The cross-reference field that shows the call (its pieces make one call)."""


@dataclass
class _Field:
    """A complex field being read: its instruction, and whether its code is still being read."""

    instruction: str = ""
    in_code: bool = True


class _Paragraph:
    """The pieces of one paragraph, and the state of the complex fields read so far."""

    def __init__(self, style: str | None) -> None:
        self.style = style
        self.pieces: list[_Piece] = []
        self.fields: list[_Field] = []

    def add(self, text: str, run: Any, element: Any, italic: bool, note: int | None = None) -> None:
        if text == "\n" and self.pieces and self.pieces[-1].text.endswith("\n"):
            return  # a second line break would end the block
        if text:
            field = self.fields[-1] if note is not None and self.fields else None
            self.pieces.append(_Piece(text, run, element, italic, note=note, field=field))

    @property
    def in_field_code(self) -> bool:
        return any(field.in_code for field in self.fields)

    def cross_reference(self) -> str | None:
        """Return the bookmark whose note number the innermost field shows (None: no such field)."""
        if not self.fields:
            return None
        found = _NOTE_CROSS_REFERENCE.match(self.fields[-1].instruction)
        return found.group(1) if found else None

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    def strip_leading_space(self) -> None:
        """Drop the spaces Word puts between a footnote mark and its text."""
        while self.pieces:
            piece = self.pieces[0]
            stripped = piece.text.lstrip()
            if stripped:
                piece.offset += len(piece.text) - len(stripped)
                piece.text = stripped
                return
            self.pieces.pop(0)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What the file says a rendered block is (see :mod:`reslint.readers.docx_blocks`)."""

    role: BlockRole = BlockRole.PARAGRAPH
    number: str | None = None
    level: int = 0
    label_length: int = 0
    """Length of the number or mark written at the block's start (0: none written)."""


def _trimmed(text: str, start: int) -> Span:
    """Return the span of ``text`` (written at ``start``) without its surrounding white space.

    UN paragraphs start with a typed tab before the opener or the number.
    """
    content = text.strip()
    if not content:
        return Span(start, start + len(text))
    begin = start + len(text) - len(text.lstrip())
    return Span(begin, begin + len(content))


def _calls(placed: list[tuple[_Piece, int]]) -> tuple[SourceCall, ...]:
    """Return the footnote calls among a paragraph's pieces (each with its rendered start).

    The pieces of one cross-reference field make one call; a comma between two
    calls ("1,2") belongs to the calls, not to the text before them.
    """
    calls: list[SourceCall] = []
    previous: _Piece | None = None
    between = ""
    for piece, begin in placed:
        end = begin + len(piece.text)
        if piece.note is None:
            between += piece.text
        elif previous is not None and piece.field is not None and previous.field is piece.field:
            last = calls.pop()  # one call shown by several runs
            calls.append(SourceCall(last.number, Span(last.span.start, end), last.style))
        else:
            if calls and _CALL_SEPARATOR.fullmatch(between):
                last = calls.pop()
                calls.append(SourceCall(last.number, Span(last.span.start, begin), last.style))
            calls.append(SourceCall(piece.note, Span(begin, end), "reference"))
            between = ""
        previous = piece
    return tuple(calls)


def _list_shape(label: ListNumber) -> _Shape:
    """Return the shape of a paragraph that Word numbers automatically."""
    role = list_role(label.format, label.pattern, label.placeholder)
    if role is BlockRole.PARAGRAPH:
        return _Shape()
    return _Shape(
        role,
        label.value,
        label.depth if role is BlockRole.ITEM else 0,
        len(label.shown.rstrip()),
    )


class _Renderer:
    """Walk the body and the footnotes of a document into rendered text and a run map."""

    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self.styles = _Styles(document)
        self.numbering = _Numbering(
            _related_element(document, _NUMBERING_RELATIONSHIP), self.styles
        )
        notes = _related_element(document, _FOOTNOTES_RELATIONSHIP)
        self.notes: dict[str, Any] = {}
        if notes is not None:
            for note in notes.iterchildren(_w("footnote")):
                if note.get(_w("type")) not in _NOTE_TYPES_SKIPPED:
                    self.notes[note.get(_w("id"), "")] = note
        self.note_numbers: dict[str, int] = {}
        self.bookmarked_notes = _bookmarked_notes(document.element.body)
        self.note_paragraphs: dict[int, int] = {}
        self.marked_notes: dict[str, int] = {}
        """Notes with a mark of their own: id → the paragraph that calls them."""
        self.calls: dict[int, int] = {}
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.source_blocks: list[SourceBlock] = []
        self.anchors: list[Anchor] = []
        self.italic: list[Span] = []
        self.paragraph_number = 0

    def render(self) -> tuple[Rendering, RunMap]:
        for paragraph in _body_paragraphs(self.document.element.body):
            self.paragraph_number += 1
            label = self.numbering.label(paragraph)
            content = self._paragraph(paragraph)
            if not content.text.strip():
                continue
            shape = _Shape(BlockRole.QUOTED) if in_grid_table(paragraph) else _Shape()
            if label is not None:
                content.pieces.insert(0, _Piece(label.shown, None, None, False))
                if shape.role is BlockRole.PARAGRAPH:
                    shape = _list_shape(label)
            number = self.paragraph_number
            self._emit(content, "", number, f"paragraph {number}", None, shape)
        for note_id, number in list(self.note_numbers.items()):
            content = self._note(note_id)
            if content.pieces:
                line = self.note_paragraphs[number]
                mark = f"[^{number}]"
                shape = _Shape(BlockRole.FOOTNOTE, str(number), label_length=len(mark))
                self._emit(content, f"{mark}: ", line, f"footnote {number}", number, shape)
        for note_id, line in self.marked_notes.items():
            # "* Reissued for technical reasons": a note on the masthead or the title
            content = self._note(note_id)
            if content.pieces:
                label = f"footnote {content.text.split()[0]}"
                self._emit(content, "", line, label, None, _Shape(BlockRole.FRONT))
        text = "".join(self.parts)
        rendering = Rendering(
            text,
            None,
            SourceMap(tuple(self.anchors)),
            tuple(self.italic),
            blocks=tuple(self.source_blocks),
            facts=document_facts(self.document),
        )
        return rendering, RunMap(tuple(self.blocks), dict(self.calls))

    def _emit(
        self,
        content: _Paragraph,
        prefix: str,
        line: int,
        label: str,
        footnote: int | None,
        shape: _Shape,
    ) -> None:
        if self.parts:
            self._write("\n\n")
        start = self.length
        self.anchors.append(Anchor(start, line, label))
        self._write(prefix)
        segments: list[Segment] = []
        placed: list[tuple[_Piece, int]] = []
        for piece in content.pieces:
            begin = self.length
            self._write(piece.text)
            placed.append((piece, begin))
            if piece.run is not None:
                segments.append(Segment(begin, self.length, piece.run, piece.element, piece.offset))
            if piece.note is not None and footnote is None:
                self.calls.setdefault(piece.note, begin)
            if piece.italic:
                if self.italic and self.italic[-1].end == begin:
                    self.italic[-1] = Span(self.italic[-1].start, self.length)
                else:
                    self.italic.append(Span(begin, self.length))
        calls = _calls(placed) if footnote is None else ()
        self.blocks.append(Block(start, self.length, tuple(segments), line, footnote))
        label_span = Span(start, start + shape.label_length) if shape.label_length else None
        self.source_blocks.append(
            SourceBlock(
                shape.role,
                _trimmed(prefix + content.text, start),
                shape.number,
                label_span,
                shape.level,
                calls,
            )
        )

    def _note(self, note_id: str) -> _Paragraph:
        """Return the text of a footnote, its paragraphs joined by line breaks."""
        content = _Paragraph(None)
        for paragraph in self.notes[note_id].iterchildren(_w("p")) if note_id in self.notes else ():
            part = self._paragraph(paragraph)
            if not part.text.strip():
                continue
            if content.pieces:
                content.pieces.append(_Piece("\n", None, None, False))
            content.pieces.extend(part.pieces)
        content.strip_leading_space()
        return content

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _paragraph(self, paragraph: Any) -> _Paragraph:
        content = _Paragraph(self.styles.paragraph_style(paragraph))
        self._walk(paragraph, content)
        return content

    def _walk(self, element: Any, content: _Paragraph) -> None:
        for child in element.iterchildren():
            if child.tag == _w("r"):
                self._run(child, content)
            elif child.tag == _w("fldSimple"):
                content.fields.append(_Field(child.get(_w("instr"), ""), in_code=False))
                self._walk(child, content)
                content.fields.pop()
            elif child.tag in _CONTAINERS:
                self._walk(child, content)
            # w:del and w:moveFrom (tracked deletions), w:pPr, bookmarks, comment ranges,
            # proofing marks: nothing that reads as text once the changes are accepted

    def _run(self, run: Any, content: _Paragraph) -> None:
        properties = run.find(_w("rPr"))
        if properties is not None and _on(properties.find(_w("vanish"))):
            return  # hidden text
        italic = self._italic(properties, content.style)
        superscript = self.styles.superscript(properties)
        for child in run.iterchildren():
            tag = child.tag
            if tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    content.fields.append(_Field())
                elif kind == "separate" and content.fields:
                    content.fields[-1].in_code = False
                elif kind == "end" and content.fields:
                    content.fields.pop()
            elif tag == _w("instrText") and content.fields and content.fields[-1].in_code:
                content.fields[-1].instruction += child.text or ""
            elif content.in_field_code:
                continue
            elif tag == _w("t") and superscript and content.cross_reference() is None:
                self._superscript_text(child, run, content)
            elif tag == _w("t"):
                content.add(child.text or "", run, child, italic, note=self._noted(content))
            elif tag in (_w("tab"), _w("ptab")):
                content.add("\t", run, child, italic)
            elif tag in (_w("br"), _w("cr")):
                content.add("\n", run, child, False)
            elif tag == _w("noBreakHyphen"):
                content.add("-", run, child, italic)
            elif tag == _w("footnoteReference") and _is_on(child.get(_w("customMarkFollows"))):
                # a note with its own mark ("*"), typed in the next run: Word gives it no number
                self.marked_notes.setdefault(child.get(_w("id"), ""), self.paragraph_number)
            elif tag == _w("footnoteReference"):
                number = self._note_number(child.get(_w("id"), ""))
                content.add(f"[^{number}]", run, child, False, note=number)

    def _superscript_text(self, element: Any, run: Any, content: _Paragraph) -> None:
        """Add superscript text; figures that number a note already called are calls of it.

        The UN cites a note again by typing its number as a superscript (";13",
        ";4,6").  Only numbers of notes called before are taken: a superscript
        that is an exponent or an ordinal ending stays text.
        """
        text = element.text or ""
        called = len(self.note_numbers)
        if not _TYPED_CALLS.fullmatch(text) or any(
            not 1 <= int(figure) <= called for figure in re.findall(r"\d+", text)
        ):
            content.add(text, run, element, False)
            return
        for piece in re.finditer(r"\d+|\D+", text):
            note = int(piece.group()) if piece.group().isdigit() else None
            content.pieces.append(
                _Piece(piece.group(), run, element, False, offset=piece.start(), note=note)
            )

    def _noted(self, content: _Paragraph) -> int | None:
        """Return the footnote number that the field being read shows (None: not a note's)."""
        bookmark = content.cross_reference()
        if bookmark is None:
            return None
        return self.note_numbers.get(self.bookmarked_notes.get(bookmark, ""))

    def _note_number(self, note_id: str) -> int:
        """Return the displayed number of a footnote: its rank among the calls read so far."""
        number = self.note_numbers.get(note_id)
        if number is None:
            number = self.note_numbers[note_id] = len(self.note_numbers) + 1
            self.note_paragraphs[number] = self.paragraph_number
        return number

    def _italic(self, properties: Any, paragraph_style: str | None) -> bool:
        """Return whether a run is italic: direct formatting, else its styles, else defaults."""
        if properties is not None:
            direct = _on(properties.find(_w("i")))
            if direct is not None:
                return direct
        character_style = None
        if properties is not None:
            reference = properties.find(_w("rStyle"))
            character_style = reference.get(_w("val")) if reference is not None else None
        from_character = self.styles.italic(character_style)
        from_paragraph = self.styles.italic(paragraph_style)
        if from_character is None and from_paragraph is None:
            return self.styles.default_italic
        # italics is a toggle property: set by both styles, it cancels out
        return bool(from_character) != bool(from_paragraph)


def _bookmarked_notes(body: Any) -> dict[str, str]:
    """Return bookmark name → id of the first footnote reference inside the bookmark.

    A cross-reference field (``NOTEREF``) to such a bookmark shows that footnote's number.
    """
    found: dict[str, str] = {}
    open_marks: dict[str, str] = {}
    for element in body.iter(_w("bookmarkStart"), _w("bookmarkEnd"), _w("footnoteReference")):
        if element.tag == _w("bookmarkStart"):
            open_marks[element.get(_w("id"), "")] = element.get(_w("name"), "")
        elif element.tag == _w("bookmarkEnd"):
            open_marks.pop(element.get(_w("id"), ""), None)
        else:
            for name in open_marks.values():
                found.setdefault(name, element.get(_w("id"), ""))
    return found


def _body_paragraphs(container: Any) -> Iterator[Any]:
    """Yield the paragraphs of the body in document order, inside tables and controls too."""
    for child in container.iterchildren():
        if child.tag == _w("p"):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _body_paragraphs(child)


def render_document(document: WordDocument) -> tuple[Rendering, RunMap]:
    """Render an open Word document; return the rendering and its map back to the runs."""
    return _Renderer(document).render()


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read a Word 2007+ file (``encoding`` does not apply: the package declares its own)."""
    rendering, _ = render_document(open_document(data))
    return Extraction(rendering, "docx")
