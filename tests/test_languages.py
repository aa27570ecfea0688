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


@pytest.mark.parametrize(
    ("text", "openers"),
    [
        # a paragraph that lost its final mark, then one that opens with an opener: two
        (
            "إن الجمعية العامة،\n\nوإذ ترحب بالاحتفال بيوم 26 أيلول/سبتمبر بوصفه اليوم الدولي "
            "للإزالة الكاملة للأسلحة النووية، وفقاً لقرارها 74/54 المؤرخ 12 كانون الأول/ديسمبر "
            "2019\n\nوإذ تحيط علما بالإعلان الصادر عن الدول الأعضاء في وكالة حظر الأسلحة "
            "النووية،\n\n1 - تحث جميع الدول على اتخاذ تدابير؛\n",
            2,
        ),
        (
            "Генеральная Ассамблея,\n\nвновь подтверждая применимость международного права к "
            "деятельности в космическом пространстве и особо отмечая важность полного "
            "соблюдения норм такого права\n\nвновь подтверждая также Договор о принципах "
            "деятельности государств по исследованию космического пространства,\n\n"
            "1. призывает все государства продолжать обсуждение;\n",
            2,
        ),
        # after a page break the paragraph goes on, whatever the next page opens with
        (
            "Генеральная Ассамблея,\n\nвновь подтверждая применимость международного права и "
            "особо\n\f\nотмечая важность полного соблюдения норм такого права,\n\n"
            "1. призывает все государства продолжать обсуждение;\n",
            1,
        ),
    ],
)
def test_a_paragraph_without_its_final_mark_ends_before_an_opener(text: str, openers: int) -> None:
    from reslint.parser import parse_document

    document = parse_document(text)
    assert len(document.preambular) == openers
    assert [n.number for n in document.operative] == ["1"]


RUSSIAN_HEADINGS = (
    "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 60/288,\n\n"
    "1. подтверждает свою решительную поддержку Стратегии;\n\n"
    "Компонент III: меры по укреплению потенциала государств по предотвращению терроризма "
    "и борьбе с ним и укреплению роли системы Организации Объединенных Наций в этой области"
    "\n\n2. принимает к сведению доклад Генерального секретаря;\n\n"
    "Общая задача 1. Увеличение социально-экономических выгод от космической деятельности и "
    "усиление роли космонавтики как двигателя устойчивого развития\n\n"
    "Общая задача 2. Использование потенциала космонавтики для решения повседневных "
    "проблем\n\n"
    "3. постановляет продолжить рассмотрение этого вопроса.\n"
)


def test_a_long_russian_heading_in_capitals_is_a_heading() -> None:
    from reslint.parser import parse_document

    # longer than a heading of a language without capitals, shorter than 300 characters
    document = parse_document(RUSSIAN_HEADINGS)
    assert [n.number for n in document.operative] == ["1", "2", "3"]
    headings = [n.text[:13] for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == ["Компонент III", "Общая задача ", "Общая задача "]


def test_a_decimal_label_that_lost_its_last_dot_is_a_label() -> None:
    from reslint.parser import parse_document

    text = (
        "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 73/6,\n\n"
        "1. Мы обязуемся достигать следующих целей.\n\n"
        "3.2. Активизировать исследование космоса.\n\n"
        "3.3 Поощрять исследование космического пространства.\n\n"
        "3.4. Активизировать деятельность в области наращивания потенциала.\n\n"
        "2. Каждое государство-член реализует Повестку дня 2.5 процента.\n"
    )
    document = parse_document(text)
    labels = [n.number for n in document.nodes if n.kind.value == "subparagraph"]
    assert labels == ["3.2", "3.3", "3.4"]
    assert [n.number for n in document.operative] == ["1", "2"]


def test_a_title_opening_with_a_quoted_name_leaves_no_quotation_open() -> None:
    from reslint.parser import parse_document

    text = (
        "大会，\n\n回顾其2018年10月26日第73/6号决议，\n\n通过以下文件：\n\n"
        "“空间2030”议程：空间作为可持续发展的驱动因素\n\n导言\n\n"
        "1. 自空间时代开始以来，联合国一直处于空间活动国际合作的中心地位。\n\n"
        "2. 外空委凭借其独特的任务授权发挥作用。\n"
    )
    document = parse_document(text)
    assert [n.number for n in document.operative] == ["1", "2"]


def test_a_title_under_a_section_number_may_open_with_an_opener() -> None:
    from reslint.parser import parse_document

    text = (
        "大会，\n\n回顾其以往关于全面跟进的决议，\n\n1. 表示注意到特别报告员的报告；\n\n七\n\n"
        "纪念《德班宣言和行动纲领》通过二十周年\n\n"
        "2. 欢迎2021年9月22日举行为期一天的大会高级别会议；\n"
    )
    document = parse_document(text)
    assert len(document.preambular) == 1
    assert [n.number for n in document.operative] == ["1", "2"]
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == ["七", "纪念《德班宣言和行动纲领》通过二十周年"]


def test_a_chinese_lead_in_with_preambular_subparagraphs_is_preambular() -> None:
    from reslint.parser import parse_document

    # "重申" opens both parts and the colon a lead-in; its subparagraphs end with "，": the
    # preamble goes on
    text = (
        "经济及社会理事会，\n\n还注意到有必要减轻会员国的报告负担，\n\n"
        "重申关于设立统计委员会的决议，其中规定委员会应协助理事会：\n\n"
        "(a) 促进国家统计的发展及其可比性的改进，\n\n(b) 协调各专门机构的统计工作，\n\n"
        "欢迎会员国打击贩运人口的努力，\n\n"
        "1. 重申统计委员会是负责总体协调全球统计方案的主要机构；\n\n"
        "2. 决定继续审议这个问题。\n"
    )
    document = parse_document(text)
    assert len(document.preambular) == 3
    assert [n.number for n in document.operative] == ["1", "2"]


def test_a_clause_ending_with_the_languages_comma_under_a_title_is_no_title() -> None:
    from reslint.parser import parse_document

    # an opener the lexicon does not know, under a part's letter and title: "،" ends a
    # preambular clause, as "," does
    text = (
        "إن المجلس الاقتصادي والاجتماعي،\n\nإذ يشير إلى قراره 2019/7،\n\nباء\n\n"
        "أعمال اللجنة فيما يتعلق بالنظام المنسق عالميا\n\n"
        "إذ يستحضر أن مؤتمر القمة العالمي قد شجع البلدان على تطبيق النظام،\n\n"
        "1 - يطلب إلى الأمين العام تقديم تقرير.\n"
    )
    document = parse_document(text)
    assert len(document.preambular) == 2
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == ["باء", "أعمال اللجنة فيما يتعلق بالنظام المنسق عالميا"]
