"""Write a parsed resolution as Akoma Ntoso XML (AKN 3.0, in the shape the UN's AKN4UN uses).

``reslint parse FILE --format akn`` turns a resolution read from any format
(plain text, Markdown, Word, PDF, Akoma Ntoso) into structured XML, following
the same AKN4UN markup that :mod:`reslint.readers.akn` reads:

* ``<coverPage>``: the document symbol (``<docNumber refersTo="#symbol">``)
  and the header lines (session, agenda item, "Resolution adopted by…");
* ``<preface>``: the title, ``<docNumber>59/187.</docNumber> <docTitle>…``;
* ``<preamble>``: the organ as ``<formula name="enactingFormula">`` (in
  italics, as printed), each preambular paragraph in a ``<container>``;
* ``<mainBody>``: operative paragraphs as ``<paragraph>`` with ``<num>`` and
  ``<content><p>``; subparagraphs as ``<list><intro>…<point><num>(a)</num>``,
  nested as deep as they are; section headings as ``<hcontainer>``;
* ``<conclusions>``: the adoption line; ``<attachments>``: annexes;
* footnotes as ``<authorialNote marker="N" placement="bottom">`` at the call
  position; a footnote text that nothing calls goes to ``<meta><notes>``;
* the opening phrase of preambular and operative paragraphs in ``<i>``.

Only what a reading of the text establishes is written: no FRBR identification
(dates, authors and IRIs are not in the text, and invented ones would be
wrong), so the output is the document's content, ready to be completed by an
AKN editor.  The text of every paragraph is written as the parser sees it
(line breaks joined, footnote calls taken out and put back as notes), so that
reading the XML back gives the same paragraphs, numbers, openers and notes.

The tree is built with the standard library's ElementTree — writing needs no
hardening, and it escapes text and attributes correctly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reslint import patterns
from reslint.model import Document, Node, NodeKind, TextView
from reslint.readers.akn import AKN_NAMESPACE

_NOTE_BODY_MARK = re.compile(patterns.NOTE_BODY_MARK)
_RESOLUTION_NUMBER = re.compile(patterns.MARKUP_TITLE, re.S)
_INLINE_HOLDERS = frozenset({"p", "num", "heading"})
"""Elements with mixed content: indentation must not add whitespace inside them."""

COVER, PREFACE, PREAMBLE, BODY, CONCLUSIONS, ATTACHMENTS = range(6)
_PART_OF = {
    NodeKind.HEADER: COVER,
    NodeKind.TITLE: PREFACE,
    NodeKind.ORGAN: PREAMBLE,
    NodeKind.PREAMBULAR: PREAMBLE,
    NodeKind.OPERATIVE: BODY,
    NodeKind.SUBPARAGRAPH: BODY,
    NodeKind.SECTION: BODY,
    NodeKind.ADOPTION: CONCLUSIONS,
    NodeKind.ANNEX: ATTACHMENTS,
}
"""The part of the document a node kind belongs to; other kinds stay in the current part."""
_PART_NAMES = ("coverPage", "preface", "preamble", "mainBody", "conclusions")


def _tag(name: str) -> str:
    return f"{{{AKN_NAMESPACE}}}{name}"


def _sub(parent: ET.Element, tag: str, /, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, _tag(tag), attributes)


def view_offset(view: TextView, original: int) -> int:
    """Return the offset of the view where the original offset stands (or would stand)."""
    position = 0
    for view_start, original_start, length in view.pieces:
        if original_start > original:
            break
        position = view_start + min(original - original_start, length)
    return position


def note_body(node: Node) -> str:
    """Return a footnote's text without its number (``1 Voir…``, ``[^1]: See…``)."""
    return _NOTE_BODY_MARK.sub("", node.text, count=1).strip()


@dataclass(frozen=True, slots=True, order=True)
class _Call:
    """A footnote call at an offset of a paragraph's text."""

    offset: int
    number: int


