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
        # both num2words' own spelling and the UN one are read
        for words in (
            str(num2words(number, lang=language, to="ordinal")),
            ordinal_words(number, language),
        ):
            table.setdefault(fold(words), number)
    return table


def parse_ordinal(words: str, language: str) -> int | None:
    """Return the number that spelled-out ordinal ``words`` stands for, or None."""
    return _ordinal_table(language).get(fold(words))


# num2words writes Spanish 11-19 as "décimo tercero" and the forties as
# "quadragésimo"; UN texts write "decimotercer", "cuadragésimo".
_ES_TEENS = {
    11: "undécimo",
    12: "duodécimo",
    13: "decimotercer",
    14: "decimocuarto",
    15: "decimoquinto",
    16: "decimosexto",
    17: "decimoséptimo",
    18: "decimoctavo",
    19: "decimonoveno",
}


def ordinal_words(number: int, language: str) -> str:
    """Return the spelled-out ordinal of ``number`` in ``language`` (UN spelling)."""
    from num2words import num2words

    if language == "es" and number in _ES_TEENS:
        return _ES_TEENS[number]
    words = str(num2words(number, lang=language, to="ordinal"))
    if language == "fr":
        # num2words writes "quatre-vingtsième"; the rule is "quatre-vingtième".
        words = words.replace("quatre-vingtsième", "quatre-vingtième")
    if language == "es":
        # Before a masculine noun the ordinal is apocopated: "primer", "tercer".
        words = re.sub(r"\b(prim|terc)ero\b", r"\1er", words)
        words = words.replace("quadragésimo", "cuadragésimo")
    return words
