"""Roman numerals and letter labels, both ways: "iv" ↔ 4, "aa" ↔ 27; figures of any script.

Subparagraph labels ((a), (iv)), Word's list counters and old General Assembly
session numbers (``3363 (XXX)``) all need them.  The patterns that find labels in a
text are in :mod:`reslint.patterns`.
"""

from __future__ import annotations

import unicodedata

_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
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


def figures_value(figures: str) -> int:
    """Return the value of figures of any script: "12", superscript "²", Arabic-Indic "١٢"."""
    return int("".join(str(unicodedata.digit(figure)) for figure in figures))


def roman_value(label: str) -> int | None:
    """Return the value of a lowercase roman numeral, or None."""
    total = 0
    previous = 0
    for char in reversed(label):
        value = _VALUES.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def roman_label(value: int) -> str:
    """Return the lowercase roman numeral of ``value`` (positive)."""
    out = []
    for number, text in _NUMERALS:
        count, value = divmod(value, number)
        out.append(text * count)
    return "".join(out)


LATIN = "abcdefghijklmnopqrstuvwxyz"
ALPHABETS = (
    LATIN,
    "абвгдежзиклмнопрстуфхцчшщэюя",
    "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ",
)
"""The letters of subparagraph labels in list order: Latin; Russian (а), (б), (в) … with ё,
й, ъ, ы and ь left out as lists leave them out; Arabic (أ), (ب), (ج) … in abjad order."""


def alphabet_of(label: str) -> str:
    """Return the alphabet a letter label is written in (Latin when none holds it)."""
    first = label[:1]
    return next((alphabet for alphabet in ALPHABETS if first and first in alphabet), LATIN)


def letter_value(label: str) -> int | None:
    """Return the rank of a letter label: a=1 … z=26, aa=27 …, б=2 …, or None.

    An Arabic letter in a presentation form ("ﻫ", the initial heh of Word files) or
    stretched by a tatweel ("هـ") is the letter itself."""
    if not label.isascii():
        label = unicodedata.normalize("NFKC", label).replace("\u0640", "")
    if not label.isalpha() or any(char.isupper() for char in label):
        return None
    if len(set(label)) != 1:
        return None
    alphabet = alphabet_of(label)
    index = alphabet.find(label[0])
    if index < 0:
        return None
    return (len(label) - 1) * len(alphabet) + index + 1


def letter_label(rank: int, alphabet: str = LATIN) -> str:
    """Return the letter label of ``rank`` in ``alphabet`` (inverse of :func:`letter_value`)."""
    repeat, index = divmod(rank - 1, len(alphabet))
    return alphabet[index] * (repeat + 1)
