"""The rules' faster scans find exactly what the plain expressions they replace found.

Several rules search every paragraph with an expression whose first element is a
look-behind or a repetition, which the regular-expression engine tries at every
character.  They are written so that the search skips to a character the match
must start with (the look-behind checked afterwards), or find a rarer mark first.
Each is compared here with the plain expression on generated texts made of the
characters that matter to it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reslint_rules import typography
from reslint_rules._shared import anchored_finditer

from reslint.violations import Applicability

_PLAIN_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\s(\[])([ \u00a0\u202f]+)([;:])")
_PLAIN_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['\u2019](?=[^\W\d_])")


def _texts(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(alphabet), max_size=40)


@settings(max_examples=400)
@given(_texts(" \u00a0\u202f\t\n;:([ab1.,"))
def test_spaces_before_marks_are_those_the_plain_expression_finds(text: str) -> None:
    expected = [found.span(1) for found in _PLAIN_SPACE_BEFORE_MARK.finditer(text)]
    assert list(typography._spaces_before_marks(text)) == expected


@settings(max_examples=400)
@given(_texts("'\u2019aé1_ -"))
def test_apostrophes_between_letters_are_those_the_plain_expression_finds(text: str) -> None:
    expected = [(found.start(), found.group()) for found in _PLAIN_APOSTROPHE.finditer(text)]
    found = [(found.start(), found.group()) for found in typography._APOSTROPHE.finditer(text)]
    assert found == expected


def _plain_first_of_month() -> re.Pattern[str]:
    months = f"(?:{typography._month_alternation(False)}|{typography._month_alternation(True)})"
    return re.compile(
        r"(?<![\d.,/\-])(?<!\d\s)(?P<day>1(?:e|ème|°)?)"
        rf"(?=\s+{months}\b|\s+(?:au|et|-|–)\s*\d{{1,2}}(?:\s?er)?\s+{months}\b)"
    )


_PIECES = st.sampled_from(["1", "1e", "2", " ", ".", "/", "-", "au", "juin", "Mai", "er"])


@settings(max_examples=1000)
@given(st.lists(_PIECES, max_size=10).map("".join))
@example("21 1 juin, 1.1 juin, 1 au 2 juin, 1e Mai, 1/1 juin")
def test_first_of_month_is_found_where_the_plain_expression_finds_it(text: str) -> None:
    plain = _plain_first_of_month()
    expected = [found.span("day") for found in plain.finditer(text)]
    assert [found.span("day") for found in typography._first_of_month().finditer(text)] == expected


_REFERENCE_PIECES = st.sampled_from(
    [
        "1",
        "58",
        "170",
        "/",
        " ",
        "(",
        ")",
        "XV",
        " A",
        "a",
        ".",
        "-",
        "er",
        " juin",
        " June",
        " 2003",
        "th session",
        "e session",
        " of ",
        "du",
        "A/",
        "ST/",
        "TD/",
        "CRC/",
        "Rev.l",
    ]
)
_REFERENCE_TEXTS = st.lists(_REFERENCE_PIECES, max_size=12).map("".join)


@settings(max_examples=500)
@given(_REFERENCE_TEXTS)
@example("1er juin 2003, 1 er juin, 11 juin, 1 juin, 58/170 du 1er juin 2003")
def test_anchored_reference_scans_find_what_the_plain_expressions_find(text: str) -> None:
    from reslint_rules import references

    pairs = [
        (references._SYMBOL, references._SYMBOL_HEAD),
        *((references._citation_regex(language), references._FIGURES) for language in ("en", "fr")),
        *(
            (references._SESSION_FIGURES[language], references._FIGURES)
            for language in ("en", "fr")
        ),
    ]
    for pattern, anchor in pairs:
        plain = [found.span() for found in pattern.finditer(text)]
        anchored = [found.span() for found in anchored_finditer(pattern, anchor, text)]
        assert anchored == plain, pattern.pattern[:60]


@settings(max_examples=500)
@given(_REFERENCE_TEXTS)
@example("1er juin 2003, 1 er Juin, 11 juin, 1 juin 20031, 1erjuin, 21er juin")
def test_french_dates_read_the_day_as_the_plain_expression_did(text: str) -> None:
    from reslint_rules import references

    months = references._months("fr")[0]
    plain = re.compile(
        rf"(?P<day>1\s?er|\d{{1,2}})\s+(?P<month>{months})\b(?:\s+(?P<year>\d{{4}})\b)?", re.I
    )
    expected = [(found.span(), found.group("day")) for found in plain.finditer(text)]
    found = [
        (found.span(), found.group("day")) for found in references._date_regex("fr").finditer(text)
    ]
    assert found == expected


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(
            ["resolution", "résolutions", " ", "1325", "/", "2000", "20001", "(1999)", " and ", ","]
        ),
        max_size=12,
    ).map("".join)
)
@example("resolutions 1244 (1999) and 1325/2000, resolution 1/20001")
def test_a_security_council_citation_with_a_slash_ends_with_a_slash_and_year(text: str) -> None:
    # RF001 searches only paragraphs with a slash and a year
    from reslint_rules import references

    for found in references._SC_SLASH.finditer(text):
        assert references._SLASH_YEAR.search(text, found.start()) is not None


_PLAIN_CROSS_REFERENCE_PIECES = st.sampled_from(
    ["Paragraph", "paragraphes", "PÁRRAFO", "párrafos", " ", "5", "(a)", "above", "ci-dessus"]
)


@settings(max_examples=300)
@given(st.lists(_PLAIN_CROSS_REFERENCE_PIECES, max_size=8).map("".join))
@example("See paragraph 5 above; PÁRRAFO 3 SUPRA; paragraphe 2 ci-dessous")
def test_cross_references_are_found_where_the_expression_finds_them(text: str) -> None:
    from reslint_rules import numbering

    expected = numbering._CROSS_REFERENCE.search(text) is not None
    assert numbering._cross_reference(text) == expected


def test_required_words_are_read_from_the_decision_verbs() -> None:
    from reslint.closers import required_words

    assert required_words(r"(?:(?:also|further)\s+)?decides(?:\s+(?:also|further))?\s+") == {
        "decides"
    }
    assert required_words(r"d[ée]cide(?:\s+(?:également|en\s+outre))?\s+") == {"cide"}
    assert required_words(r"(?:decide|resuelve)(?:\s+también)?\s+") == {"decide", "resuelve"}
    assert required_words(r"(?:a|b)c\s+") is None  # no word of three letters or more
    assert required_words(r"(?:decides)?\s+\w+") is None  # the word may be left out


_CLOSING_PIECES = st.sampled_from(
    [
        "Also ",
        "decides",
        "DECIDES",
        "Décide",
        "décide",
        "decide",
        "Resuelve",
        " ",
        "to include",
        "de poursuivre",
        "incluir",
        "'",
        "x",
        ", and ",
    ]
)


@settings(max_examples=400)
@given(st.lists(_CLOSING_PIECES, max_size=8).map("".join))
@example("Requests a report, and further decides to include the item")
def test_closers_are_found_where_the_expression_finds_them(text: str) -> None:
    from reslint.lexicon import load_lexicon

    for language in ("en", "fr", "es"):
        forms = load_lexicon(language).closing
        assert forms is not None
        source = rf"(?<![\w'])(?:{forms.decision})(?:{'|'.join(forms.actions)})"
        plain = [found.span() for found in re.finditer(source, text, re.I)]
        assert [found.span() for found in forms.actions_in(text)] == plain


def test_a_known_operative_verb_is_not_matched_again_after_its_commas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a known verb with no word before it can give OP002 no finding: whether a verb
    # follows one of its commas ("In this regard, requests") is not asked
    from reslint_rules.openers import UnknownOperativeVerb

    from reslint.lexicon import Lexicon
    from reslint.parser import parse_document

    document = parse_document(
        "The General Assembly,\n\n1. Decides, in this regard, to act, as agreed;\n\n"
        "2. In this regard, requests the Secretary-General to report, as agreed.\n"
    )
    asked: list[str] = []
    original = Lexicon.match_operative

    def spy(self: Lexicon, text: str):  # type: ignore[no-untyped-def]
        asked.append(text)
        return original(self, text)

    monkeypatch.setattr(Lexicon, "match_operative", spy)
    assert list(UnknownOperativeVerb().check(document)) == []
    assert asked and not any(text.startswith(("In this", "To act", "As agreed")) for text in asked)
    assert any(text.startswith("Requests") for text in asked)


_MISNUMBERED = (
    "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report{};\n\n"
    "4. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(
    ("reference", "applicability"),
    [("", Applicability.SAFE), (" on paragraph 1 above", Applicability.UNSAFE)],
)
def test_renumbering_is_unsafe_where_the_text_cites_its_paragraphs_by_number(
    reference: str, applicability: Applicability
) -> None:
    from reslint_rules.numbering import OperativeNumbering

    from reslint.parser import parse_document

    document = parse_document(_MISNUMBERED.format(reference))
    fixes = [v.fix for v in OperativeNumbering().check(document) if v.fix is not None]
    assert [fix.applicability for fix in fixes] == [applicability]


def test_a_document_numbered_right_is_not_searched_for_cross_references(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reslint_rules import numbering

    from reslint.parser import parse_document

    asked: list[str] = []
    monkeypatch.setattr(numbering, "_cross_reference", asked.append)
    numbered_right = _MISNUMBERED.replace("3.", "2.").replace("4.", "3.")
    document = parse_document(numbered_right.format(" on paragraph 1 above"))
    assert list(numbering.OperativeNumbering().check(document)) == []
    assert asked == []


@settings(max_examples=400)
@given(_texts("'\u2019aé1_ -"))
def test_each_apostrophe_is_found_between_letters_where_the_expression_finds_it(
    text: str,
) -> None:
    found = {found.group() for found in typography._APOSTROPHE.finditer(text)}
    for char, pattern in typography._APOSTROPHES.items():
        assert (pattern.search(text) is not None) is (char in found)
