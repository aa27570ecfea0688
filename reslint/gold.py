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
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from reslint import patterns

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_TYPED_NUMBER = re.compile(patterns.GOLD_NUMBER_START)
_FRBR_LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "ara": "ar", "rus": "ru", "zho": "zh"}
_TRAILING = " \t\n,،，:;؛；"


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

    @property
    def subparagraphs(self) -> int:
        """Return the number of subparagraphs of the operative part."""
        return sum(len(p.points) for p in self.operative)


def language_of_frbr(code: str) -> str:
    """Return reslint's two-letter code for an FRBR (ISO 639-2) language code, else ""."""
    return _FRBR_LANGUAGES.get(code.strip().casefold(), "")


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def text_of(element: Element, skip_notes: bool = True) -> str:
    """Return the element's text, whitespace collapsed, footnote bodies left out."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not (skip_notes and _tag(child) == "authorialNote"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _emphasised_start(element: Element) -> str:
    """Return the first emphasised span of a paragraph when it opens the paragraph."""
    for p in element.iter(NS + "p"):
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
    for point in paragraph.iter(NS + "point"):
        num = point.find(NS + "num")
        label = " ".join((num.text or "").split()) if num is not None else ""
        body = " ".join(
            text_of(child) for child in point if _tag(child) not in ("num", "list")
        ).strip()
        items.append((label, body))
    lead_parts = []
    for child in paragraph:
        tag = _tag(child)
        if tag == "list":
            lead_parts.extend(text_of(c) for c in child if _tag(c) == "intro")
        elif tag != "num":
            lead_parts.append(text_of(child))
    return " ".join(p for p in lead_parts if p), tuple(items)


def _points(paragraph: Element) -> tuple[str, ...]:
    labels = []
    for point in paragraph.iter(NS + "point"):
        num = point.find(NS + "num")
        labels.append(" ".join((num.text or "").split()) if num is not None else "")
    return tuple(labels)


def _notes(element: Element) -> tuple[str, ...]:
    return tuple(n.get("marker", "") for n in element.iter(NS + "authorialNote"))


def _operative(body: Element) -> list[GoldParagraph]:
    """Numbered paragraphs at any depth outside lists; a lone unnumbered one counts."""
    numbered: list[GoldParagraph] = []
    plain: list[GoldParagraph] = []
    stack = list(reversed(list(body)))
    while stack:
        element = stack.pop()
        tag = _tag(element)
        if tag == "paragraph":
            kids = {_tag(c) for c in element}
            number = _number(element)
            lead, items = _items(element)
            paragraph = GoldParagraph(
                number,
                _emphasised_start(element),
                text_of(element),
                _points(element),
                _notes(element),
                lead,
                items,
            )
            if number is not None:
                numbered.append(paragraph)
            elif kids & {"content", "list"}:
                plain.append(paragraph)
        if tag not in ("list", "point"):
            stack.extend(reversed(list(element)))
    return numbered or plain[:1]


def read_gold(path: Path) -> GoldDocument:
    """Read the markup of one AKN file.

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
    doc = root[0]
    language = ""
    found = doc.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
    if found is not None:
        language = language_of_frbr(found.get("language", ""))
    author = doc.find(f".//{NS}FRBRWork/{NS}FRBRauthor")
    number = doc.find(f".//{NS}docNumber")
    formula = doc.find(f".//{NS}preamble/{NS}formula")
    preambular = tuple(
        GoldParagraph(
            None,
            " ".join((c.get("name") or "").split()).strip(_TRAILING),
            text_of(c),
            _points(c),
            _notes(c),
        )
        for part in doc.findall(NS + "preamble")
        for c in part.findall(NS + "container")
    )
    operative = tuple(p for body in doc.findall(NS + "mainBody") for p in _operative(body))
    notes = tuple(
        (n.get("marker", ""), text_of(n, skip_notes=False)) for n in root.iter(NS + "authorialNote")
    )
    closing = tuple(text_of(p) for c in doc.findall(NS + "conclusions") for p in c.iter(NS + "p"))
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
    )
