"""Helpers shared by the built-in rules."""

from __future__ import annotations

from reslint.model import Document, Node, NodeKind

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(label: str) -> int | None:
    """Return the value of a lowercase roman numeral, or None."""
    total = 0
    previous = 0
    for char in reversed(label):
        value = ROMAN.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def letter_value(label: str) -> int | None:
    """Return the rank of a letter label: a=1 … z=26, aa=27 …, or None."""
    if not label.isalpha() or not label.islower():
        return None
    if len(set(label)) != 1:
        return None
    return (len(label) - 1) * 26 + ord(label[0]) - ord("a") + 1


def letter_label(rank: int) -> str:
    """Return the letter label of ``rank`` (inverse of :func:`letter_value`)."""
    repeat, index = divmod(rank - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def roman_label(value: int) -> str:
    """Return the lowercase roman numeral of ``value``."""
    numerals = (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for number, text in numerals:
        while value >= number:
            out.append(text)
            value -= number
    return "".join(out)


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
