"""The UN's own markup of an AKN4UN resolution, read as a gold standard.

The conference services mark up every preambular paragraph as a
``preamble/container`` whose ``name`` is its opening phrase, every operative
paragraph as a numbered ``mainBody`` ``paragraph`` (its verb phrase in the first
italic or bold ``span``), subparagraphs as ``list/point`` and footnotes as
``authorialNote``; the FRBR metadata names the organ and the language.  This
module reads those facts, independently of reslint's reader and parser, for the
lexicon derivation (:mod:`reslint.lexicons.derive`) and the evaluation against
the markup (``python -m reslint.evaluate --gold``).

The XML is parsed with defusedxml (entity declarations and external references
refused), like the AKN reader.  Annexed texts (``attachments``) are not part
of the resolution: only the first document of the file is read.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree.ElementTree import Element

from reslint import patterns

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_TYPED_NUMBER = re.compile(patterns.GOLD_NUMBER_START)
_FRBR_LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "ara": "ar", "rus": "ru", "zho": "zh"}
_TRAILING = " \t\n,،，:;؛；"
_QUOTED = frozenset({"embeddedStructure", "quotedStructure", "attachments", "components"})
"""Text of other documents inside a resolution: drafts, quotations, annexes."""
_MARKED_NUMBER = re.compile(r"\s*([0-9\u0660-\u0669]{1,3})\s*[-.\u2013\u2014]\s")
"""A paragraph number typed with its mark at the start of a text ("1. ", "1 - ")."""
_TYPED_LABEL = re.compile(
    r"\s*(?:\([^\s()]{1,6}(?: [^\s()]{1,3})?\)|[^\s()]{1,7}\)|’[0-9]{1,3}‘"
    r"|[0-9]{1,2}[.-][0-9]{1,2}\s*[.-]?)\s"
)
"""A subparagraph's label typed at the start of its text: ``(a)``, ``a)``, ``(أ أ)``,
``(二十)``, ``xxviii)``, ``’26‘`` (Arabic), ``1.1 .``/``1-1-`` (a point of paragraph 1)."""
_ASTERISK_NOTE = re.compile(patterns.ASTERISK_NOTE)
"""A note on the document itself, marked by asterisks, that the markup holds in a paragraph."""
_MEETING_LINE = patterns.LazyPattern(patterns.meeting_line_alone)
"""An adoption's meeting line, whatever element holds it."""
_COMMAS = (",", "،", "，")
_CLOSING = " \t\"'”’»)）]"
_POINTS = frozenset({"point", "item"})
"""Subparagraphs: ``list/point`` in a paragraph, ``blockList/item`` in a preambular one."""


@dataclass(frozen=True, slots=True)
class GoldParagraph:
    """One preambular or operative paragraph as marked up."""

    number: str | None
    phrase: str
    """The opening phrase: the container's ``name``, or the operative paragraph's emphasised
    first words ("" when the markup gives none)."""
    text: str
    points: tuple[str, ...] = ()
    """Labels of its subparagraphs (``(a)``, ``a)``, ``(أ)``) in order."""
    notes: tuple[str, ...] = ()
    """Markers of the footnotes called in it, in order."""
    lead: str = ""
    """Its own text without its subparagraphs (the lead-in when it has any)."""
    items: tuple[tuple[str, str], ...] = ()
    """Its subparagraphs as (label, text)."""
    quoted: tuple[str, ...] = ()
    """The blocks of the text of another document it holds (a draft in an
    ``embeddedStructure``), one string each."""


@dataclass(frozen=True, slots=True)
class GoldBlock:
    """One block of a body in document order: what the markup makes of it, and the paragraph."""

    kind: str
    """``preambular``, ``operative``, ``heading``, ``adoption`` (a meeting line the markup
    holds in a paragraph), ``note`` (an asterisk note held in a paragraph: one of the
    document's notes, not of its body) or ``other`` (an unnumbered paragraph among numbered
    ones: a lead-in, a title, or a slip of the markup)."""
    paragraph: GoldParagraph


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """What the markup says about one resolution."""

    path: str
    language: str
    """Two-letter code from ``FRBRlanguage`` ("" when absent)."""
    organ: str
    """``FRBRauthor`` of the work: ``ga``, ``ecosoc`` …"""
    symbol: str
    organ_line: str
    preambular: tuple[GoldParagraph, ...]
    operative: tuple[GoldParagraph, ...]
    notes: tuple[tuple[str, str], ...]
    """Footnotes as (marker, text), in document order."""
    closing: tuple[str, ...] = ()
    body: tuple[GoldBlock, ...] = ()
    """Preambular paragraphs, operative paragraphs and headings in document order."""

    @property
    def subparagraphs(self) -> int:
        """Return the number of subparagraphs of the operative part."""
        return sum(len(p.points) for p in self.operative)


