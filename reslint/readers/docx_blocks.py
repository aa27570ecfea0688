"""What a Word file says for certain about a resolution's structure and metadata.

A role is given to a Word paragraph only where the file itself says it:

* Word's automatic numbering: a paragraph of a list level counted ``1.`` or
  ``(1)`` is a numbered paragraph with that number; a level counted in letters
  or Roman numerals, ``(a)`` or ``i)``, is a subparagraph with that label.  A
  level whose text holds words or other levels' counters (``Article %1``,
  ``%1.%2``) says nothing of the kind: the paragraph is left to the grammar.
* A cell of a table with more than one column holds figures and labels, not a
  paragraph of the resolution: it is carried along as quoted text.  A table of
  one column is often only a frame around paragraphs, which stay paragraphs.
* Footnotes and their references come from Word's footnotes part.

Everything else (typed numbers, openers, masthead lines) is decided by the
grammar, because the UN's templates use their paragraph styles loosely (a
title in the style of the adoption line, a table head in the style of the
report line).

The metadata comes from the document properties the UN's documents system
sets: ``Symbol1`` (``A/RES/72/4``) and ``Language`` (``English``), else a
document title written as a symbol.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from reslint import patterns
from reslint.readers.blocks import BlockRole, DocumentFacts

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CUSTOM_PROPERTIES = "/docProps/custom.xml"
_PROPERTY = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
_SYMBOL = re.compile(patterns.PROPERTY_SYMBOL)
_LANGUAGES = {
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "arabic": "ar",
    "russian": "ru",
    "chinese": "zh",
}
_NUMBER_FORMATS = frozenset({"decimal", "decimalZero"})
_LABEL_FORMATS = frozenset({"lowerLetter", "lowerRoman"})


def list_role(number_format: str, pattern: str, placeholder: str) -> BlockRole:
    """Return what a list level's counter makes of its paragraphs.

    ``pattern`` is the level's text (``%1.``), ``placeholder`` its own counter
    in it (``%1``).  Only a counter with nothing but punctuation around it is a
    paragraph number or a subparagraph label.
    """
    rest = pattern.replace(placeholder, "", 1).strip()
    if placeholder not in pattern or not re.fullmatch(r"[(\[]?[.)\]]?", rest):
        return BlockRole.PARAGRAPH
    if number_format in _NUMBER_FORMATS:
        return BlockRole.NUMBERED
    if number_format in _LABEL_FORMATS:
        return BlockRole.ITEM
    return BlockRole.PARAGRAPH


def in_grid_table(paragraph: Any) -> bool:
    """Return whether a paragraph stands in a cell of a table with more than one column."""
    for ancestor in paragraph.iterancestors(f"{_W}tr"):
        if sum(1 for _ in ancestor.iterchildren(f"{_W}tc")) > 1:
            return True
    return False


def _custom_properties(document: WordDocument) -> dict[str, str]:
    """Return the document's custom properties (name → text); empty when it has none."""
    from docx.oxml.parser import parse_xml

    for part in document.part.package.iter_parts():
        if str(part.partname) != _CUSTOM_PROPERTIES:
            continue
        try:
            root = parse_xml(part.blob)
        except Exception:  # a damaged properties part says nothing
            return {}
        return {
            prop.get("name", ""): "".join(prop.itertext()).strip()
            for prop in root.iterchildren(_PROPERTY)
        }
    return {}


def document_facts(document: WordDocument) -> DocumentFacts | None:
    """Return the symbol and language the document properties state (None: neither).

    The session follows from the symbol (the parser reads it there).
    """
    custom = _custom_properties(document)
    candidates = (custom.get("Symbol1", ""), document.core_properties.title or "")
    symbol = next((c for c in candidates if _SYMBOL.fullmatch(c)), None)
    language = _LANGUAGES.get(custom.get("Language", "").strip().lower())
    if symbol is None and language is None:
        return None
    return DocumentFacts(language=language, symbol=symbol)
