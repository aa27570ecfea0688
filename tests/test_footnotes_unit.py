"""Footnote calls in running text: every kind of call, and which ones are kept."""

from __future__ import annotations

import re

import pytest

from reslint import patterns
from reslint.footnotes import CallCandidate, candidates, lost_notes, select_calls

# text, the calls found as (number, style, strong, the text removed)
CALLS = [
    ("rights of the child¹²,", [(12, "superscript", True, "¹²")]),
    ("rights of the child[^3],", [(3, "markdown", True, "[^3]")]),
    ("les droits de l'homme3,", [(3, "glued", True, "3")]),
    ("the “Habitat Agenda”4 and", [(4, "glued", True, "4")]),
    (
        "Recalling its resolution 58/170;16,17",
        [(16, "glued", True, "16"), (17, "glued", True, ",17")],
    ),
    ("the rights,3 and", [(3, "glued", True, "3")]),
    ("adopted in 20002 by", [(2, "year", False, "2")]),
    ("adopted in 200012 by", [(12, "year", False, "12")]),  # six figures: a year and a call
    ("the Convention 3,", [(3, "detached", False, " 3")]),
    ("adopted in 1993 1 ,", [(1, "detached", False, " 1 ")]),
    ("the rights, 3 and the", [(3, "detached", False, " 3")]),
    # a figure glued to Cyrillic text is a call, as to Latin text
    ("ссылаясь на свою резолюцию безопасности1,", [(1, "glued", True, "1")]),
    ("озаглавленную «Повестка дня»2 и", [(2, "glued", True, "2")]),
    # glued to Han text before a mark: a call only if the footnote bodies expect it
    ("回顾其报告1，", [(1, "glued", False, "1")]),
    ("《2030年议程》12。", [(12, "glued", False, "12")]),
    # after a full-width or Arabic final mark, as Chinese and Arabic texts set their calls
    ("回顾其第74/93号决议，1", [(1, "glued", True, "1")]),
    ("إذ تشير إلى قرارها 74/93،2", [(2, "glued", True, "2")]),
]

# texts with no call at all: numbers that belong to the text
NO_CALLS = [
    "article 1,",
    "paragraph 3,",
    "resolution 58/170,",
    "in 2000,",
    "in 2000 and",
    "the 10 States",
    "the rights123,",  # three figures glued to a word: no call
    "in 2000123 and",  # seven figures: no year with a call
    "the rights 123,",
    "1244 (1999)",
    "d) 3.044.259.055 dólares,",
    "un 3,5 %",
    "第5，",
    "至2030年，",
    "第76/1号",
    "",
]


@pytest.mark.parametrize(("text", "expected"), CALLS, ids=[text for text, _ in CALLS])
def test_call_candidates(text: str, expected: list[tuple[int, str, bool, str]]) -> None:
    found = [(c.number, c.style, c.strong, text[c.start : c.end]) for c in candidates(text)]
    assert found == expected


@pytest.mark.parametrize("text", NO_CALLS)
def test_no_call_candidates(text: str) -> None:
    assert candidates(text) == []


def _weak(number: int) -> CallCandidate:
    return CallCandidate(0, 1, number, "detached", False)


def _strong(number: int) -> CallCandidate:
    return CallCandidate(0, 1, number, "glued", True)


@pytest.mark.parametrize(
    ("blocks", "bodies", "kept"),
    [
        # strong calls are always kept
        ([[_strong(1)], [_strong(5)]], set(), [[1], [5]]),
        # weak calls only with numbered bodies ...
        ([[_weak(1)]], set(), [[]]),
        ([[_weak(1)]], {1}, [[1]]),
        # ... and when they are the next call expected or an uncalled later body
        ([[_weak(1)], [_weak(2)], [_weak(7)]], {1, 2, 3}, [[1], [2], []]),
        ([[_weak(1)], [_weak(3)]], {1, 3}, [[1], [3]]),
        # a number already called is not called again by a weak candidate
        ([[_weak(1)], [_weak(1)]], {1, 2}, [[1], []]),
    ],
)
def test_select_calls(
    blocks: list[list[CallCandidate]], bodies: set[int], kept: list[list[int]]
) -> None:
    chosen = select_calls(blocks, bodies)
    assert [[c.number for c in block] for block in chosen] == kept


def test_a_note_skipped_at_the_foot_of_a_page_is_lost() -> None:
    assert lost_notes(((1, 2, 4, 5),)) == {3}
    assert lost_notes(((1, 3), (7, 8, 9, 10, 39))) == {2}  # a wide gap is a misread number
    assert lost_notes(((1, 2, 3), (5, 6))) == set()  # note 4 was on a page not extracted


def test_the_call_of_a_lost_note_is_kept_when_a_call_before_it_was_not_found() -> None:
    blocks = [[_weak(1)], [_weak(3)], [_weak(4)]]
    assert [[c.number for c in b] for b in select_calls(blocks, {1, 2, 4})] == [[1], [], [4]]
    chosen = select_calls(blocks, {1, 2, 4}, frozenset({3}))
    assert [[c.number for c in block] for block in chosen] == [[1], [3], [4]]


def test_the_character_a_glued_call_follows_is_every_one_the_glued_patterns_accept() -> None:
    glued = [
        re.compile(source)
        for source in (
            patterns.GLUED_CALL,
            patterns.GLUED_QUOTE_CALL,
            patterns.CALL_AFTER_MARK,
            patterns.GLUED_HAN_CALL,
        )
    ]
    follows = re.compile(patterns.CALL_GLUED_AFTER)
    characters = [chr(code) for code in range(0x21, 0x3100)] + ["一", "报", "龥"]
    for before in ("abc", "ab»", "报告"):
        for char in characters:
            for after in ("", " ", ",", "。", ")"):
                text = f"{before}{char}12{after}"
                start = len(before) + 1
                if any(pattern.match(text, start) for pattern in glued):
                    assert follows.fullmatch(char), (char, text)
