"""Month names and ordinal words per language, taken from maintained libraries.

Month names come from the CLDR data shipped with Babel; spelled-out ordinals
come from num2words.  Both are imported lazily and their tables cached, so
commands that never need them (``reslint --version``, ``reslint rule``) do not
pay for them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

MAX_SESSION = 200


@cache
def month_names(language: str) -> tuple[str, ...]:
    """Return the twelve month names of ``language`` (lowercase, January first)."""
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=language)
    return tuple(names[index].lower() for index in range(1, 13))


@cache
def month_pattern(language: str) -> str:
    """Return a regular expression alternation of the month names of ``language``."""
    return "|".join(re.escape(name) for name in month_names(language))


def fold(words: str) -> str:
    """Fold case, accents, hyphens and spacing of an ordinal phrase for lookup."""
    text = unicodedata.normalize("NFKD", words.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.split(r"[\s\-\u2010\u2011]+", text.strip()))


@cache
def _ordinal_table(language: str) -> dict[str, int]:
    from num2words import num2words

    table: dict[str, int] = {}
    for number in range(1, MAX_SESSION + 1):
        words = num2words(number, lang=language, to="ordinal")
        variants = {words}
        if language == "fr":
            # num2words writes "quatre-vingtsième"; the rule is "quatre-vingtième".
            variants.add(words.replace("quatre-vingtsième", "quatre-vingtième"))
        if language == "es":
            # Before a masculine noun the ordinal is apocopated: "primer", "tercer".
            variants.add(re.sub(r"\b(prim|terc)ero\b", r"\1er", words))
        for variant in variants:
            table.setdefault(fold(variant), number)
    return table


def parse_ordinal(words: str, language: str) -> int | None:
    """Return the number that spelled-out ordinal ``words`` stands for, or None."""
    return _ordinal_table(language).get(fold(words))


def ordinal_words(number: int, language: str) -> str:
    """Return the spelled-out ordinal of ``number`` in ``language`` (UN spelling)."""
    from num2words import num2words

    words = num2words(number, lang=language, to="ordinal")
    if language == "fr":
        words = words.replace("quatre-vingtsième", "quatre-vingtième")
    if language == "es":
        words = re.sub(r"\b(prim|terc)ero\b", r"\1er", words)
    return str(words)


@cache
def ordinal_pattern(language: str) -> str:
    """Return a regex matching any spelled-out ordinal up to MAX_SESSION."""
    from num2words import num2words

    forms: set[str] = set()
    for number in range(1, MAX_SESSION + 1):
        words = str(num2words(number, lang=language, to="ordinal"))
        forms.add(words)
        forms.add(ordinal_words(number, language))
    alternatives = sorted(forms, key=len, reverse=True)
    escaped = (
        re.escape(form).replace(r"\-", r"[-\u2010\u2011 ]").replace(r"\ ", r"\s+")
        for form in alternatives
    )
    return "|".join(escaped)
