"""The block grammar: each production with lines it accepts and lines it refuses, and the BNF."""

from __future__ import annotations

import re
from pathlib import Path

import pyparsing as pp
import pytest

from reslint.grammar import BlockGrammar, grammar_for

BNF = Path(__file__).parent.parent / "reslint" / "grammar" / "bnf.md"

# production -> language -> (lines it accepts, lines it refuses), checked with run_tests
PRODUCTIONS: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "organ_line": {
        "en": (
            ["The General Assembly,", "The Security Council", "“The Human Rights Council,"],
            ["The General Assembly decides", "General", "Recalling its resolutions,"],
        ),
        "fr": (["L'Assemblée générale,", "Le Conseil de sécurité,"], ["L'Assemblée"]),
        "ar": (["إن الجمعية العامة،"], ["الجمعية"]),
    },
    "operative": {
        "en": (
            ["1. Decides to convene a meeting;", "12. Requests", "3.", "9999. Notes"],
            ["1 Decides", "12345. Decides", "1.Decides", "(a) Decides", "Decides"],
        ),
        "ar": (["1 - تقرر أن تعقد اجتماعا؛", "2. تطلب"], ["- تقرر"]),
    },
    "subparagraph": {
        "en": (
            ["(a) To report;", "(iv) Its budget;", "(aa) Further items;", "• A bullet;"],
            ["(a)To report", "(abc) Three letters", "1. Numbered"],
        ),
        "fr": (["a) De faire rapport;", "ii) Son budget;"], ["a.) Pas une étiquette"]),
        "zh": (["（一） 报告；"], ["一 报告"]),
    },
    "title": {
        "en": (
            [
                "59/187. Protection of migrants",
                "60/251 A and B",
                "S-27/2. A world fit for children",
                "Resolution 1244 (1999)",
            ],
            ["59. Protection", "Resolution 1244/1999", "A/RES/59/187"],
        ),
    },
    "adoption": {
        "en": (
            [
                "74th plenary meeting",
                "74th plenary meeting 20 December 2004",
                "2nd (resumed) plenary meeting",
                "Fifth plenary meeting",
                "[Adopted without a vote]",
                "20 December 2004",
                "December 20, 2004",
            ],
            # "20 Decembre 2004" has the shape of a date: the parser then looks the month up
            ["Plenary meeting", "20 December", "[Note by the Secretariat]"],
        ),
        "fr": (
            ["74e séance plénière", "Cinquième séance plénière", "1er juin 2004"],
            ["séance plénière"],
        ),
        "ru": (["74-е пленарное заседание"], ["пленарное заседание"]),
        "ar": (["الجلسة العامة 74"], ["الجلسة العامة"]),
        "zh": (["第74次全体会议", "2004年12月20日"], ["全体会议"]),
    },
    "annex_heading": {
        "en": (["Annex", "Annex II", "ANNEX", "Annex 2."], ["Annex to the report", "Annexes"]),
        "fr": (["Annexe", "Annexe I"], []),
        "es": (["Anexo", "ANEXO III"], []),
        "ru": (["Приложение"], []),
        "zh": (["附件"], []),
    },
    "section_heading": {
        "en": (
            ["II", "II. Financing", "B. Human rights", "== III ==", "IV Follow-up"],
            ["II; Financing", "Financing", "ii. Small numerals"],
        ),
    },
    "preambular": {
        "en": (
            ["Recalling its resolution 58/170,", "Recalling also", "Deeply concerned that"],
            ["Decides to convene", "1. Recalling", "The Assembly recalls"],
        ),
        "fr": (["Rappelant sa résolution 58/170,", "Profondément préoccupée"], ["Décide"]),
    },
    "unnumbered_operative": {
        "en": (["Decides to convene a meeting.", "Also requests"], ["Recalling", "Decided"]),
    },
    "header_line": {
        "en": (
            [
                "Fifty-ninth session",
                "Agenda item 105",
                "Resolution adopted by the General Assembly",
                "[on the report of the Third Committee (A/59/503)]",
                "United Nations",
                "GENERAL ASSEMBLY",
                "Third Committee: draft resolution",
            ],
            [],
        ),
    },
}

CASES = [
    (production, language, accepts, refuses)
    for production, languages in PRODUCTIONS.items()
    for language, (accepts, refuses) in languages.items()
]


def _production(grammar: BlockGrammar, name: str) -> pp.ParserElement:
    return {expr.customName: expr for _, expr, _ in grammar._productions}[name]


@pytest.mark.parametrize(
    ("production", "language", "accepts", "refuses"),
    CASES,
    ids=[f"{production}-{language}" for production, language, _, _ in CASES],
)
def test_production(production: str, language: str, accepts: list[str], refuses: list[str]):
    expr = _production(grammar_for(language), production)
    if accepts:
        passed, results = expr.run_tests(accepts, print_results=False)
        assert passed, [line for line, result in results if isinstance(result, Exception)]
    if refuses:
        refused, results = expr.run_tests(refuses, failure_tests=True, print_results=False)
        assert refused, [line for line, result in results if not isinstance(result, Exception)]


