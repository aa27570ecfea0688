"""The plain text a drafter would have of an AKN resolution, and how well reslint reads it back.

:func:`render` writes what the UN's markup holds the way a draft in a word
processor gives it as text: the organ line, the preambular paragraphs, the
operative paragraphs with their numbers (``1 -`` in Arabic), subparagraphs with
their labels, footnote calls as figures glued to the text, the adoption lines
and, under a rule, the footnotes, all in the order of the markup (the blocks of a
draft quoted in an ``embeddedStructure`` after the paragraph that quotes it; a
number the markup leaves alone in a paragraph before the text of the unnumbered
paragraph after it).
:mod:`reslint.gold_compare` parses that text (language detected) and compares its
counts with the markup's, so the recognition of plain text is measured against a
gold standard nobody here wrote (``python -m reslint.evaluate --gold DIR``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reslint.gold import GoldBlock, GoldDocument, GoldParagraph

_LEADING_NUMBER = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[-.\u2013\u2014]?\s+")


def _operative(paragraph: GoldParagraph, language: str) -> list[str]:
    number = paragraph.number
    mark = "" if number is None else f"{number} - " if language == "ar" else f"{number}. "
    lead = _LEADING_NUMBER.sub("", paragraph.lead or paragraph.text, count=1)
    blocks = [mark + lead]
    blocks.extend(f"{label} {text}".strip() for label, text in paragraph.items)
    blocks.extend(paragraph.quoted)
    return blocks


_REPEATED_NOTE_NUMBER = re.compile(r"\s*([0-9\u0660-\u0669]{1,3})\s+")
"""A figure the markup types before a note's text: the note's number again ("1 См.
резолюцию 70/1.", "1 大会第69/313号决议")."""


def _note_text(marker: str, text: str) -> str:
    """Return a note's text as the drafter typed it after the note's number, once."""
    typed = _REPEATED_NOTE_NUMBER.match(text)
    if typed is None or int(typed.group(1)) != int(marker):
        return text  # a note that starts with a figure of its own ("28 июня 2011 года …")
    return text[typed.end() :]


def _number_alone(paragraph: GoldParagraph) -> bool:
    """Return whether a numbered paragraph holds nothing but its number."""
    rest = _LEADING_NUMBER.sub("", paragraph.text + " ", count=1)
    return paragraph.number is not None and not rest.strip() and not paragraph.items


def _numbers_joined(body: tuple[GoldBlock, ...]) -> list[GoldBlock]:
    """Return the body with a number that the markup put alone in a paragraph joined to the
    unnumbered paragraph after it, which holds its text ("1." then "敦促尚未批准…"): a
    drafter's text has them on one line."""
    joined: list[GoldBlock] = []
    for block in body:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "operative"
            and _number_alone(previous.paragraph)
            and block.kind == "other"
            and block.paragraph.number is None
        ):
            number = previous.paragraph.number
            joined[-1] = replace(previous, paragraph=replace(block.paragraph, number=number))
            continue
        joined.append(block)
    return joined


def render(gold: GoldDocument) -> str:
    """Return the drafter's plain text of a resolution marked up in AKN.

    ``gold`` is read with its calls in the text (``read_gold(path, calls=True)``).
    """
    blocks = [gold.organ_line or ""]
    for block in _numbers_joined(gold.body):
        paragraph = block.paragraph
        if block.kind == "preambular" and paragraph.items:
            blocks.append(paragraph.lead)
            blocks.extend(f"{label} {text}".strip() for label, text in paragraph.items)
        elif block.kind == "preambular":
            blocks.append(paragraph.text)
        elif block.kind in ("operative", "other"):
            blocks.extend(_operative(paragraph, gold.language))
        else:
            blocks.append(paragraph.text)
    blocks.extend(line for line in gold.closing if line)
    notes = [
        f"{marker} {_note_text(marker, text)}" for marker, text in gold.notes if marker.isdigit()
    ]
    if notes:
        blocks.append("__________")  # the rule above the footnotes
        blocks.extend(notes)
    return "\n\n".join(b for b in blocks if b) + "\n"
