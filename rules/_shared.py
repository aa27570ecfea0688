"""Helpers shared by the built-in rules."""

from __future__ import annotations

import re
from typing import Iterator

from reslint.lexicon import Lexicon, load_lexicon
from reslint.model import Document, Node, NodeKind
from reslint.morphology import Verdict, judge
from reslint.numerals import letter_label, letter_value, roman_label, roman_value

__all__ = [
    "anchored_finditer",
    "body_paragraphs",
    "has_subparagraphs",
    "last_descendant",
    "letter_label",
    "letter_value",
    "roman_label",
    "roman_value",
    "statement_sections",
    "strayed_into_preamble",
]


def anchored_finditer(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` in ``text``, as ``pattern.finditer(text)`` does.

    ``pattern`` is tried only where ``anchor`` matches: every match of ``pattern`` must
    start where ``anchor`` matches, and none strictly inside a match of ``anchor``.  An
    expression that opens with a look-behind is tried by the regular-expression engine at
    every character; an anchor the engine can skip to (a figure, a letter before a slash)
    lets it pass over the rest of the text.  ``pattern`` never matches the empty string.
    """
    search, match = anchor.search, pattern.match
    position = 0
    while (candidate := search(text, position)) is not None:
        found = match(text, candidate.start())
        if found is None:
            position = max(candidate.end(), candidate.start() + 1)
            continue
        yield found
        position = found.end()


def last_descendant(document: Document, node: Node) -> Node:
    """Return the last subparagraph or quoted block under ``node`` (or ``node`` itself)."""
    children = document.children(node)
    return children[-1] if children else node


def has_subparagraphs(document: Document, node: Node) -> bool:
    """Return whether ``node`` introduces subparagraphs or quoted text."""
    return bool(document.children(node))


def body_paragraphs(document: Document) -> list[Node]:
    """Return preambular and operative paragraphs in order."""
    return [n for n in document.nodes if n.kind in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE)]


def strayed_into_preamble(document: Document) -> list[Node]:
    """Return the unnumbered operative paragraphs that stand inside the preamble.

    "Recognizes the role of …," between two preambular paragraphs, before any
    numbered paragraph of its section: an operative verb strayed into the
    preamble ("Recognizes" for "Recognizing").  The paragraph holds a place of
    the preamble, not of the operative numbering; ST002 reports it, once.
    """
    pending: dict[int, list[Node]] = {}
    numbered: set[int] = set()
    strayed: list[Node] = []
    for node in document.nodes:
        if node.kind is NodeKind.OPERATIVE and node.parent is None:
            if node.number is not None:
                numbered.add(node.section)
            elif node.section not in numbered:
                pending.setdefault(node.section, []).append(node)
        elif node.kind is NodeKind.PREAMBULAR and node.section not in numbered:
            strayed.extend(pending.pop(node.section, []))
    return strayed


def statement_sections(document: Document) -> set[tuple[int, int]]:
    """Return the (part, section) pairs whose numbered paragraphs are not resolution clauses.

    Resolutions sometimes adopt a declaration, a programme of action or a statute
    in their own numbered paragraphs ("1. We, the Heads of State…", "2. The
    Conference…", "3. Promote…", "4. States, in cooperation with…, should…").
    Such a text is told by how its paragraphs open: with their subject or an
    imperative — a word of the language that is not an operative verb, judged
    by the lexicon's ``[morphology]`` — rather than with an operative verb,
    known or misspelt.  A section of at least three numbered paragraphs, most of
    them opening that way, is such a text; the rules about operative clauses
    then report only misspellings in it.
    """
    lexicon = load_lexicon(document.language)
    counts: dict[tuple[int, int], list[int]] = {}
    for node in document.operative:
        if node.number is None:
            continue
        tally = counts.setdefault((node.part, node.section), [0, 0])
        tally[0] += _opens_a_statement(lexicon, node)
        tally[1] += 1
    return {key for key, (shaped, total) in counts.items() if total >= 3 and shaped * 2 > total}


def _opens_a_statement(lexicon: Lexicon, node: Node) -> bool:
    """Return whether a numbered paragraph opens with its subject or an imperative."""
    opener = node.opener
    if opener is None or opener.known or not opener.text:
        return opener is None or not opener.known
    text = node.view.text
    start = max(text.find(opener.text), 0)
    verdict = judge(lexicon.morphology, "operative", text[start:], lexicon.before_opener).verdict
    return verdict in (Verdict.OTHER_CLASS, Verdict.UNJUDGED)
