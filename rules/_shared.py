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
    numerals = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                (5, "v"), (4, "iv"), (1, "i"))
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
