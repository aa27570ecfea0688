"""Month names and ordinal words per language, taken from maintained libraries.

Month names come from the CLDR data shipped with Babel; spelled-out ordinals
come from num2words (with the UN's own spellings where they differ).  Importing
the two libraries and building the tables costs about 80 ms, more than parsing
a resolution, so the tables of the built-in languages are generated from the
libraries into :mod:`reslint._vocabulary_tables` (``python -m reslint.vocabulary``
rewrites it; a test checks it is what the libraries give today).  Other
languages and numbers beyond the tables are asked of the libraries at run time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

MAX_SESSION = 200


@cache
def month_names(language: str) -> tuple[str, ...]:
    """Return the twelve month names of ``language`` (lowercase, January first)."""
    from reslint._vocabulary_tables import MONTHS

    return MONTHS.get(language) or library_month_names(language)


def library_month_names(language: str) -> tuple[str, ...]:
    """Return the month names of ``language`` from Babel's CLDR data."""
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
    from reslint._vocabulary_tables import ORDINALS_READ

    if language in ORDINALS_READ:
        return ORDINALS_READ[language]
    return library_ordinal_table(language)


def library_ordinal_table(language: str) -> dict[str, int]:
    """Return folded ordinal phrase → number for 1..MAX_SESSION, from num2words."""
    from num2words import num2words

    table: dict[str, int] = {}
    for number in range(1, MAX_SESSION + 1):
        # both num2words' own spelling and the UN one are read
        try:
            spellings = (
                str(num2words(number, lang=language, to="ordinal")),
                library_ordinal_words(number, language),
            )
        except (NotImplementedError, KeyError, ValueError, OverflowError):
            return table  # the library has no ordinals in this language: none are read
        for words in spellings:
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
    from reslint._vocabulary_tables import ORDINALS
    from reslint.limits import current

    table = ORDINALS.get(language)
    if table is not None and 0 < number <= len(table):
        return table[number - 1]
    if not 0 < number <= current().ordinal:
        return str(number)  # no spelling is looked for beyond the bound on ordinals
    try:
        return library_ordinal_words(number, language)
    except (NotImplementedError, KeyError, ValueError, OverflowError):
        return str(number)  # the library has no ordinals in this language


def library_ordinal_words(number: int, language: str) -> str:
    """Return the UN spelling of the ordinal of ``number``, from num2words."""
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


_AR_UNITS = (
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
)
_AR_TENS = (
    "العشرين",
    "الثلاثين",
    "الأربعين",
    "الخمسين",
    "الستين",
    "السبعين",
    "الثمانين",
    "التسعين",
)


def arabic_session_ordinal(number: int) -> str:
    """Return the ordinal of a session (دورة, feminine) as Arabic UN texts write it, 1–99:
    "الأولى", "الحادية عشرة", "الثامنة والخمسين" (num2words has the masculine only)."""
    if not 1 <= number <= 99:
        return str(number)
    tens, unit = divmod(number, 10)
    if number <= 10:
        return _AR_UNITS[number - 1]
    first = "الحادية" if unit == 1 else _AR_UNITS[unit - 1] if unit else ""
    if tens == 1:
        return f"{first} عشرة"
    return f"{first} و{_AR_TENS[tens - 2]}" if unit else _AR_TENS[tens - 2]


_ZH_DIGITS = "一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Return 1–99 in Chinese numerals, as a session is counted: "五十八" (第五十八届会议)."""
    if not 1 <= number <= 99:
        return str(number)
    tens, unit = divmod(number, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _ZH_DIGITS[tens - 1] + "十"
    return head + (_ZH_DIGITS[unit - 1] if unit else "")


_RU_FEMININE = {
    "nominative": ("ая", "третья"),
    "accusative": ("ую", "третью"),
    "oblique": ("ой", "третьей"),
}


def russian_feminine_ordinal(number: int, case: str) -> str:
    """Return the ordinal of a session (сессия, feminine) in ``case`` (``nominative``,
    ``accusative`` or ``oblique``: genitive, dative, instrumental, prepositional), from
    num2words' masculine nominative: "пятьдесят восьмой" → "пятьдесят восьмой сессии",
    "семьдесят третий" → "семьдесят третьей"."""
    words = library_ordinal_words(number, "ru").split()
    ending, third = _RU_FEMININE[case]
    last = words[-1]
    words[-1] = third if last == "третий" else last[:-2] + ending
    return " ".join(words)


TABLE_LANGUAGES = ("en", "fr", "es")


def generated_tables() -> str:
    """Return the source of :mod:`reslint._vocabulary_tables`, built from the libraries."""
    lines = [
        '"""Month names (Babel/CLDR) and ordinals (num2words, UN spelling): generated.',
        "",
        "Rewritten by ``python -m reslint.vocabulary``; do not edit.",
        '"""',
        "",
        "MONTHS: dict[str, tuple[str, ...]] = {",
    ]
    for language in TABLE_LANGUAGES:
        lines.append(f"    {language!r}: {library_month_names(language)!r},")
    lines += ["}", "", "ORDINALS: dict[str, tuple[str, ...]] = {"]
    for language in TABLE_LANGUAGES:
        words = tuple(library_ordinal_words(n, language) for n in range(1, MAX_SESSION + 1))
        lines.append(f"    {language!r}: {words!r},")
    lines += ["}", "", "ORDINALS_READ: dict[str, dict[str, int]] = {"]
    for language in TABLE_LANGUAGES:
        lines.append(f"    {language!r}: {library_ordinal_table(language)!r},")
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> None:
    """Rewrite the generated tables next to this module."""
    from pathlib import Path

    target = Path(__file__).with_name("_vocabulary_tables.py")
    target.write_text(generated_tables(), "utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
