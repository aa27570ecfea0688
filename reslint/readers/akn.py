"""Akoma Ntoso (AKN 3.0, as the UN's AKN4UN profile uses it): the resolution text from the XML.

What the element names are based on: the OASIS *Akoma Ntoso Version 1.0*
vocabulary (docs.oasis-open.org/legaldocml/akn-core/v1.0: ``formula`` "a
formulaic expression … of a preface or a preamble", ``authorialNote`` an
inline note with ``marker`` and ``placement``, ``num``, ``content``, ``list``
with ``intro``/``point``/``wrapUp``), the AKN4UN guidelines
(unsceb-hlcm.github.io, part 2 "Deliberative documents": a resolution is a
``<statement name="resolution">``; part 3 "Modelling of GA resolutions") and
GA resolutions marked up in that profile, as published: ``<coverPage>`` lines,
``<preface><p><docNumber>79/275.</docNumber> <docTitle>…``, the organ in
``<preamble><formula name="enactingFormula"><p><span class="italic">The
General Assembly</span>,</p>``, preambular paragraphs as ``<container>``
(``<recitals>/<recital>`` elsewhere), operative paragraphs as
``<mainBody><paragraph><num>1.</num><content><p>``, subparagraphs as
``<list><intro>…<point><num>(a)</num>``, the adoption in ``<conclusions>``.

What the rendering holds, in document order (the ``<meta>`` block left out):

* one block per ``<p>`` (or ``<heading>``, or any element holding text
  directly), blocks separated by a blank line, whitespace collapsed as XML
  mixed content is read;
* the ``<num>`` of a numbered element written before the first block inside
  it ("1. Decides …", "(a) To …"), as the parser expects typed numbers;
* footnotes — ``<authorialNote>`` in the text, or ``<noteRef>`` to a
  ``<meta><notes><note>`` — as ``[^N]`` calls where they stand and
  ``[^N]: text`` blocks at the end (N the note's ``marker`` when it is a number);
* ``<eol/>``/``<br/>`` as a line break inside the block.

``<i>`` and ``class="italic"`` stretches become :attr:`Rendering.italic`; a
document with no italic markup at all gives ``None`` (its converter dropped the
formatting, so italics cannot be checked).  Positions are source lines of the
XML: each block is anchored at the line of its element (of its ``<num>`` when
it starts with one) and labelled with the ``eId`` of the paragraph, point or
container it belongs to, else an element path such as ``mainBody/paragraph[3]``.

Hardened parsing: the XML is parsed by defusedxml's SAX driver over the
standard library's expat (defusedxml is the well-kept library made for
exactly this; it is pure Python and needs nothing else), with entity
declarations and external references forbidden.  A file declaring entities —
"billion laughs" expansion, ``<!ENTITY x SYSTEM "file:///etc/passwd">`` — is
refused as a whole before any entity is expanded or anything is fetched; no
DTD is loaded.  SAX is used rather than a tree API because its locator gives
the source line of every element, which the positions above need.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Union
from xml.sax import SAXParseException
from xml.sax.handler import (
    ContentHandler,
    feature_external_ges,
    feature_external_pes,
    feature_namespaces,
)
from xml.sax.xmlreader import InputSource, Locator

from reslint.limits import LimitExceeded, Limits, current
from reslint.readers import Anchor, Extraction, Rendering, SourceMap
from reslint.reading import ReadError
from reslint.text import Span

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace (earlier drafts used other URIs; any is read)."""

MAX_DEPTH = Limits().xml_depth
"""Deeper nesting is refused: no resolution needs it, and it would exhaust recursion.

The budgets in force (:func:`reslint.limits.current`) set the depth and the
number of elements read.
"""

_SPACE = re.compile(r"[ \t\r\n]+")
_BLOCKS = frozenset({"p", "heading", "subheading", "block"})
"""Elements whose content is one rendered block."""
_SKIPPED = frozenset({"meta", "toc", "componentRef", "img", "object", "documentRef"})
_TRANSPARENT = frozenset(
    {
        "content",
        "intro",
        "wrapUp",
        "list",
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
    }
)
"""Parts of a document: a block directly inside one is labelled by itself."""
_FIELDS = frozenset({"docNumber", "docTitle", "docType", "docDate", "docStatus", "docProponent"})
"""Preface fields written side by side (``<docNumber>79/1.</docNumber><docTitle>``)."""
_LINE_BREAKS = frozenset({"eol", "br"})
_NOTES = frozenset({"authorialNote", "noteRef"})
_NOTE_MARKER = re.compile(r"\d{1,3}")