def language_of_frbr(code: str) -> str:
    """Return reslint's two-letter code for an FRBR (ISO 639-2) language code, else ""."""
    return _FRBR_LANGUAGES.get(code.strip().casefold(), "")


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


_CALLS_IN_TEXT: ContextVar[bool] = ContextVar("calls_in_text", default=False)
"""Whether :func:`text_of` writes a footnote's call (its figure) where the note stands."""


def text_of(element: Element, skip_notes: bool = True, skip_quoted: bool = False) -> str:
    """Return the element's text, whitespace collapsed, footnote bodies left out.

    ``skip_quoted`` leaves out the text of other documents (an ``embeddedStructure``) too.
    """
    parts: list[str] = []
    calls = _CALLS_IN_TEXT.get()

    def walk(node: Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            note = _tag(child) == "authorialNote"
            if note and skip_notes and calls and child.get("marker", "").isdigit():
                parts.append(child.get("marker", ""))  # the call, glued as typed
            if not (skip_notes and note) and not (skip_quoted and _tag(child) in _QUOTED):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _emphasised_start(element: Element) -> str:
    """Return the first emphasised span of a paragraph when it opens the paragraph.

    The paragraph's first ``p``, or the element itself when it holds its text directly
    (a ``crossHeading``).
    """
    first = next(element.iter(NS + "p"), element)
    for p in (first,):
        lead = (p.text or "").strip()
        lead = _TYPED_NUMBER.sub("", lead + " ", count=1).strip() if lead else ""
        span = p.find(NS + "span")
        if span is None or lead or not ({"italic", "bold"} & set(span.get("class", "").split())):
            return ""
        return text_of(span).strip(_TRAILING)
    return ""


def _number(paragraph: Element) -> str | None:
    num = paragraph.find(NS + "num")
    if num is not None:
        found = _TYPED_NUMBER.match((num.text or "") + " ")
        return found.group(1) if found else None
    if paragraph.find(NS + "content") is None:
        return None
    found = _TYPED_NUMBER.match(text_of(paragraph) + " ")
    return found.group(1) if found else None


def _items(paragraph: Element) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Return a paragraph's lead (its text outside lists) and its points as (label, text)."""
    items = []
    for point in _inside(paragraph, _POINTS):
        num = point.find(NS + "num")
        label = " ".join((num.text or "").split()) if num is not None else ""
        body = " ".join(
            text_of(child, skip_quoted=True)
            for child in point
            if _tag(child) not in ("num", "list")
        ).strip()
        items.append((label, body))
    lead_parts = []
    for child in paragraph:
        tag = _tag(child)
        if tag in ("list", "blockList"):
            lead_parts.extend(
                text_of(c, skip_quoted=True)
                for c in child
                if _tag(c) in ("intro", "listIntroduction")
            )
        elif tag not in ("num", "paragraph"):
            lead_parts.append(text_of(child, skip_quoted=True))
    return " ".join(p for p in lead_parts if p), tuple(items)


def _inside(element: Element, names: frozenset[str]) -> list[Element]:
    """Return the descendants of ``element`` named one of ``names``, in document order,
    text of other documents left out."""
    found = []
    stack = list(reversed(list(element)))
    while stack:
        child = stack.pop()
        if _tag(child) in _QUOTED:
            continue
        if _tag(child) in names:
            found.append(child)
        stack.extend(reversed(list(child)))
    return found


def _points(paragraph: Element) -> tuple[str, ...]:
    labels = []
    for point in _inside(paragraph, _POINTS):
        num = point.find(NS + "num")
        labels.append(" ".join((num.text or "").split()) if num is not None else "")
    return tuple(labels)


def _notes(element: Element) -> tuple[str, ...]:
    return tuple(n.get("marker", "") for n in element.iter(NS + "authorialNote"))


def _quoted_blocks(element: Element) -> tuple[str, ...]:
    """Return the blocks of the other documents a paragraph holds, in order."""
    blocks: list[str] = []
    for quoted in (e for e in element.iter() if _tag(e) in _QUOTED):
        for unit in quoted.iter():
            if _tag(unit) in ("p", "heading", "subheading", "num") and (text := text_of(unit)):
                blocks.append(text)
    return tuple(blocks)


def _paragraph(element: Element) -> GoldParagraph:
    lead, items = _items(element)
    return GoldParagraph(
        _number(element),
        _emphasised_start(element),
        text_of(element),
        _points(element),
        _notes(element),
        lead,
        items,
        _quoted_blocks(element),
    )


def _body(body: Element) -> list[GoldBlock]:
    """Return a ``mainBody``'s blocks in document order.

    Numbered paragraphs at any depth outside lists are operative; a lone unnumbered one is
    when none is numbered.  A ``crossHeading refersTo="#preamble"`` is a preambular paragraph
    (of the part it opens); other cross-headings, headings and the numbers of parts are
    headings.  The text of another document (an ``embeddedStructure``: a draft recommended
    for adoption) belongs to the paragraph that quotes it.
    """
    found: list[GoldBlock] = []
    stack = [(child, "mainBody") for child in reversed(list(body))]
    while stack:
        element, parent = stack.pop()
        tag = _tag(element)
        if tag in _QUOTED or (tag == "num" and parent == "paragraph"):
            continue
        if tag == "crossHeading":
            preambular = element.get("refersTo") == "#preamble"
            paragraph = GoldParagraph(
                None,
                _emphasised_start(element) if preambular else "",
                text_of(element),
                (),
                _notes(element),
            )
            found.append(GoldBlock("preambular" if preambular else "heading", paragraph))
            continue
        if tag in ("heading", "subheading", "num"):
            found.append(GoldBlock("heading", GoldParagraph(None, "", text_of(element))))
            continue
        if tag == "paragraph":
            kids = {_tag(c) for c in element}
            paragraph = _paragraph(element)
            if paragraph.number is None and _ASTERISK_NOTE.match(paragraph.text):
                # "* A/75/150." among the paragraphs: a note on the document itself
                found.append(GoldBlock("note", paragraph))
            elif _MEETING_LINE.match(paragraph.text):
                # "20 a sesión plenaria" marked up as a paragraph: the adoption line
                found.append(GoldBlock("adoption", replace(paragraph, number=None)))
            elif paragraph.number is not None:
                found.append(GoldBlock("operative", paragraph))
            elif kids & {"content", "list"}:
                found.append(GoldBlock("other", paragraph))
        if tag not in ("list", "point", "content"):
            stack.extend((child, tag) for child in reversed(list(element)))
    if not any(block.kind == "operative" for block in found):
        for index, block in enumerate(found):
            if block.kind == "other":
                found[index] = GoldBlock("operative", block.paragraph)
                break
    return found


def _typed_structure(blocks: list[GoldBlock]) -> list[GoldBlock]:
    """Read what the markup types instead of marking it up, among numbered paragraphs.

    * An unnumbered paragraph whose text starts with a label (``(a)``, ``a)``, ``(أ)``,
      ``(二十)``, ``’26‘``, ``1.1 .``) is a subparagraph of the operative paragraph before
      it, its label typed rather than in a ``num``.
    * A preambular container ending with a colon right before paragraph 1 is its lead-in
      (the Chinese A/RES/76/247 marks up "Resolves that, for 2022:" so; the other
      versions as an unnumbered paragraph of ``mainBody``).
    * An unnumbered paragraph before the first numbered one of its part that ends with a
      comma — the final mark of a preambular paragraph in every language — is a preambular
      paragraph the markup left in ``mainBody`` (the same paragraph is a preamble
      ``container`` in the other language versions).
    """
    read: list[GoldBlock] = []
    numbered_seen = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind == "preambular"
            and block.paragraph.text.rstrip(_CLOSING).endswith((":", "："))
            and following is not None
            and following.kind == "operative"
            and following.paragraph.number == "1"
        ):
            # "正式决定，对于2022年：" marked up as a container: the lead-in of paragraph 1
            block = GoldBlock("heading", block.paragraph)
        paragraph = block.paragraph
        if block.kind == "heading":
            numbered_seen = False
        elif block.kind == "operative":
            numbered_seen = True
        elif block.kind == "other":
            label = _TYPED_LABEL.match(paragraph.text + " ")
            owner = next(
                (i for i in range(len(read) - 1, -1, -1) if read[i].kind == "operative"), None
            )
            if label is not None and owner is not None:
                lead = read[owner].paragraph
                own = paragraph.lead or paragraph.text
                text = own[label.end() :] if own.startswith(paragraph.text[: label.end()]) else own
                # "1.1" in num, ". Raise …" in content: the label's mark is the label's
                typed = re.sub(r"\s+([.-])$", r"\1", label.group(0).strip())
                item = (typed, text.lstrip(" \t.-").strip())
                read[owner] = GoldBlock(
                    "operative",
                    replace(
                        lead,
                        points=(*lead.points, item[0], *paragraph.points),
                        items=(*lead.items, item, *paragraph.items),
                        notes=(*lead.notes, *paragraph.notes),
                    ),
                )
                continue
            if not numbered_seen and paragraph.text.rstrip(_CLOSING).endswith(_COMMAS):
                block = GoldBlock("preambular", paragraph)
        read.append(block)
    return read