def _append_text(parent: ET.Element, text: str) -> None:
    """Append character data after the last child of ``parent`` (or as its text)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Writer:
    """Build the AKN tree of one document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.bodies: dict[int, str] = {}
        for node in document.footnotes:
            if node.number is not None and node.number.isdigit():
                self.bodies.setdefault(int(node.number), note_body(node))
        self.called = {call.number for call in document.calls}
        self.identifiers: set[str] = set()
        self.counts: dict[str, int] = {}
        self.root = ET.Element(_tag("akomaNtoso"))
        self.statement = _sub(self.root, "statement", name="resolution")
        self.parts: dict[int, ET.Element] = {}
        self.attachment: ET.Element | None = None

    def eid(self, base: str) -> str:
        """Return a unique ``eId`` built on ``base``."""
        base = re.sub(r"[^\w-]", "", base) or "x"
        identifier, count = base, 1
        while identifier in self.identifiers:
            count += 1
            identifier = f"{base}_{count}"
        self.identifiers.add(identifier)
        return identifier

    def next_eid(self, base: str) -> str:
        """Return the next numbered ``eId`` of a kind: ``container_1``, ``container_2``…"""
        self.counts[base] = self.counts.get(base, 0) + 1
        return self.eid(f"{base}_{self.counts[base]}")

    def part(self, part: int) -> ET.Element:
        """Return the element of a document part, created on first use."""
        if part == ATTACHMENTS:
            if self.attachment is None:
                self.start_annex()
            assert self.attachment is not None
            return self.attachment
        if part not in self.parts:
            self.parts[part] = _sub(self.statement, _PART_NAMES[part])
        return self.parts[part]

    def start_annex(self) -> ET.Element:
        """Open a new ``<attachment>`` and return the part its heading goes in."""
        if ATTACHMENTS not in self.parts:
            self.parts[ATTACHMENTS] = _sub(self.statement, "attachments")
        attachment = _sub(self.parts[ATTACHMENTS], "attachment", eId=self.next_eid("att"))
        annex = _sub(attachment, "doc", name="annex")
        preface = _sub(annex, "preface")
        self.attachment = _sub(annex, "mainBody")
        return preface

    # ------------------------------------------------------------------ document

    def write(self) -> ET.Element:
        """Write every node in order, then the footnote texts nothing calls."""
        document = self.document
        cover = (
            self.part(COVER)
            if document.symbol or any(n.kind is NodeKind.HEADER for n in document.nodes)
            else None
        )
        if (
            cover is not None
            and document.symbol
            and not any(
                n.kind is NodeKind.HEADER and document.symbol in n.text for n in document.nodes
            )
        ):
            p = _sub(cover, "p")
            _sub(p, "docNumber", refersTo="#symbol").text = document.symbol
        current = COVER
        for node in document.nodes:
            if node.parent is not None or node.kind is NodeKind.FOOTNOTE:
                continue
            current = max(current, _PART_OF.get(node.kind, current))
            self.node(node, current)
        orphans = sorted(number for number in self.bodies if number not in self.called)
        if orphans:
            meta = ET.Element(_tag("meta"))
            self.statement.insert(0, meta)
            notes = _sub(meta, "notes", source="#reslint")
            for number in orphans:
                note = _sub(notes, "note", eId=self.eid(f"note_{number}"), marker=str(number))
                _sub(note, "p").text = self.bodies[number]
        return self.root

    def node(self, node: Node, part: int) -> None:
        """Write a top-level node into its part."""
        kind = node.kind
        if kind is NodeKind.TITLE:
            self.title(node)
        elif kind is NodeKind.ORGAN:
            formula = _sub(
                self.part(PREAMBLE), "formula", name="enactingFormula", eId=self.next_eid("formula")
            )
            self.paragraph(formula, node, italic_all=True)
        elif kind is NodeKind.PREAMBULAR:
            container = _sub(
                self.part(PREAMBLE),
                "container",
                name="preambularParagraph",
                eId=self.next_eid("container"),
            )
            self.paragraph(container, node)
        elif kind in (NodeKind.OPERATIVE, NodeKind.SUBPARAGRAPH):
            self.unit(self.part(part), "paragraph", node, "para")
        elif kind is NodeKind.SECTION:
            section = _sub(
                self.part(part), "hcontainer", name="section", eId=self.next_eid("hcontainer")
            )
            self.fill(_sub(section, "heading"), node)
            self.children(section, node)
        elif kind is NodeKind.HEADER and node.text.strip() == self.document.symbol:
            _sub(
                _sub(self.part(part), "p"), "docNumber", refersTo="#symbol"
            ).text = node.text.strip()
        elif kind is NodeKind.ANNEX:
            self.paragraph(self.start_annex(), node)
        else:
            self.paragraph(self.part(part), node)

    def title(self, node: Node) -> None:
        """Write the title into the preface: number and title proper."""
        p = _sub(self.part(PREFACE), "p")
        found = _RESOLUTION_NUMBER.match(node.text)
        if found is None:
            self.fill(_sub(p, "docTitle"), node)
            return
        number = _sub(p, "docNumber")
        number.text = found.group(1)
        number.tail = " "
        self.fill(_sub(p, "docTitle"), node, start=found.start(2))

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, parent: ET.Element, node: Node, italic_all: bool = False) -> None:
        """Write a node as one ``<p>`` in ``parent``, then its children after it."""
        self.fill(_sub(parent, "p"), node, italic_all=italic_all)
        self.children(parent, node)

    def children(self, parent: ET.Element, node: Node) -> None:
        """Write the children of an unnumbered block: quoted text, subparagraphs as items.

        Outside operative paragraphs (a preambular paragraph with (a), (b)…) the
        subparagraphs form a ``<blockList>``, the AKN list of a block of text.
        """
        items: ET.Element | None = None
        for child in self.document.children(node):
            if child.kind is not NodeKind.SUBPARAGRAPH:
                items = None
                self.paragraph(parent, child)
                continue
            if items is None:
                items = _sub(parent, "blockList", eId=self.next_eid("blockList"))
            item = _sub(items, "item", eId=self.eid(f"{items.get('eId')}__item_{child.number}"))
            label, start = self.label(child)
            if label:
                _sub(item, "num").text = label
            self.fill(_sub(item, "p"), child, start=start)
            self.children(item, child)

    def unit(self, parent: ET.Element, name: str, node: Node, prefix: str) -> ET.Element:
        """Write a numbered paragraph or point: ``num``, its text, then its subparagraphs.

        Subparagraphs become ``<point>`` elements of a ``<list>`` whose ``<intro>``
        holds the text; a deeper one — (i) after (a) — is nested in the point before it.
        """
        label, start = self.label(node)
        base = f"{prefix}_{node.number}" if node.number else f"{prefix}_unnumbered"
        element = _sub(parent, name, eId=self.next_eid(base) if not node.number else self.eid(base))
        if label:
            _sub(element, "num").text = label
        content = _sub(element, "content")
        self.fill(_sub(content, "p"), node, start=start)
        target = content
        hosts: list[tuple[int, ET.Element]] = [(node.depth, element)]
        for child in self.document.children(node):
            if child.kind is not NodeKind.SUBPARAGRAPH:
                self.paragraph(target, child)
                continue
            while len(hosts) > 1 and hosts[-1][0] >= child.depth:
                hosts.pop()
            items = self.list_of(hosts[-1][1])
            point = self.unit(items, "point", child, f"{items.get('eId', '')}__point")
            hosts.append((child.depth, point))
            found = point.find(_tag("content"))
            target = found if found is not None else point
        return element

    def list_of(self, host: ET.Element) -> ET.Element:
        """Return the ``<list>`` of a paragraph or point, its text moved into ``<intro>``."""
        items = host.find(_tag("list"))
        if items is not None:
            return items
        content = host.find(_tag("content"))
        items = _sub(host, "list", eId=self.eid(f"{host.get('eId', 'x')}__list_1"))
        intro = _sub(items, "intro")
        if content is not None:
            host.remove(content)
            intro.extend(list(content))
        return items

    def label(self, node: Node) -> tuple[str, int]:
        """Return a numbered node's label as written ("1.", "(a)") and where its text starts."""
        if node.label_span is None:
            if not node.number:
                return "", 0
            if node.kind is NodeKind.SUBPARAGRAPH:
                return f"({node.number})", 0
            return f"{node.number}.", 0
        label = self.document.text[node.label_span.start : node.label_span.end].strip()
        end = view_offset(node.view, node.label_span.end)
        while end < len(node.text) and node.text[end].isspace():
            end += 1
        return label, end

    def fill(
        self, parent: ET.Element, node: Node, start: int = 0, italic_all: bool = False
    ) -> None:
        """Write ``node.text[start:]`` into ``parent``: opener in ``<i>``, notes at the calls."""
        text = node.text.rstrip()
        italic: tuple[int, int] | None = None
        if italic_all:
            end = len(text.rstrip(",:;. "))
            italic = (start, end) if end > start else None
        elif node.opener is not None and node.kind in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
            first = view_offset(node.view, node.opener.span.start)
            last = view_offset(node.view, node.opener.span.end)
            if start <= first < last <= len(text):
                italic = (first, last)
        calls = sorted(
            (_Call(max(start, min(len(text), view_offset(node.view, c.span.start))), c.number))
            for c in node.calls
        )
        cuts = sorted({start, len(text), *(italic or ()), *(c.offset for c in calls)})
        emphasis: ET.Element | None = None
        for here, there in zip(cuts, [*cuts[1:], len(text)]):
            inside = italic is not None and italic[0] <= here < italic[1]
            for call in (c for c in calls if c.offset == here):
                self.note(emphasis if inside and emphasis is not None else parent, call.number)
            if here >= there:
                continue
            if inside:
                if emphasis is None:
                    emphasis = _sub(parent, "i")
                _append_text(emphasis, text[here:there])
            else:
                _append_text(parent, text[here:there])

    def note(self, parent: ET.Element, number: int) -> None:
        """Write the footnote ``number`` where it is called."""
        note = _sub(
            parent,
            "authorialNote",
            marker=str(number),
            placement="bottom",
            eId=self.eid(f"authorialNote_{number}"),
        )
        _sub(note, "p").text = self.bodies.get(number, "")


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure, never inside an element with mixed content."""
    if element.tag.rpartition("}")[2] in _INLINE_HOLDERS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def document_akn(document: Document) -> str:
    """Return the document as an Akoma Ntoso XML text."""
    ET.register_namespace("", AKN_NAMESPACE)
    root = _Writer(document).write()
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
