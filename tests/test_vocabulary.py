"""The generated month and ordinal tables are what Babel and num2words give."""

from __future__ import annotations

import pytest

from reslint import _vocabulary_tables as tables
from reslint.vocabulary import (
    MAX_SESSION,
    TABLE_LANGUAGES,
    library_month_names,
    library_ordinal_table,
    library_ordinal_words,
    month_names,
    ordinal_words,
    parse_ordinal,
)


@pytest.mark.parametrize("language", TABLE_LANGUAGES)
def test_generated_tables_match_the_libraries(language: str) -> None:
    # if this fails after upgrading Babel or num2words: python -m reslint.vocabulary
    assert tables.MONTHS[language] == library_month_names(language)
    assert tables.ORDINALS[language] == tuple(
        library_ordinal_words(n, language) for n in range(1, MAX_SESSION + 1)
    )
    assert tables.ORDINALS_READ[language] == library_ordinal_table(language)


@pytest.mark.parametrize(
    ("language", "number", "words"),
    [
        ("fr", 59, "cinquante-neuvième"),
        ("fr", 80, "quatre-vingtième"),
        ("en", 60, "sixtieth"),
        ("es", 13, "decimotercer"),
        ("es", 43, "cuadragésimo tercer"),
    ],
)
def test_ordinals_in_un_spelling_both_ways(language: str, number: int, words: str) -> None:
    assert ordinal_words(number, language) == words
    assert parse_ordinal(words, language) == number
    assert parse_ordinal(words.upper().replace("-", " "), language) == number


def test_numbers_beyond_the_table_and_other_languages_ask_the_libraries() -> None:
    assert ordinal_words(MAX_SESSION + 1, "en") == "two hundred and first"
    assert month_names("de")[2] == "märz"
    assert month_names("fr")[0] == "janvier"