def _statements(root: Element) -> list[Element]:
    """Return the resolutions of a file: its document, or the components of a collection.

    A ``documentCollection`` (a resolution in parts A, B, C) holds its parts as
    ``component``s of the ``components`` beside it; a part that is a draft recommended for
    adoption (FRBR date ``draft``) is not one.
    """
    first = root[0]
    if _tag(first) != "documentCollection":
        return [first]
    parts = []
    for components in root.findall(NS + "components"):
        for component in components.findall(NS + "component"):
            for document in component:
                dates = [d.get("name", "") for d in document.iter(NS + "FRBRdate")]
                if dates[:1] != ["draft"]:
                    parts.append(document)
    return parts or [first]


def _part(statement: Element, titled: bool) -> list[GoldBlock]:
    """Return the blocks of one resolution (or part): its preambular paragraphs, then its body.

    ``titled``: a part after the first, whose title and organ line are headings of the text.
    """
    blocks: list[GoldBlock] = []
    if titled:
        for preface in statement.findall(NS + "preface"):
            blocks.extend(
                GoldBlock("heading", GoldParagraph(None, "", text))
                for p in preface.iter(NS + "p")
                if (text := text_of(p))
            )
    for preamble in statement.findall(NS + "preamble"):
        for child in preamble:
            if titled and _tag(child) == "formula":
                blocks.append(GoldBlock("heading", GoldParagraph(None, "", text_of(child))))
            elif _tag(child) == "container":
                name = " ".join((child.get("name") or "").split()).strip(_TRAILING)
                lead, items = _items(child)
                text = text_of(child)
                typed = _MARKED_NUMBER.match(text + " ")
                paragraph = GoldParagraph(
                    typed.group(1) if typed else None,
                    name,
                    text,
                    _points(child),
                    _notes(child),
                    lead,
                    items,
                )
                # a container typed "1. …" is an operative paragraph put in the preamble
                blocks.append(GoldBlock("operative" if typed else "preambular", paragraph))
    for main in statement.findall(NS + "mainBody"):
        blocks.extend(_body(main))
    return _typed_structure(blocks)