class _Chars:
    """Character data and the source line it starts on."""

    __slots__ = ("line", "text")

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


class _Element:
    """An XML element with its source line, parent and mixed content."""

    __slots__ = ("attributes", "children", "line", "name", "parent", "uri")

    def __init__(
        self, name: str, uri: str, attributes: dict[str, str], line: int, parent: _Element | None
    ) -> None:
        self.name = name
        self.uri = uri
        self.attributes = attributes
        self.line = line
        self.parent = parent
        self.children: list[Union[_Element, _Chars]] = []

    def elements(self) -> Iterator[_Element]:
        """Yield the child elements."""
        return (child for child in self.children if isinstance(child, _Element))

    def child(self, name: str) -> _Element | None:
        """Return the first child element called ``name``."""
        return next((child for child in self.elements() if child.name == name), None)

    def has_text(self) -> bool:
        """Return whether text stands directly in the element (not only in children)."""
        return any(isinstance(child, _Chars) and child.text.strip() for child in self.children)

    def step(self) -> str:
        """Return the element's path step: its name, indexed when it has same-named siblings."""
        if self.parent is None:
            return self.name
        same = [child for child in self.parent.elements() if child.name == self.name]
        if len(same) == 1:
            return self.name
        return f"{self.name}[{next(i for i, c in enumerate(same, 1) if c is self)}]"


class _NotAkomaNtoso(Exception):
    """The root element is not ``akomaNtoso`` (raised early, from the first start tag)."""


class _TooDeep(Exception):
    """The nesting exceeds :data:`MAX_DEPTH`."""


class _TreeBuilder(ContentHandler):
    """Build :class:`_Element` trees from SAX events, with each element's source line."""

    def __init__(self) -> None:
        super().__init__()
        self.root: _Element | None = None
        self._stack: list[_Element] = []
        self._locator: Locator | None = None
        self._limits = current()
        self._elements = 0

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: object
    ) -> None:
        uri, local = name
        if self.root is None and local != "akomaNtoso":
            raise _NotAkomaNtoso(local)
        if len(self._stack) >= self._limits.xml_depth:
            raise _TooDeep
        self._elements += 1
        if self._elements > self._limits.xml_elements:
            raise LimitExceeded(f"XML of more than {self._limits.xml_elements} elements")
        attributes = {
            key: value
            for (namespace, key), value in attrs.items()  # type: ignore[attr-defined]
            if not namespace or namespace == uri
        }
        line = self._locator.getLineNumber() if self._locator is not None else 1
        parent = self._stack[-1] if self._stack else None
        element = _Element(local, uri or "", attributes, line or 1, parent)
        if parent is None:
            self.root = element
        else:
            parent.children.append(element)
        self._stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self._stack.pop()

    def characters(self, content: str) -> None:
        if not self._stack:
            return
        children = self._stack[-1].children
        if children and isinstance(children[-1], _Chars):
            children[-1].text += content
        else:
            line = self._locator.getLineNumber() if self._locator is not None else 1
            children.append(_Chars(content, line or 1))


