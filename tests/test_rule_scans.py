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

from hypothesis import example, given, settings
from hypothesis import strategies as st
from reslint_rules import typography

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
