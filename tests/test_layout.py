"""The layout pass: artefact lines, final marks, lines, and blocks of plain and extracted text."""

from __future__ import annotations

import pytest

from reslint.layout import NOTE_START, artefact_kind, is_terminated, layout, split_lines
from reslint.lexicon import load_lexicon
from reslint.model import ArtefactKind
from reslint.parser import line_starter, organ_line

ARTEFACTS = [
    ("__________", ArtefactKind.FOOTNOTE_RULE),
    ("----------------", ArtefactKind.FOOTNOTE_RULE),
    ("<!-- reslint: disable-file=PU002 -->", ArtefactKind.DIRECTIVE),
    ("<!-- image -->", ArtefactKind.PLACEHOLDER),
    ("* * *", ArtefactKind.SEPARATOR),
    ("e", ArtefactKind.STRAY_SUPERSCRIPT),
    ("12", ArtefactKind.PAGE_NUMBER),
    ("3/14", ArtefactKind.PAGE_NUMBER),
    ("- 7 -", ArtefactKind.PAGE_NUMBER),
    ("Page 2 of 5", ArtefactKind.PAGE_NUMBER),
    ("04-47718", ArtefactKind.JOB_NUMBER),
    ("GE.23-12345 (F)", ArtefactKind.JOB_NUMBER),
    ("*0447718*", ArtefactKind.JOB_NUMBER),
    ("A/RES/59/187", ArtefactKind.PAGE_HEADER),
    ("S/RES/1244 (1999)", ArtefactKind.PAGE_HEADER),
    ("A/HRC/RES/52/1 12 avril 2023", ArtefactKind.PAGE_HEADER),
    ("Distr.: General", ArtefactKind.DISTRIBUTION),
    ("Original: English", ArtefactKind.DISTRIBUTION),
    ("Original : français", ArtefactKind.DISTRIBUTION),
]

NOT_ARTEFACTS = [
    "",
    "1. Decides to convene a meeting;",
    "The General Assembly,",
    "Recalling its resolution 58/170,",
    "(a) To report;",
]


@pytest.mark.parametrize(("line", "kind"), ARTEFACTS, ids=[line for line, _ in ARTEFACTS])
def test_artefact_lines(line: str, kind: ArtefactKind) -> None:
    assert artefact_kind(line) is kind


@pytest.mark.parametrize("line", NOT_ARTEFACTS)
def test_drafting_lines_are_not_artefacts(line: str) -> None:
    assert artefact_kind(line) is None


@pytest.mark.parametrize(
    ("line", "terminated"),
    [
        ("Recalling its resolution,", True),
        ("Decides to convene a meeting;", True),
        ("as follows:", True),
        ("thereon.", True),
        ("thereon.”", True),  # closing quotation mark after the final mark
        ("thereon;3", True),  # a footnote call after the final mark
        ("thereon.) ", True),
        ("thereon, »", True),
        ("Recalling its resolution", False),
        ("in 2004", False),
        ("the “report”", False),
        ("the report ,", True),
        ("الجمعية العامة،", False),  # an Arabic comma is no final mark of a line
        ("", False),
    ],
)
def test_is_terminated(line: str, terminated: bool) -> None:
    assert is_terminated(line) is terminated


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("See A/73/368, para. 19.", True),
        ("Voir A/73/368, par. 19.", True),
        ("Véase A/73/368.", True),
        ("Ibid.", True),
        ("Official Records of the General Assembly", True),
        ("Documents officiels de l'Assemblée générale", True),
        ("Resolution 7/1.", True),
        ("Résolution 3/2.", True),
        ("A/RES/70/1.", True),
        ("Recalling its resolution 70/1,", False),
        ("Seeing that", False),
    ],
)
def test_note_start(line: str, note: bool) -> None:
    assert (NOTE_START.match(line) is not None) is note


def test_split_lines_keeps_offsets_of_stripped_content() -> None:
    text = "  The General Assembly,\n\n\f1. Decides;  \n"
    lines = split_lines(text)
    # the form feed is stripped with the spaces, and marks the line as a page break
    assert [line.content for line in lines] == ["The General Assembly,", "", "1. Decides;", ""]
    assert all(text[line.start : line.end] == line.content for line in lines)
    assert [line.page_break for line in lines] == [False, False, True, False]


def test_split_lines_gives_a_blank_line_an_empty_span_at_its_end() -> None:
    text = "a\n \t \n\tb c \n"
    lines = split_lines(text)
    assert [(line.start, line.end) for line in lines] == [(0, 1), (5, 5), (7, 10), (12, 12)]
    assert [line.content for line in lines] == ["a", "", "b c", ""]


