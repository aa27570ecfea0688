"""Language detection on short texts: the running text decides, not the notes it cites."""

from __future__ import annotations

import pytest

from reslint.language import detect_language

ENGLISH_NOTE = (
    "15 Christian Nellemann and others, eds., The Rise of Environmental Crime: A Growing "
    "Threat to Natural Resources, Peace, Development and Security (Nairobi, 2016); "
    "United Nations Environment Programme and INTERPOL, Strategic Report: Environment, "
    "Peace and Security: A Convergence of Threats (2016); World Atlas of Illicit Flows "
    "(2018); Illegal Logging, Fishing, and Wildlife Trade: The Costs and How to Combat it "
    "(Washington D.C., 2019).\n"
)


@pytest.mark.parametrize(
    ("language", "running_text", "notes"),
    [
        (
            "es",
            "El Consejo Económico y Social\n\n"
            "Recomienda a la Asamblea General que apruebe el siguiente proyecto de resolución:\n",
            "7 Naciones Unidas, Treaty Series, vol. 993, núm. 14537.\n\n",
        ),
        (
            "ru",
            "Экономический и Социальный Совет\n\n"
            "рекомендует Генеральной Ассамблее принять следующий проект резолюции:\n",
            "7 United Nations, Treaty Series, vol. 993, No. 14537.\n\n",
        ),
        (
            "fr",
            "Le Conseil économique et social\n\n"
            "Recommande à l’Assemblée générale d’adopter le projet de résolution suivant :\n",
            "7 Nations Unies, Recueil des Traités, vol. 993, no 14537.\n\n",
        ),
    ],
)
def test_a_short_text_is_told_by_its_running_text_not_its_notes(
    language: str, running_text: str, notes: str
) -> None:
    text = f"{running_text}\n__________\n\n{notes}{ENGLISH_NOTE * 3}"
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La Asamblea General,\n", "es"),
        ("El Consejo de Seguridad,\n", "es"),
        ("L’Assemblée générale,\n", "fr"),
        ("The Security Council,\n", "en"),
        ("Генеральная Ассамблея,\n", "ru"),
    ],
)
def test_an_organ_line_alone_tells_its_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_the_notes_tell_when_the_running_text_does_not() -> None:
    text = "A/RES/75/1\n\n__________\n\n1 Véase la resolución 70/1 de la Asamblea General.\n"
    assert detect_language(text) == "es"


def test_a_short_chinese_text_after_a_recorded_vote_in_english_is_chinese() -> None:
    vote = "AFGHANISTAN ALBANIA ALGERIA ANDORRA ANGOLA ANTIGUA AND BARBUDA ARGENTINA " * 12
    text = (
        f"{vote}联合国 A/RES/76/145 大会 Distr.: General 6 January 2022 第七十六届会议\n\n"
        "大会，\n\n回顾其2006年3月15日关于设立人权理事会的第60/251号决议，\n\n"
        "表示注意到人权理事会的报告，包括其增编，以及报告中的建议。\n"
    )
    assert detect_language(text) == "zh"