def read_gold(path: Path, calls: bool = False) -> GoldDocument:
    """Read the markup of one AKN file.

    ``calls``: the texts carry each footnote's call, its figure glued where the note stands
    (as a drafter types it), instead of leaving the note out.

    Raises:
        ValueError: the file is not well-formed XML or not an AKN document.
    """
    from defusedxml import ElementTree as SafeTree

    try:
        root = SafeTree.parse(str(path)).getroot()
    except Exception as error:  # ParseError and defusedxml's refusals
        raise ValueError(f"{path.name}: not readable as AKN ({type(error).__name__})") from None
    if not len(root):
        raise ValueError(f"{path.name}: empty AKN document")
    token = _CALLS_IN_TEXT.set(calls)
    try:
        return _read(path, root)
    finally:
        _CALLS_IN_TEXT.reset(token)


def _held_note(text: str) -> tuple[str, str]:
    """Return the marker and the text of a note the markup holds in a paragraph."""
    found = _ASTERISK_NOTE.match(text)
    assert found is not None
    return found.group(1), found.group("text")


def _read(path: Path, root: Element) -> GoldDocument:
    doc = root[0]
    statements = _statements(root)
    language = ""
    found = doc.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
    if found is not None:
        language = language_of_frbr(found.get("language", ""))
    author = doc.find(f".//{NS}FRBRWork/{NS}FRBRauthor")
    number = doc.find(f".//{NS}docNumber")
    formula = statements[0].find(f".//{NS}preamble/{NS}formula")
    blocks = [block for index, part in enumerate(statements) for block in _part(part, index > 0)]
    body = tuple(block for block in blocks if block.kind != "note")
    preambular = tuple(b.paragraph for b in body if b.kind == "preambular")
    operative = tuple(b.paragraph for b in body if b.kind == "operative")
    notes = tuple(
        (n.get("marker", ""), text_of(n, skip_notes=False)) for n in root.iter(NS + "authorialNote")
    ) + tuple(_held_note(block.paragraph.text) for block in blocks if block.kind == "note")
    closing = tuple(
        text_of(p) for c in statements[-1].findall(NS + "conclusions") for p in c.iter(NS + "p")
    )
    return GoldDocument(
        str(path),
        language,
        author.get("href", "") if author is not None else "",
        text_of(number).rstrip(".") if number is not None else "",
        text_of(formula) if formula is not None else "",
        preambular,
        operative,
        notes,
        closing,
        body,
    )