def _blocks(text: str, language: str = "en") -> list[tuple[str, str]]:
    result = layout(text, line_starter(load_lexicon(language)))
    return [
        (block.kind, " ".join(text[s.start : s.end] for s in block.segments))
        for block in result.blocks
    ]


def test_blank_lines_separate_paragraphs() -> None:
    text = "The General Assembly,\n\nRecalling its resolution,\n\n1. Decides;\n"
    assert _blocks(text) == [
        ("paragraph", "The General Assembly,"),
        ("paragraph", "Recalling its resolution,"),
        ("paragraph", "1. Decides;"),
    ]


def test_a_paragraph_broken_across_lines_is_one_block() -> None:
    text = "1. Decides to convene a high-level\nmeeting on the question;\n2. Requests a report.\n"
    assert _blocks(text) == [
        ("paragraph", "1. Decides to convene a high-level meeting on the question;"),
        ("paragraph", "2. Requests a report."),
    ]


def test_a_number_alone_on_its_line_joins_its_text() -> None:
    assert _blocks("6.\nDecides to remain seized of the matter.\n") == [
        ("paragraph", "6. Decides to remain seized of the matter."),
    ]


def test_page_furniture_is_set_aside_and_the_paragraph_rejoined() -> None:
    text = (
        "1. Decides to convene a high-level\n"
        "04-47718\n"
        "\f\n"
        "A/RES/59/187\n"
        "2\n"
        "meeting on the question;\n"
    )
    result = layout(text, line_starter(load_lexicon("en")))
    kinds = [artefact.kind for artefact in result.artefacts]
    assert kinds == [ArtefactKind.JOB_NUMBER, ArtefactKind.PAGE_HEADER, ArtefactKind.PAGE_NUMBER]
    assert _blocks(text) == [
        ("paragraph", "1. Decides to convene a high-level meeting on the question;"),
    ]


def test_footnote_bodies_after_the_rule() -> None:
    text = (
        "Recalling its resolution 58/1701,\n"
        "__________\n"
        "1 See A/58/PV.79.\n"
        "2 Official Records of the General Assembly.\n"
        "3 1995 Review and Extension Conference of the Parties, Final Document.\n"
    )
    result = layout(text, line_starter(load_lexicon("en")))
    notes = [(b.footnote_number, b.kind) for b in result.blocks if b.kind == "footnote"]
    assert notes == [(1, "footnote"), (2, "footnote"), (3, "footnote")]
    assert result.has_rule


def _note_numbers(language: str, paragraph: str, notes: list[str]) -> list[int | None]:
    """Lay out a paragraph, the footnote rule and ``notes``; return the notes' numbers."""
    text = paragraph + "\n\n__________\n\n" + "\n\n".join(notes) + "\n"
    result = layout(text, line_starter(load_lexicon(language)))
    return [b.footnote_number for b in result.blocks if b.kind == "footnote"]


@pytest.mark.parametrize(
    ("language", "paragraph", "notes"),
    [
        ("ru", "ссылаясь на свою резолюцию 49/571,", ["1 Резолюция 49/57, приложение."]),
        ("zh", "回顾其第49/57号决议1，", ["1 第49/57号决议，附件。", "2 《联合国条约集》。"]),
    ],
)
def test_footnote_bodies_in_cyrillic_and_han_after_the_rule(
    language: str, paragraph: str, notes: list[str]
) -> None:
    assert _note_numbers(language, paragraph, notes) == list(range(1, len(notes) + 1))


def test_markdown_footnote_body() -> None:
    blocks = layout("Recalling[^1],\n\n[^1]: See A/58/PV.79.\n", lambda _: None).blocks
    assert [(b.kind, b.footnote_number) for b in blocks] == [
        ("paragraph", None),
        ("footnote", 1),
    ]


@pytest.mark.parametrize(
    ("language", "line", "strength"),
    [
        ("en", "The General Assembly,", "organ"),
        ("en", "12. Decides", "strong"),
        ("en", "(a) To report", "strong"),
        ("en", "Annex II", "strong"),
        ("en", "74th plenary meeting", "strong"),
        ("en", "[Adopted without a vote]", "strong"),
        ("fr", "74e séance plénière", "strong"),
        ("es", "Anexo", "strong"),
        ("en", "Recalling its resolution", "opener"),
        ("en", "recalling its resolution", None),
        ("en", "meeting on the question;", None),
    ],
)
def test_line_starter(language: str, line: str, strength: str | None) -> None:
    assert line_starter(load_lexicon(language))(line) == strength
    assert organ_line(load_lexicon(language))(line) is (strength == "organ")


