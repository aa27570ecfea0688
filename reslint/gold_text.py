"""The plain text a drafter would have of an AKN resolution, and how well reslint reads it back.

:func:`render` writes what the UN's markup holds the way a draft in a word
processor gives it as text: the organ line, the preambular paragraphs, the
operative paragraphs with their numbers (``1 -`` in Arabic), subparagraphs with
their labels, footnote calls as figures glued to the text, the adoption lines
and, under a rule, the footnotes.  :func:`measure` parses that text (language
detected) and compares its counts with the markup's, so the recognition of plain
text is measured against a gold standard nobody here wrote
(``python -m reslint.evaluate --gold DIR``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reslint.gold import GoldDocument, read_gold
from reslint.language import LANGUAGES

_LEADING_NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[-.\u2013\u2014]?\s+")
FIELDS = ("language", "preambular", "operative", "numbers", "subparagraphs", "footnotes")


_FINAL = ",;.:،؛，；。："


def _with_calls(text: str, markers: tuple[str, ...]) -> str:
    """Return ``text`` with its footnote calls glued before its final mark, as typed."""
    calls = "".join(m for m in markers if m.isdigit())
    if calls and text[-1:] in _FINAL:
        return text[:-1] + calls + text[-1]
    return text + calls


def render(gold: GoldDocument) -> str:
    """Return the drafter's plain text of a resolution marked up in AKN."""
    blocks = [gold.organ_line or ""]
    for paragraph in gold.preambular:
        blocks.append(_with_calls(paragraph.text, paragraph.notes))
    for paragraph in gold.operative:
        number = paragraph.number
        mark = "" if number is None else f"{number} - " if gold.language == "ar" else f"{number}. "
        lead = _LEADING_NUMBER.sub("", paragraph.lead or paragraph.text, count=1)
        blocks.append(mark + _with_calls(lead, paragraph.notes))
        blocks.extend(f"{label} {text}".strip() for label, text in paragraph.items)
    blocks.extend(line for line in gold.closing if line)
    notes = [f"{marker} {text}" for marker, text in gold.notes if marker.isdigit()]
    if notes:
        blocks.append("__________")  # the rule above the footnotes
        blocks.extend(notes)
    return "\n\n".join(b for b in blocks if b) + "\n"


@dataclass(frozen=True)
class Reading:
    """How the parse of one rendered text compares with its markup (True: the same)."""

    path: str
    language: str
    matches: dict[str, bool]


def measure(path: Path) -> Reading | None:
    """Render one AKN file, parse the text and compare the counts (None: unreadable XML)."""
    from reslint.model import NodeKind
    from reslint.parser import parse_document

    try:
        gold = read_gold(path)
    except ValueError:
        return None
    document = parse_document(render(gold))
    operative = [n for n in document.operative if n.parent is None]
    numbers = [n.number for n in operative]
    subparagraphs = sum(1 for n in document.nodes if n.kind is NodeKind.SUBPARAGRAPH)
    wanted_numbers = [p.number for p in gold.operative]
    matches = {
        "language": document.language == gold.language,
        "preambular": len(document.preambular) == len(gold.preambular),
        "operative": len(operative) == len(gold.operative),
        "numbers": numbers == wanted_numbers,
        "subparagraphs": subparagraphs == gold.subparagraphs,
        "footnotes": len(document.footnotes)
        == sum(1 for marker, _ in gold.notes if marker.isdigit()),
    }
    return Reading(str(path), gold.language or path.parent.name, matches)


def table(readings: list[Reading]) -> str:
    """Return the per-language table (Markdown): share of files whose count matches."""
    groups: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        groups[reading.language].append(reading)
    lines = [
        "| language | files | " + " | ".join(FIELDS) + " | all |",
        "| --- | ---: |" + " ---: |" * (len(FIELDS) + 1),
    ]
    order = [lang for lang in LANGUAGES if lang in groups] + sorted(set(groups) - set(LANGUAGES))
    for language in order:
        items = groups[language]
        shares = [100.0 * sum(r.matches[f] for r in items) / len(items) for f in FIELDS]
        every = 100.0 * sum(all(r.matches.values()) for r in items) / len(items)
        cells = " | ".join(f"{s:.1f} %" for s in [*shares, every])
        lines.append(f"| {language} | {len(items)} | {cells} |")
    return "\n".join(lines) + "\n"
