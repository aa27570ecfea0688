"""Each organ's session numbering, and closing clauses read by their structure."""

from __future__ import annotations

import datetime

import pytest

from reslint.lexicon import load_lexicon
from reslint.sessions import (
    general_assembly_session_window,
    human_rights_council_session_year,
    numbering,
    session_year,
)


def test_general_assembly_session_59_runs_from_2004_to_2005() -> None:
    assert general_assembly_session_window(59) == (
        datetime.date(2004, 9, 1),
        datetime.date(2005, 9, 30),
    )


def test_organ_numbering() -> None:
    assert numbering("ecosoc").by == "year"
    assert numbering("sc").by == "none"
    assert numbering("hrc").by == "ordinal"
    assert 2020 <= human_rights_council_session_year(45) <= 2021
    assert session_year("E/RES/2020/7", "") == 2020
    assert session_year(None, "2019/4. Mainstreaming a gender perspective") == 2019


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        (
            "en",
            "Decides to continue its consideration of the question at its sixtieth session.",
            60,
        ),
        (
            "en",
            "Decides to include in the provisional agenda of its sixty-first session the item "
            'entitled "' + "A very long title, " * 30 + '".',
            61,
        ),
        (
            "en",
            "Decides to remain seized of this priority matter at its seventy-ninth session.",
            79,
        ),
        ("en", "Further decides to keep under review, during its eightieth session, the item.", 80),
        (
            "fr",
            "Décide de poursuivre l'examen de cette question à sa soixante et onzième session.",
            71,
        ),
        (
            "es",
            "Decide seguir examinando la cuestión en su septuagésimo sexto período de sesiones.",
            76,
        ),
    ],
)
def test_closer_session(language: str, text: str, number: int) -> None:
    forms = load_lexicon(language).closing
    assert forms is not None
    found = forms.action(text)
    assert found is not None
    assert forms.sessions(text, found.end())[0].number == number


def test_a_consideration_without_a_session_does_not_close_the_part() -> None:
    forms = load_lexicon("en").closing
    assert forms is not None
    assert not forms.closes("Decides to continue its consideration of the question of the rights")
    assert forms.closes("Decides to remain actively seized of the matter.")
    assert forms.closes("Decides to include in the provisional agenda of its sixtieth session")
