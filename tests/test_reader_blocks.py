"""The reader contract: blocks a reader knows are taken as given by the parser."""

from __future__ import annotations

from reslint.model import NodeKind
from reslint.parser import parse_document, parse_rendering
from reslint.readers import BlockRole, DocumentFacts, Rendering, SourceBlock, SourceCall
from reslint.text import Span


def _span_of(mark: str, piece: str, start: int) -> Span:
    offset = start + piece.index(mark)
    return Span(offset, offset + len(mark))


def _blocks(text: str, parts: list[tuple[BlockRole, str, dict]]) -> tuple[SourceBlock, ...]:
    """Build blocks from the pieces of ``text`` they cover (each piece found in order)."""
    found: list[SourceBlock] = []
    position = 0
    for role, piece, extra in parts:
        start = text.index(piece, position)
        position = start + len(piece)
        calls = tuple(
            SourceCall(
                number, Span(start + piece.index(mark), start + piece.index(mark) + len(mark))
            )
            for number, mark in extra.pop("calls", ())
        )
        found.append(SourceBlock(role, Span(start, position), calls=calls, **extra))
    return tuple(found)


TEXT = (
    "A/RES/79/1\n\n"
    "The General Assembly,\n\n"
    "Bearing in mind its resolution 78/1,[^1]\n\n"
    "1.\tDecides to hold 2 meetings;\n\n"
    "(a)\tOn the matter;\n\n"
    "Requests the Secretary-General to report at its eightieth session.\n\n"
    "[^1]: See A/78/1.\n"
)


CALL_1 = {"calls": [(1, "[^1]")]}


def _parts() -> list[tuple[BlockRole, str, dict]]:
    return [
        (BlockRole.FRONT, "A/RES/79/1", {}),
        (BlockRole.PARAGRAPH, "The General Assembly,", {}),
        (
            BlockRole.PREAMBULAR,
            "Bearing in mind its resolution 78/1,[^1]",
            {"calls": [(1, "[^1]")]},
        ),
        (BlockRole.NUMBERED, "1.\tDecides to hold 2 meetings;", {"number": "1"}),
        (BlockRole.ITEM, "(a)\tOn the matter;", {"number": "a", "level": 1}),
        (BlockRole.NUMBERED, "Requests the Secretary-General", {"number": "2"}),
        (BlockRole.FOOTNOTE, "[^1]: See A/78/1.", {"number": "1"}),
    ]


def test_blocks_decide_kinds_numbers_and_calls() -> None:
    document = parse_document(TEXT, "en", blocks=_blocks(TEXT, _parts()), source_format="docx")
    kinds = [node.kind for node in document.nodes]
    assert kinds == [
        NodeKind.HEADER,
        NodeKind.ORGAN,
        NodeKind.PREAMBULAR,
        NodeKind.OPERATIVE,
        NodeKind.SUBPARAGRAPH,
        NodeKind.OPERATIVE,
        NodeKind.FOOTNOTE,
    ]
    operative = document.operative
    # the second paragraph's number is known though not typed in the text
    assert [node.number for node in operative] == ["1", "2"]
    assert operative[1].opener is not None and operative[1].opener.phrase == "Requests"
    assert document.nodes[2].opener is not None and document.nodes[2].opener.known
    # the call is where the reader says; "2 meetings" is not taken for a call
    assert [call.number for call in document.calls] == [1]
    assert TEXT[document.calls[0].span.start : document.calls[0].span.end] == "[^1]"
    assert "[^1]" not in document.nodes[2].text
    assert document.footnotes[0].number == "1"
    assert document.source_format == "docx" and not document.from_pdf


def test_blocks_are_not_joined_across_a_missing_final_mark() -> None:
    text = "The General Assembly,\n\nRecalling its resolution\n\nthat was adopted,\n"
    parts = [
        (BlockRole.PARAGRAPH, "The General Assembly,", {}),
        (BlockRole.PREAMBULAR, "Recalling its resolution", {}),
        (BlockRole.PREAMBULAR, "that was adopted,", {}),
    ]
    structured = parse_document(text, "en", blocks=_blocks(text, parts))
    assert len(structured.preambular) == 2
    # the text path joins the lower-case line to the paragraph before it
    assert len(parse_document(text, "en").preambular) == 1


