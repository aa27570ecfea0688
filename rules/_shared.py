"""Helpers shared by the built-in rules."""

from __future__ import annotations

from reslint.model import Document, Node, NodeKind
from reslint.numerals import letter_label, letter_value, roman_label, roman_value

__all__ = [
    "body_paragraphs",
    "has_subparagraphs",
    "last_descendant",
    "letter_label",
    "letter_value",
    "roman_label",
    "roman_value",
    "statement_sections",
]


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


def statement_sections(document: Document) -> set[tuple[int, int]]:
    """Return the (part, section) pairs whose numbered paragraphs are not resolution clauses.

    Resolutions sometimes adopt a declaration, a statute or guidelines in their
    own numbered paragraphs ("1. We, the Heads of State…", "2. The Mechanism
    shall…"). Where fewer than half of at least three numbered paragraphs of a
    section open with a known operative verb, the section is such a text and
    the rules about operative clauses leave it alone.
    """
    counts: dict[tuple[int, int], list[int]] = {}
    for node in document.operative:
        if node.number is None:
            continue
        known = node.opener is not None and node.opener.known
        tally = counts.setdefault((node.part, node.section), [0, 0])
        tally[0] += known
        tally[1] += 1
    return {key for key, (known, total) in counts.items() if total >= 3 and known * 2 < total}