def parse_xml(data: bytes, encoding: str | None = None) -> _Element:
    """Parse Akoma Ntoso XML with entities and external references forbidden.

    Raises:
        ReadError: entity declarations or external references (refused), malformed
            XML (with line and column), or a root element other than ``akomaNtoso``.
    """
    try:
        from defusedxml import DefusedXmlException, EntitiesForbidden
        from defusedxml.expatreader import create_parser
    except ImportError:
        raise ReadError("reading Akoma Ntoso needs defusedxml: pip install defusedxml") from None

    parser = create_parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    builder = _TreeBuilder()
    parser.setContentHandler(builder)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    if encoding:
        source.setEncoding(encoding)
    try:
        parser.parse(source)
    except EntitiesForbidden as error:
        raise ReadError(
            f"XML with entity declarations is refused (entity {error.name!r} declared at line "
            f"{parser.getLineNumber()}: entities can expand without bound or read other files)"
        ) from None
    except DefusedXmlException as error:
        target = getattr(error, "sysid", None) or getattr(error, "pubid", None) or "a DTD"
        raise ReadError(
            f"XML with external references is refused ({target!r} at line "
            f"{parser.getLineNumber()}: nothing outside the file is read)"
        ) from None
    except SAXParseException as error:
        raise ReadError(
            f"malformed XML: {error.getMessage()} "
            f"(line {error.getLineNumber()}, column {error.getColumnNumber() + 1})"
        ) from None
    except _NotAkomaNtoso as error:
        raise ReadError(f"not an Akoma Ntoso document (root element is <{error}>)") from None
    except _TooDeep:
        raise ReadError(f"XML nested deeper than {current().xml_depth} elements") from None
    except (LookupError, UnicodeError, ValueError) as error:  # ValueError: expat and UTF-7
        raise ReadError(f"cannot decode the XML: {error}") from None
    if builder.root is None:  # pragma: no cover - expat reports "no element found" first
        raise ReadError("malformed XML: no element found")
    return builder.root


@dataclass
class _Text:
    """One block being rendered: whitespace collapsed, italic stretches and line breaks noted."""

    text: str = ""
    italic: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] = field(default_factory=list)
    """``(offset, line)`` where a line break element starts a new source line."""

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
        """Strip the end and clip the italic stretches to the text."""
        self.text = self.text.rstrip(" \n")
        size = len(self.text)
        self.italic = [(s, min(e, size)) for s, e in self.italic if s < min(e, size)]
        self.breaks = [(offset, line) for offset, line in self.breaks if offset < size]
        return self.text


@dataclass(frozen=True, slots=True)
class _Block:
    """A rendered block, where it comes from and its italic stretches (block offsets)."""

    text: str
    line: int
    label: str
    italic: tuple[tuple[int, int], ...] = ()
    breaks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Note:
    """A footnote called in the text: its number and the element holding its body."""

    number: int
    body: _Element


def _is_italic(element: _Element) -> bool:
    return element.name == "i" or "italic" in element.attributes.get("class", "").split()


class _Renderer:
    """Walk a document element and render its blocks, then its footnote bodies."""

    def __init__(self, document: _Element, notes: dict[str, _Element]) -> None:
        self.document = document
        self.meta_notes = notes
        self.blocks: list[_Block] = []
        self.notes: list[_Note] = []
        self.called: set[str] = set()
        self.pending: tuple[str, int, str] | None = None
        self.italic_seen = False

    # structure -----------------------------------------------------------------------

    def walk(self, element: _Element) -> None:
        """Render the blocks of a structural element, its ``num`` before the first one."""
        if element.name in _SKIPPED:
            return
        if element.name in _NOTES:
            # a note between blocks (AKN has them inline): called at the end of the block before
            rendered = _Text(self.blocks[-1].text if self.blocks else "")
            self.note(element, rendered)
            if self.blocks and rendered.text != self.blocks[-1].text:
                self.blocks[-1] = replace(self.blocks[-1], text=rendered.text)
            return
        if element.name in _BLOCKS or element.has_text():
            self.block(element)
            return
        number = element.child("num")
        if number is not None:
            self.flush_number()
            self.pending = (self.inline_text(number), number.line, self.label(element))
        for child in element.elements():
            if child is not number:
                self.walk(child)
        if number is not None:
            self.flush_number()

    def flush_number(self) -> None:
        """Render a number that no block took (a numbered element without text) on its own."""
        if self.pending is not None and self.pending[0]:
            text, line, label = self.pending
            self.pending = None
            self.blocks.append(_Block(text, line, label))
        self.pending = None

    def block(self, element: _Element) -> None:
        """Render one block, the pending number before it."""
        rendered = _Text()
        self.inline(element, rendered)
        text = rendered.finish()
        if not text:
            return
        line = element.line
        italic = rendered.italic
        breaks = rendered.breaks
        if self.pending is not None and self.pending[0]:
            prefix = self.pending[0] + " "
            line = self.pending[1]
            text = prefix + text
            italic = [(s + len(prefix), e + len(prefix)) for s, e in italic]
            breaks = [(len(prefix), element.line), *((o + len(prefix), n) for o, n in breaks)]
        self.pending = None
        self.blocks.append(
            _Block(
                text, line, self.label(_unit(element, self.document)), tuple(italic), tuple(breaks)
            )
        )

    def label(self, element: _Element) -> str:
        """Return the element's ``eId`` (or ``id``), else its path below the document element."""
        identifier = element.attributes.get("eId") or element.attributes.get("id")
        if identifier:
            return identifier
        steps: list[str] = []
        node: _Element | None = element
        while node is not None and node is not self.document:
            steps.append(node.step())
            node = node.parent
        return "/".join(reversed(steps))

    # inline content ------------------------------------------------------------------

    def inline_text(self, element: _Element) -> str:
        rendered = _Text()
        self.inline(element, rendered)
        return rendered.finish()

    def inline(self, element: _Element, out: _Text) -> None:
        """Render mixed content: text, italics, footnote calls, line breaks."""
        start = len(out.text)
        for child in element.children:
            if isinstance(child, _Chars):
                out.add(child.text, child.line)
            elif child.name in _SKIPPED:
                continue
            elif child.name in _NOTES:
                self.note(child, out)
            elif child.name in _LINE_BREAKS:
                out.trim_end()
                if out.text:
                    out.text += "\n"
                    out.breaks.append((len(out.text), child.line))
            else:
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

    def note(self, element: _Element, out: _Text) -> None:
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

    def call(self, out: _Text, marker: str, body: _Element) -> None:
        """Write a footnote call ``[^N]`` and remember the note's body."""
        number = int(marker) if _NOTE_MARKER.fullmatch(marker.strip()) else len(self.notes) + 1
        out.trim_end()
        out.text += f"[^{number}]"
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
            if rendered.finish() == prefix.rstrip():
                continue  # an empty note: the call stays, without a body
            self.blocks.append(
                _Block(
                    rendered.text,
                    note.body.line,
                    self.label(note.body),
                    tuple(rendered.italic),
                    tuple(rendered.breaks),
                )
            )