WRAPPED = (
    "The General Assembly,\n\n"
    "Recalling its resolution 58/170 of 20 December 2003 and\n"
    "Recalling also the Charter of the United Nations,\n"
    "Deeply concerned at the situation,\n\n"
    "1. Decides to convene a meeting on the question of\n"
    "the General Assembly, at its sixtieth session;\n"
    "2. Requests the Secretary-General to report\n"
    "The General Assembly,\n"
    "recalling its resolutions on the question.\n"
)


def test_a_line_is_asked_whether_it_starts_a_paragraph_only_where_it_decides() -> None:
    lexicon = load_lexicon("en")
    starter = line_starter(lexicon)
    asked: list[str] = []

    def counting(content: str) -> str | None:
        asked.append(content)
        return starter(content)

    lazy = layout(WRAPPED, counting, organ_line(lexicon))
    eager = layout(WRAPPED, starter)
    assert [b.segments for b in lazy.blocks] == [b.segments for b in eager.blocks]
    assert [len(b.segments) for b in lazy.blocks] == [1, 2, 1, 2, 1, 2]
    # a line after a blank line that follows a finished one starts a paragraph whatever it
    # says; a line after an unfinished one is asked only whether it is an organ line
    # ("Recalling also" after "… and", "The General Assembly," after "… to report")
    assert asked == [
        "Deeply concerned at the situation,",
        "2. Requests the Secretary-General to report",
        "recalling its resolutions on the question.",
    ]


def test_a_lowercase_russian_opener_starts_its_paragraph() -> None:
    text = (
        "Экономический и Социальный Совет\n\n"
        "рекомендует Генеральной Ассамблее принять следующий проект резолюции:\n"
    )
    blocks = layout(text, line_starter(load_lexicon("ru"))).blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]
    # a lowercase line that opens with no opener still continues the line before
    joined = layout(
        "Генеральная Ассамблея\n\nи Совет Безопасности,\n", line_starter(load_lexicon("ru"))
    )
    assert len(joined.blocks) == 1


@pytest.mark.parametrize(
    ("language", "paragraph", "notes"),
    [
        # a note opening with a date, the first below the rule and the one numbered next
        (
            "ru",
            "ссылаясь на свою резолюцию 75/16,",
            ["1 28 июня 2011 года Организация изменила свое название."],
        ),
        (
            "zh",
            "回顾其第70/1号决议5，",
            ["5 第S-30/1号决议，附件。", "6 2017年6月9日在阿斯塔纳签署的《谅解备忘录》。"],
        ),
        (
            "zh",
            "回顾其第71/312号决议9，",
            ["9 第71/312号决议，附件。", "10 2020年4月13日第74/548号决定。"],
        ),
        # Arabic notes with their brackets turned, or with none
        (
            "ar",
            "إذ تشير إلى تقريره(1)،",
            ["1 () A/76/565 و A/76/704.", "2 )( A/76/760/Add.7.", "3 () A/76/565."],
        ),
        (
            "ar",
            "إذ يشير إلى قراره(1)،",
            [
                "1 يصبح القرار 2021/2، المؤرخ 14 أيلول/سبتمبر 2020، القرار 2021/2 ألف.",
                "2 () A/76/68.",
            ],
        ),
    ],
)
def test_a_note_opening_with_a_figure_or_a_letter_is_the_first_or_the_next(
    language: str, paragraph: str, notes: list[str]
) -> None:
    first = int(notes[0].split()[0])
    assert _note_numbers(language, paragraph, notes) == list(range(first, first + len(notes)))


@pytest.mark.parametrize(
    ("language", "text", "notes"),
    [
        # "3 декабря" is not note 2: the line goes on with note 1, broken before a date
        (
            "ru",
            "ссылаясь на свою резолюцию 70/1,\n\n__________\n\n"
            "1 См. резолюцию 70/1 Генеральной Ассамблеи от\n3 декабря 2015 года.\n",
            [(1, 2)],
        ),
        # "2 and 3." is the next note's number, but note 1's line ends with a comma: it goes on
        (
            "en",
            "Recalling its resolution 74/1,1\n\n__________\n\n"
            "1 See A/74/PV.5, paras. 12,\n2 and 3.\n",
            [(1, 2)],
        ),
        # no note yet, and "12" is not note 1: the paragraph the rule interrupted goes on
        (
            "fr",
            "Rappelant également les résolutions 1809 (2008) du 16 avril 2008, 1325 (2000) du"
            "\n\n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n"
            "12 juillet 2011 et 2068 (2012) du 19 septembre 2012,\n",
            [],
        ),
    ],
)
def test_a_line_opening_with_a_number_that_is_not_the_next_note_is_no_note(
    language: str, text: str, notes: list[tuple[int, int]]
) -> None:
    result = layout(text, line_starter(load_lexicon(language)))
    found = [(b.footnote_number, len(b.segments)) for b in result.blocks if b.kind == "footnote"]
    assert found == notes
