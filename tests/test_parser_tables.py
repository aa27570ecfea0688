"""The parser's and the layout's tables are complete and consistent."""

from __future__ import annotations

from reslint.grammar import grammar_for
from reslint.layout import LINE_TABLE, Area, LineCategory
from reslint.parser import CATEGORIES, STATES, TRANSITIONS


def test_every_row_names_known_states_and_categories() -> None:
    names = [row.name for row in TRANSITIONS.rows]
    assert len(names) == len(set(names))
    for row in TRANSITIONS.rows:
        assert row.states and row.states <= STATES, row.name
        assert row.categories and row.categories <= CATEGORIES, row.name


def test_the_rows_for_a_state_and_category_are_those_naming_both_in_order() -> None:
    for state in STATES:
        for category in CATEGORIES:
            expected = [
                row.name
                for row in TRANSITIONS.rows
                if state in row.states and category in row.categories
            ]
            assert [row.name for row in TRANSITIONS.rows_for(state, category)] == expected


def test_the_last_row_takes_every_block() -> None:
    last = TRANSITIONS.rows[-1]
    assert last.states == STATES and last.categories == CATEGORIES and last.when is None


def test_every_grammar_category_is_in_the_table() -> None:
    grammar = grammar_for("en")
    produced = {category for category, _, _ in grammar._productions} | {"unknown"}
    assert produced == CATEGORIES


def test_every_line_of_every_area_has_a_handler() -> None:
    for area in Area:
        for category in LineCategory:
            assert LINE_TABLE[(area, category)], (area, category)


def test_a_lead_in_before_the_first_numbered_paragraph_heads_them() -> None:
    from reslint.parser import parse_document

    text = (
        "The General Assembly\n\nAdopts the following declaration:\n\n"
        "Declaration on the commemoration of the seventy-fifth anniversary\n\n"
        "1. We, the Heads of State and Government, have gathered.\n\n"
        "2. We will leave no one behind.\n"
    )
    document = parse_document(text)
    assert [n.number for n in document.operative] == ["1", "2"]
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings[0] == "Adopts the following declaration:"


def test_a_numbered_lead_in_keeps_its_list_inside() -> None:
    from reslint.parser import parse_document

    text = (
        "The General Assembly,\n\nRecalling its resolution 74/1,\n\n"
        "1. Decides on the following measures:\n\n1. Training of staff;\n\n2. Review;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    document = parse_document(text)
    assert [n.number for n in document.operative if n.parent is None] == ["1", "2"]


def test_a_lead_in_heads_the_numbered_text_in_a_language_without_openers() -> None:
    from reslint.parser import parse_document

    text = (
        "大会，\n\n通过以下宣言：\n\n纪念联合国成立七十五周年宣言\n\n"
        "1. 我们，代表世界各国人民的国家元首和政府首脑，齐聚大会。\n\n"
        "2. 联合国是在经历了第二次世界大战的惨烈后诞生的。\n"
    )
    document = parse_document(text)
    assert not document.preambular
    assert [n.number for n in document.operative] == ["1", "2"]


def test_a_heading_one_slip_from_an_opener_stays_a_heading() -> None:
    from reslint.parser import parse_document

    text = (
        "El Consejo Económico y Social,\n\nReconociendo la importancia de la Conferencia,\n\n"
        "Tema para la Comisión de la Condición Jurídica y Social de la Mujer en 2025\n\n"
        "1. Decide que la Comisión realizará un examen;\n\n"
        "Toma nota del informe;\n\n"
        "Decde convocar una reunión de alto nivel.\n"
    )
    document = parse_document(text, "es")
    headings = [n.text for n in document.nodes if n.kind.value == "section_heading"]
    assert headings == [
        "Tema para la Comisión de la Condición Jurídica y Social de la Mujer en 2025"
    ]
    # a paragraph with a misspelt opener and its mark still opens a paragraph
    assert [n.opener.text for n in document.operative] == ["Decide", "Toma nota", "Decde"]