def _unit(element: _Element, document: _Element) -> _Element:
    """Return the element that names the block: the paragraph, point or container around it."""
    parent = element.parent
    while parent is not None and parent.name in _TRANSPARENT:
        parent = parent.parent
    if parent is None or parent is document or parent.name in _SECTIONS:
        return element
    return parent


def _document_element(root: _Element) -> _Element:
    """Return the document-type element (``statement``, ``doc``, ``act``…) under the root."""
    document = next(root.elements(), None)
    if document is None:
        raise ReadError("Akoma Ntoso document without a document element (statement, doc, act)")
    return document


def _meta_notes(document: _Element) -> dict[str, _Element]:
    """Return the notes kept in ``<meta><notes>``, by ``eId``."""
    meta = document.child("meta")
    notes: dict[str, _Element] = {}
    for group in meta.elements() if meta is not None else ():
        if group.name == "notes":
            for note in group.elements():
                identifier = note.attributes.get("eId") or note.attributes.get("id")
                if note.name == "note" and identifier:
                    notes[identifier] = note
    return notes


def render_akn(root: _Element) -> Rendering:
    """Render a parsed Akoma Ntoso tree for the parser, with its source map and italics."""
    document = _document_element(root)
    renderer = _Renderer(document, _meta_notes(document))
    for child in document.elements():
        renderer.walk(child)
    renderer.flush_number()
    renderer.footnotes()
    if not renderer.blocks:
        raise ReadError(f"Akoma Ntoso <{document.name}> without any text")
    parts: list[str] = []
    anchors: list[Anchor] = []
    italic: list[Span] = []
    offset = 0
    for block in renderer.blocks:
        if parts:
            parts.append("\n\n")
            offset += 2
        lines = dict([(0, block.line), *block.breaks])  # the last line noted at an offset wins
        anchors.extend(Anchor(offset + at, line, block.label) for at, line in lines.items())
        italic.extend(Span(offset + s, offset + e) for s, e in block.italic)
        parts.append(block.text)
        offset += len(block.text)
    return Rendering(
        "".join(parts),
        None,
        SourceMap(tuple(anchors)),
        tuple(italic) if renderer.italic_seen else None,
    )


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read an Akoma Ntoso file (``.akn``, ``.xml``)."""
    return Extraction(render_akn(parse_xml(data, encoding)), "akn")