def test_facts_give_language_and_session() -> None:
    text = "L'Assemblée générale,\n\nRappelant sa résolution 78/1,\n"
    parts = [
        (BlockRole.ORGAN, "L'Assemblée générale,", {}),
        (BlockRole.PREAMBULAR, "Rappelant sa résolution 78/1,", {}),
    ]
    rendering = Rendering(
        text, blocks=_blocks(text, parts), facts=DocumentFacts(language="fr", session=79)
    )
    document = parse_rendering(rendering, source_format="akn")
    assert document.language == "fr"
    assert document.session == 79
    assert document.organ is not None


def test_pdf_format_is_known_not_guessed() -> None:
    text = "The General Assembly,\n\nRecalling its resolution 78/1,\n"
    parts = [
        (BlockRole.PARAGRAPH, "The General Assembly,", {}),
        (BlockRole.PARAGRAPH, "Recalling its resolution 78/1,", {}),
    ]
    document = parse_document(text, "en", blocks=_blocks(text, parts), source_format="pdf")
    assert document.from_pdf
    assert not parse_document(text, "en").from_pdf


def test_a_line_break_inside_a_block_reads_as_a_space() -> None:
    text = "The General Assembly,\n\nRecalling its resolution\n78/1,\n"
    parts = [
        (BlockRole.ORGAN, "The General Assembly,", {}),
        (BlockRole.PREAMBULAR, "Recalling its resolution\n78/1,", {}),
    ]
    document = parse_document(text, "en", blocks=_blocks(text, parts))
    assert document.preambular[0].text == "Recalling its resolution 78/1,"


def test_each_part_numbers_its_paragraphs_from_one() -> None:
    text = (
        "The General Assembly\n\nResolves that, for 2022:\n\n1. Appropriations are approved;\n\n"
        "The General Assembly\n\nResolves that, for 2022:\n\n1. Estimates are approved;\n"
    )
    parts = [
        (BlockRole.ORGAN, "The General Assembly", {}),
        (BlockRole.NUMBERED, "Resolves that, for 2022:", {}),
        (BlockRole.NUMBERED, "1. Appropriations are approved;", {"number": "1"}),
        (BlockRole.ORGAN, "The General Assembly", {}),
        (BlockRole.NUMBERED, "Resolves that, for 2022:", {}),
        (BlockRole.NUMBERED, "1. Estimates are approved;", {"number": "1"}),
    ]
    document = parse_document(text, "en", blocks=_blocks(text, parts))
    # the second part's "1." is its own first paragraph, not a list inside the lead-in,
    # and each lead-in heads its part's numbered paragraphs, as the markup has them
    assert [(n.part, n.number) for n in document.operative] == [(0, "1"), (1, "1")]
    assert [n.part for n in document.nodes if n.kind is NodeKind.SECTION] == [0, 1]


def _declaration_after(lead_in: str) -> list[tuple[NodeKind, str | None]]:
    text = f"大会，\n\n{lead_in}\n\n宣言\n\n1. 我们，国家元首和政府首脑，聚会于此。\n"
    parts = [
        (BlockRole.ORGAN, "大会，", {}),
        (BlockRole.NUMBERED, lead_in, {}),
        (BlockRole.HEADING, "宣言", {}),
        (BlockRole.NUMBERED, "1. 我们，国家元首和政府首脑，聚会于此。", {"number": "1"}),
    ]
    document = parse_document(text, "zh", blocks=_blocks(text, parts))
    return [(n.kind, n.number) for n in document.nodes[1:]]


def test_a_full_width_colon_ends_a_lead_in() -> None:
    # the lead-in and the declaration's title head its numbered paragraphs, which the UN
    # numbers and marks up as the resolution's own
    assert _declaration_after("通过以下宣言：") == [
        (NodeKind.SECTION, None),
        (NodeKind.SECTION, None),
        (NodeKind.OPERATIVE, "1"),
    ]
    # a full stop ends a paragraph, not a lead-in
    assert _declaration_after("通过以下宣言。")[0] == (NodeKind.OPERATIVE, None)
