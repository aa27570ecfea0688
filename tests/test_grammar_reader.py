"""The grammar's productions read without pyparsing give what pyparsing gives, block for block."""

from __future__ import annotations

from pathlib import Path

import pyparsing as pp
import pytest

from reslint.api import Linter
from reslint.grammar import BlockGrammar, grammar_for
from reslint.grammar.reader import compile_production
from tests.conftest import CORPUS_DIR, EXAMPLES
from tests.test_grammar import PRODUCTIONS

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


def _variants(text: str) -> list[str]:
    """The block as it is, and with what could trip a reader at its edges or inside it."""
    return [
        text,
        " " + text,
        "\n" + text,
        "\r " + text,
        text + "  ",
        text + ".",
        text[: len(text) // 2],
        text[:3],
        text[:1] + "\t" + text[1:],
        text.replace(" ", "\u00a0", 1),
        text.upper(),
        "",
    ]


def _blocks_of(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """Return the blocks the parser hands the grammar for ``paths``, by language."""
    seen: dict[str, set[str]] = {}
    parse = BlockGrammar.parse

    def recording(grammar: BlockGrammar, text: str):
        seen.setdefault(grammar.lexicon.language, set()).add(text)
        return parse(grammar, text)

    with monkeypatch.context() as patched:
        patched.setattr(BlockGrammar, "parse", recording)
        linter = Linter(load_plugins=False)
        for path in paths:
            linter.lint_file(path)
    return seen


def _differences(blocks: dict[str, set[str]]) -> list[tuple[str, str]]:
    different = []
    for language, texts in blocks.items():
        grammar = grammar_for(language)
        for text in texts:
            for variant in _variants(text):
                if grammar.parse(variant) != grammar.parse_with_pyparsing(variant):
                    different.append((language, variant))
    return different


def test_the_grammar_cases_are_read_alike() -> None:
    lines = {
        line
        for cases in PRODUCTIONS.values()
        for accepts, refuses in cases.values()
        for line in (*accepts, *refuses)
    }
    # every production's lines, in every language
    assert len(lines) > 80
    assert _differences({language: lines for language in LANGUAGES}) == []


def test_the_examples_are_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    blocks = _blocks_of(paths, monkeypatch)
    assert sum(map(len, blocks.values())) > 100
    assert _differences(blocks) == []


@pytest.mark.corpus
def test_corpus_blocks_are_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    if not CORPUS_DIR.is_dir():
        pytest.skip("the evaluation corpus ../shared/corpus is not beside the repository")
    paths = sorted(CORPUS_DIR.rglob("*.txt"))[::25]
    blocks = _blocks_of(paths, monkeypatch)
    assert _differences(blocks) == []


@pytest.mark.parametrize(
    ("text", "category", "number", "label", "detail"),
    [
        ("12. Also requests the Secretary-General;", "operative", "12", None, ""),
        ("3.", "operative", "3", None, ""),
        ("(iv) Its budget;", "subparagraph", None, "iv", ""),
        ("59/187. Protection of migrants", "title", None, None, "59/187."),
        ("74th plenary meeting", "adoption", None, None, "74th plenary meeting"),
        ("20 December 2004", "adoption", None, None, "20 December 2004"),
        ("II. Financing", "section", None, None, "II."),
    ],
)
def test_what_is_read(
    text: str, category: str, number: str | None, label: str | None, detail: str
) -> None:
    parsed = grammar_for("en").parse(text)
    assert (parsed.category, parsed.number, parsed.label, parsed.detail) == (
        category,
        number,
        label,
        detail,
    )
    assert parsed == grammar_for("en").parse_with_pyparsing(text)


def test_an_element_outside_the_grammar_is_refused() -> None:
    with pytest.raises(TypeError):
        compile_production(pp.Word(pp.alphas) + pp.StringEnd())


def test_whitespace_and_names_as_pyparsing() -> None:
    # a first-match alternative skips pyparsing's default whitespace (newlines too) and
    # each element its own; a results name holds the whole match over a group of that name
    white = " "
    number = pp.Regex(r"(?P<n>\d+)").set_whitespace_chars(white, copy_defaults=False)("n")
    word = pp.Regex(r"[a-z]+").set_whitespace_chars(white, copy_defaults=False)("w")
    end = pp.StringEnd().set_whitespace_chars(white, copy_defaults=False)
    expr = number + pp.Opt(word) + end | word + end
    read = compile_production(expr)
    for text in ["12 ab", "\n12", "\n 12 ab ", "ab", " ab c", "12\nab", "", "\r\n"]:
        try:
            result = expr.parse_string(text)
        except pp.ParseException:
            assert read(text) is None, text
            continue
        reading = read(text)
        assert reading is not None, text
        assert reading.tokens == list(result), text
        assert reading.names == {key: result[key] for key in result.keys()}, text
