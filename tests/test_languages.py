"""Language detection by script and function words, and the language a reader declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from reslint.engine import lint_rendering
from reslint.language import detect_language
from reslint.readers import Rendering
from reslint.readers.blocks import DocumentFacts
from tests.conftest import SHARED

SAMPLES = {
    "en": "The General Assembly,\n\nRecalling its resolution 74/93 of 13 December 2019,\n",
    "fr": "L'Assemblée générale,\n\nRappelant sa résolution 74/93 du 13 décembre 2019,\n",
    "es": "La Asamblea General,\n\nRecordando su resolución 74/93, de 13 de diciembre de 2019,\n",
    "ar": "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 74/93 المؤرخ 13 كانون الأول/ديسمبر 2019،\n",
    "ru": "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 74/93 от 13 декабря 2019 года,\n",
    "zh": "大会，\n\n回顾其2019年12月13日第74/93号决议，\n",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_official_language_is_detected(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


def test_latin_symbols_in_a_russian_text_do_not_make_it_english() -> None:
    text = SAMPLES["ru"] + "A/RES/75/1 INTERPOL I-24/7 A/75/64 E/2021/L.1 " * 3
    assert detect_language(text) == "ru"


def test_the_language_a_file_declares_is_used_unless_one_is_configured() -> None:
    # French text declared Spanish by its reader: the declaration wins over detection,
    # and a configured language wins over the declaration
    rendering = Rendering(SAMPLES["fr"], facts=DocumentFacts(language="es"))
    assert lint_rendering(rendering, []).document.language == "es"
    assert lint_rendering(rendering, [], language="en").document.language == "en"
    assert lint_rendering(Rendering(SAMPLES["fr"]), []).document.language == "fr"


AKN = SHARED / "realdocs" / "akn"


@pytest.mark.skipif(not AKN.is_dir(), reason="needs ../shared/realdocs/akn")
@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_every_official_akn_file_is_detected_from_its_text(language: str) -> None:
    from defusedxml import ElementTree

    from reslint.gold import text_of  # the text alone, without the file's declaration

    wrong = []
    for path in sorted((AKN / language).glob("*.xml"))[:40]:
        try:
            root = ElementTree.parse(str(path)).getroot()
        except ElementTree.ParseError:
            continue
        if detect_language(text_of(root[0])) != language:
            wrong.append(Path(path).name)
    assert not wrong


ARABIC_LIST = (
    "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 74/93،\n\n"
    "1 - تطلب إلى الأمين العام ما يلي:\n\n(أ) تقديم تقرير؛\n\n(ب) مواصلة المشاورات؛\n\n"
    "(هـ) التعاون؛\n\n(أ أ) المتابعة؛\n\n(\ufeeb) التقييم؛\n\n"
    "2 - تقرر أن تبقي المسألة قيد نظرها.\n"
)


def test_arabic_labels_of_plain_text_are_read_as_subparagraphs() -> None:
    from reslint.parser import parse_document

    document = parse_document(ARABIC_LIST)
    labels = [n.number for n in document.nodes if n.kind.value == "subparagraph"]
    assert labels == ["أ", "ب", "هـ", "أ أ", "\ufeeb"]
    assert [n.number for n in document.operative] == ["1", "2"]


def test_a_line_with_no_final_mark_is_a_heading_in_the_operative_part() -> None:
    from reslint.parser import parse_document

    text = (
        "大会，\n\n回顾其第75/1号决议，\n\n1. 请秘书长提交报告；\n\n"
        "2022年7月1日至2023年6月30日期间预算估计数\n\n2. 决定继续审议这个问题。\n"
    )
    document = parse_document(text)
    assert [n.number for n in document.operative] == ["1", "2"]
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == ["2022年7月1日至2023年6月30日期间预算估计数"]


def test_a_chinese_verb_ending_with_a_comma_in_the_preamble_is_preambular() -> None:
    from reslint.parser import parse_document

    # "促请" is "calling upon" and "calls upon": the comma says which
    text = (
        "大会，\n\n回顾其第75/1号决议，\n\n促请各方与秘书长通力合作，\n\n"
        "1. 促请各方继续合作；\n\n2. 决定继续审议这个问题。\n"
    )
    document = parse_document(text)
    assert [n.text for n in document.preambular][-1] == "促请各方与秘书长通力合作，"
    assert [n.number for n in document.operative] == ["1", "2"]


def test_the_title_under_a_section_number_is_a_heading_without_opening_phrases() -> None:
    from reslint.parser import parse_document

    text = (
        "大会，\n\n回顾其第75/1号决议，\n\n1. 请秘书长提交报告；\n\n二\n\n"
        "执行1995年《执行1982年12月10日<联合国海洋法公约>有关养护和管理跨界鱼类种群和"
        "高度洄游鱼类种群的规定的协定》\n\n2. 决定继续审议这个问题。\n"
    )
    document = parse_document(text)
    assert [n.number for n in document.operative] == ["1", "2"]
    assert [n.kind.value for n in document.nodes].count("section_heading") == 2


def test_a_chinese_verb_ending_with_an_operative_mark_in_the_preamble_is_operative() -> None:
    from reslint.parser import parse_document

    # "建议" opens both parts; the colon of a lead-in makes it the operative paragraph
    text = "经济及社会理事会\n\n建议大会通过以下决议草案：\n"
    document = parse_document(text)
    assert not document.preambular
    assert [n.text for n in document.operative] == ["建议大会通过以下决议草案："]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued to figures or underscores, a function word is still a word of its own
        ("the1 of_ and2 les des et", "en"),
        # inside a longer word ("other", "theory", "andes") it is not one
        ("other theory andes les des et", "fr"),
        ("l'Assemblée d'un à la l d", "fr"),
        ("los las del y en su por the", "es"),
        ("3 456 / , ;", "en"),  # nothing to count: the default
    ],
)
def test_function_words_are_whole_words(text: str, expected: str) -> None:
    assert detect_language(text) == expected