@pytest.mark.parametrize(
    ("language", "text", "category", "detail"),
    [
        ("en", "The General Assembly,", "organ", "The General Assembly,"),
        ("en", "12. Decides to convene a meeting;", "operative", ""),
        ("en", "(b) To report;", "subparagraph", ""),
        ("en", "b.\tthe development of standards;", "subparagraph", ""),  # a list's numbering
        ("en", "b. Not a label", "unknown", ""),  # no tab: a misread "6.", not a list's label
        ("en", "59/187. Protection of migrants", "title", "59/187."),
        ("en", "74th plenary meeting", "adoption", "74th plenary meeting"),
        ("en", "20 Decembre 2004", "unknown", ""),  # no month of the language: not a date
        ("en", "Annex", "annex", "Annex"),
        ("en", "II. Financing", "section", "II."),
        ("en", "Recalling its resolution,", "preambular", ""),
        ("en", "Decides to convene a meeting.", "unnumbered_operative", ""),
        ("en", "Fifty-ninth session", "header", "Fifty-ninth session"),
        ("en", "this sentence stands on its own", "unknown", ""),
        ("fr", "L'Assemblée générale,", "organ", "L'Assemblée générale,"),
        ("ar", "1 - تقرر أن تعقد اجتماعا؛", "operative", ""),
    ],
)
def test_parse_category(language: str, text: str, category: str, detail: str) -> None:
    parsed = grammar_for(language).parse(text)
    assert parsed.category == category
    if detail:
        assert parsed.detail == detail


def test_operative_number_and_opener() -> None:
    parsed = grammar_for("en").parse("12. Also requests the Secretary-General;")
    assert parsed.number == "12"
    assert (parsed.label_start, parsed.label_end) == (0, 3)
    assert parsed.opener is not None and parsed.opener.degree == "also"


def test_subparagraph_label() -> None:
    parsed = grammar_for("en").parse("(iv) Its budget;")
    assert (parsed.label, parsed.label_start, parsed.label_end) == ("iv", 0, 4)


@pytest.mark.parametrize(
    ("language", "text", "label"),
    [
        ("en", "1.1. Raise awareness of space.", "1.1"),
        ("ru", "2.10. Повышать осведомленность.", "2.10"),
        ("ar", "١-٢- إذكاء الوعي بأهمية علوم الفضاء.", "1.2"),
    ],
)
def test_a_decimal_point_is_a_subparagraph_label(language: str, text: str, label: str) -> None:
    parsed = grammar_for(language).parse(text)
    assert (parsed.category, parsed.label) == ("subparagraph", label)


def test_an_arabic_second_degree_label_is_a_subparagraph_label() -> None:
    parsed = grammar_for("ar").parse("’26‘ إقامة صلة وثيقة بين العلم والتكنولوجيا.")
    assert (parsed.category, parsed.label) == ("subparagraph", "26")


def test_a_chinese_parenthesised_ideograph_is_a_subparagraph_label() -> None:
    parsed = grammar_for("zh").parse("㈣ 特别是在《2030年议程》框架内开展研究；")
    assert (parsed.category, parsed.label) == ("subparagraph", "四")


@pytest.mark.parametrize("text", ["1.1 per cent of the budget is set aside.", "1. Decides."])
def test_a_decimal_figure_without_its_final_mark_is_no_label(text: str) -> None:
    assert grammar_for("en").parse(text).category != "subparagraph"


# ----------------------------------------------------------------------------- BNF


def _bnf_rules() -> dict[str, str]:
    text = BNF.read_text("utf-8")
    block = re.search(r"```bnf\n(.*?)```", text, re.S)
    assert block, "bnf.md has no ```bnf block"
    rules: dict[str, str] = {}
    name = None
    for line in block.group(1).splitlines():
        line = line.split("#", 1)[0]  # comments
        defined = re.match(r"(\w+)\s*::=(.*)", line)
        if defined:
            name = defined.group(1)
            rules[name] = defined.group(2)
        elif name is not None:
            rules[name] += " " + line
    return rules


def _references(right: str) -> set[str]:
    unquoted = re.sub(r'"[^"]*"', " ", right)
    return set(re.findall(r"(?<![\w\"])[a-z][a-z_]*(?![\w\"])", unquoted))


def _named_elements(grammar: BlockGrammar) -> set[str]:
    seen: dict[int, pp.ParserElement] = {}

    def walk(expr: pp.ParserElement) -> None:
        if id(expr) not in seen:
            seen[id(expr)] = expr
            for child in expr.recurse():
                walk(child)

    for _, expr, _ in grammar._productions:
        walk(expr)
    return {expr.customName for expr in seen.values() if expr.customName}


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru", "zh"])
def test_bnf_names_the_grammar_productions(language: str) -> None:
    rules = _bnf_rules()
    named = _named_elements(grammar_for(language))
    documented = set(rules) - {"block"}
    assert sorted(documented - named) == [], "in bnf.md but not in the grammar"
    assert sorted(named - documented) == [], "in the grammar but not in bnf.md"


def test_bnf_block_lists_the_productions_in_the_order_they_are_tried() -> None:
    alternatives = [a.strip() for a in _bnf_rules()["block"].split("|")]
    tried = [expr.customName for _, expr, _ in grammar_for("en")._productions]
    assert alternatives == tried


def test_bnf_defines_every_production_it_uses() -> None:
    rules = _bnf_rules()
    used = set().union(*(_references(right) for right in rules.values()))
    assert sorted(used - set(rules)) == []
