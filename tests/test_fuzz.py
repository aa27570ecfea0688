"""Property-based tests: whatever the text, reslint parses, lints, fixes and reports it.

Valid resolutions are composed from the lexicons (organ line, preambular openers,
numbered operative paragraphs, subparagraphs, footnote calls and bodies, page
headers and numbers, LF or CRLF); broken ones are shuffled, truncated or
duplicated, or made of random Unicode (RTL marks, combining characters, control
characters, tabs, NBSP, very long lines).  For every text:

* nothing raises out of ``parse_document``, the rules (all of them), the fixes or
  any formatter, and no rule crashes;
* every span indexes the text: ``0 <= start <= end <= len(text)``;
* fixing (unsafe fixes included) settles, and fixing the fixed text changes nothing.

The number of examples per property is ``RESLINT_FUZZ_EXAMPLES`` (default 100);
run a campaign with ``RESLINT_FUZZ_EXAMPLES=100000 python -m pytest -q tests/test_fuzz.py``.
"""

from __future__ import annotations

import io
import json
import os
from functools import cache
from typing import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reslint.config import Settings
from reslint.engine import LintResult, configure_rules, lint_rendering, run_rules
from reslint.fixes import fix_text
from reslint.formatters.base import FileReport, Formatter, Summary
from reslint.lexicon import load_lexicon
from reslint.model import Document, NodeKind
from reslint.parser import parse_document
from reslint.plugins import plugin_manager
from reslint.readers.markdown import render_markdown
from reslint.registry import build_registry
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Violation

EXAMPLES = int(os.environ.get("RESLINT_FUZZ_EXAMPLES", "100"))
settings.register_profile(
    "reslint-fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
    print_blob=True,
)
FUZZ = settings(settings.get_profile("reslint-fuzz"))
# very long lines are slow to lint: a tenth of the budget
FUZZ_LONG = settings(FUZZ, max_examples=max(5, EXAMPLES // 10))

LANGUAGES = ("en", "fr", "es")
RULE_LINE = "_______________"


# --------------------------------------------------------------------------- the pipeline


@cache
def _plugins() -> tuple[list[Rule], dict[str, type[Formatter]]]:
    manager, errors = plugin_manager(load_plugins=False)
    assert not errors
    registry = build_registry(manager)
    assert not registry.errors
    rules = configure_rules(registry, Settings(select=("ALL",)))
    assert {rule.code for rule in rules} == set(registry.rules)
    formatters: dict[str, type[Formatter]] = {}
    for implementation in manager.hook.reslint_formatters.get_hookimpls():
        formatters.update(implementation.function())
    assert {"concise", "full", "json"} <= set(formatters)
    return rules, formatters


def _lint(text: str, language: str | None) -> LintResult:
    rules, _ = _plugins()
    result = run_rules(parse_document(text, language=language, path="fuzz.txt"), rules)
    assert result.crashes == [], result.crashes
    return result


def _problems(text: str, language: str | None) -> int:
    document = parse_document(text, language=language)
    return sum(1 for node in document.nodes if node.kind is NodeKind.UNCLASSIFIED)


def _assert_span(span: Span | None, text: str, what: str) -> None:
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text), f"{what}: {span} in {len(text)} chars"


def _document_spans(document: Document) -> Iterator[tuple[str, Span | None]]:
    yield "organ_span", document.organ_span
    for artefact in document.artefacts:
        yield f"artefact {artefact.kind.value}", artefact.span
    for call in document.calls:
        yield "call", call.span
    for node in document.nodes:
        where = f"node {node.index} ({node.kind.value})"
        yield where, node.span
        yield f"{where} label", node.label_span
        yield f"{where} terminator", node.terminator_span
        if node.opener is not None:
            yield f"{where} opener", node.opener.span
        for call in node.calls:
            yield f"{where} call", call.span
        for view_start, original_start, length in node.view.pieces:
            assert 0 <= view_start <= len(node.view.text), where
            yield f"{where} piece", Span(original_start, original_start + length)


def _violation_spans(violations: list[Violation]) -> Iterator[tuple[str, Span | None]]:
    for violation in violations:
        yield violation.code, violation.span
        if violation.fix is not None:
            for edit in violation.fix.edits:
                yield f"{violation.code} fix", edit.span


def _format(text: str, violations: list[Violation]) -> None:
    _, formatters = _plugins()
    fixable = sum(1 for v in violations if v.fix and v.fix.applicability is Applicability.SAFE)
    for name, formatter_class in formatters.items():
        stream = io.StringIO()
        formatter = formatter_class(stream)
        formatter.start()
        formatter.file(FileReport("fuzz.txt", text, tuple(violations)))
        formatter.finish(Summary(1, len(violations), fixable, 0))
        if name == "json":
            assert len(json.loads(stream.getvalue())) == len(violations)


def check_pipeline(text: str, language: str | None = None) -> None:
    """Parse, lint, report and fix ``text``, checking the invariants on the way."""
    result = _lint(text, language)
    for what, span in [*_document_spans(result.document), *_violation_spans(result.violations)]:
        _assert_span(span, text, what)
    _format(text, result.violations)

    def lint(current: str) -> list[Violation]:
        return _lint(current, language).violations

    # FixDidNotConverge is a failure too: it is left to propagate
    fixed = fix_text(text, lint, Applicability.UNSAFE)
    again = fix_text(fixed.text, lint, Applicability.UNSAFE)
    assert again.text == fixed.text, f"fixing is not idempotent: {again.codes}"
    # the command line's way: a pass that adds unparsable blocks is not applied
    if fixed.text == text:
        return
    guarded = fix_text(text, lint, Applicability.UNSAFE, lambda t: _problems(t, language))
    if guarded.text != text:
        for what, span in _violation_spans(lint(guarded.text)):
            _assert_span(span, guarded.text, what)
        _format(guarded.text, lint(guarded.text))


# --------------------------------------------------------------------------- valid texts


@cache
def _lexicon_words(language: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    lexicon = load_lexicon(language)
    organs = tuple(name for organ in lexicon.organs for name in organ.names)
    preambular = tuple(lexicon.preambular) + tuple(lexicon.gendered.values())
    return organs, preambular, tuple(lexicon.operative)


WORDS = {
    "en": "the of States and to in its report development human rights Member resolution "
    "Secretary-General international cooperation all with on for",
    "fr": "les des États et à dans son rapport développement droits de l'homme Membres "
    "résolution Secrétaire général coopération internationale pour sur",
    "es": "los las Estados y a en su informe desarrollo derechos humanos Miembros "
    "resolución Secretario General cooperación internacional para con",
}
CLOSINGS = {
    "en": "Decides to remain seized of the matter.",
    "fr": "Décide de rester saisie de la question.",
    "es": "Decide seguir ocupándose de la cuestión.",
}
YEARS = st.integers(1946, 2030)
SYMBOLS = st.builds("A/RES/{}/{}".format, st.integers(1, 80), st.integers(1, 330)) | st.builds(
    "S/RES/{} ({})".format, st.integers(1, 2800), YEARS
)


@st.composite
def sentence(draw: st.DrawFn, language: str, calls: list[int]) -> str:
    words = draw(st.lists(st.sampled_from(WORDS[language].split()), min_size=1, max_size=25))
    pieces: list[str] = []
    for word in words:
        if draw(st.integers(0, 20)) == 0:
            calls.append(len(calls) + 1)
            style = draw(st.sampled_from(("glued", "space", "year", "super")))
            if style == "glued":
                word = f"{word}{len(calls)}"
            elif style == "year":
                word = f"{draw(YEARS)}{len(calls)}"
            elif style == "super":
                word = word + "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(d)] for d in str(len(calls)))
            else:
                word = f"{word} {len(calls)}"
        elif draw(st.integers(0, 30)) == 0:
            word = f"resolution {draw(st.integers(1, 80))}/{draw(st.integers(1, 300))} of "
            word += f"{draw(st.integers(1, 31))} December {draw(YEARS)}"
        pieces.append(word)
    return " ".join(pieces)


@st.composite
def resolution(draw: st.DrawFn) -> tuple[str, str]:
    """Return the lines of a well-formed resolution and its language."""
    language = draw(st.sampled_from(LANGUAGES))
    organs, preambular, operative = _lexicon_words(language)
    calls: list[int] = []
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(draw(SYMBOLS))
    blocks.append(draw(st.sampled_from(organs)) + ",")
    for _ in range(draw(st.integers(0, 6))):
        opener = draw(st.sampled_from(preambular))
        blocks.append(f"{opener} {draw(sentence(language, calls))},")
    count = draw(st.integers(1, 8))
    for number in range(1, count + 1):
        verb = draw(st.sampled_from(operative))
        subs = draw(st.integers(0, 3)) if number < count else 0
        label = f"{number}. " if count > 1 or draw(st.booleans()) else ""
        last = number == count
        if subs:
            blocks.append(f"{label}{verb} {draw(sentence(language, calls))}:")
            for index in range(subs):
                letter = "abcdefgh"[index]
                mark = f"({letter})" if language == "en" else f"{letter})"
                blocks.append(f"{mark} {draw(sentence(language, calls))};")
        elif last and draw(st.booleans()):
            blocks.append(f"{label}{CLOSINGS[language]}")
        else:
            blocks.append(f"{label}{verb} {draw(sentence(language, calls))}{'.' if last else ';'}")
        if draw(st.integers(0, 6)) == 0:  # a page break
            blocks.append(draw(st.integers(1, 40).map(str)))
            blocks.append(draw(SYMBOLS))
    if calls:
        blocks.append(RULE_LINE)
        for number in calls:
            blocks.append(f"{number} {draw(sentence(language, []))}.")
    separator = draw(st.sampled_from(("\n\n", "\n")))
    newline = draw(st.sampled_from(("\n", "\r\n")))
    text = separator.join(blocks) + "\n"
    return text.replace("\n", newline), language


# --------------------------------------------------------------------------- broken texts

NASTY = st.sampled_from(
    [
        "\u200f",  # right-to-left mark
        "\u202e",  # right-to-left override
        "\u200e",
        "\u200b",
        "\u0301",  # combining acute
        "\u0308\u0301",
        "\u00a0",
        "\u202f",
        "\t",
        "\f",
        "\r",
        "\v",
        "\x1b",
        "\x7f",
        "\u2028",
        "\u2029",
        "\x85",
        "\ufeff",
        "\ufffd",
        "\U0001f600",
        "\ud7ff",
        "ǅ",
        "ﬁ",
        "İ",
        "ß",
        "²",
        "¹",
        "⁰",
        "«",
        "»",
        "“",
        "”",
        "’",
        ";",
        ":",
        ",",
        ".",
        " ",
        "\n",
        "\n\n",
        "(a)",
        "a)",
        "(i)",
        "1.",
        "12. ",
        RULE_LINE,
        "A/RES/59/187",
        "*",
        "_",
        "<!--",
        "-->",
        "[^1]:",
    ]
)
# NUL-free text: the reader rejects NUL as binary, so the parser never sees it
NOISE = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))
BINARY_ISH = st.binary(max_size=300).map(
    lambda data: data.replace(b"\x00", b"").decode("cp1252", errors="replace")
)
CHUNK = NASTY | NOISE | BINARY_ISH | st.sampled_from(sum(_lexicon_words("en")[1:], ()))


@st.composite
def broken_resolution(draw: st.DrawFn) -> str:
    text, _ = draw(resolution())
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    operation = draw(st.sampled_from(("shuffle", "truncate", "duplicate", "noise", "all")))
    if operation in ("shuffle", "all"):
        lines = draw(st.permutations(lines))
    if operation in ("duplicate", "all") and lines:
        for _ in range(draw(st.integers(1, 5))):
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(draw(st.integers(0, len(lines))), lines[index])
    text = newline.join(lines)
    if operation in ("noise", "all"):
        for _ in range(draw(st.integers(1, 8))):
            where = draw(st.integers(0, len(text)))
            text = text[:where] + draw(CHUNK) + text[where:]
    if operation in ("truncate", "all"):
        text = text[: draw(st.integers(0, len(text)))]
    return text


# broken and random texts are also read as the languages that are never detected
OPTIONAL_LANGUAGE = st.sampled_from((None, *LANGUAGES, "ar", "ru", "zh"))


# --------------------------------------------------------------------------- properties


@FUZZ
@given(resolution(), st.booleans())
def test_valid_resolutions(case: tuple[str, str], detect: bool) -> None:
    text, language = case
    check_pipeline(text, None if detect else language)


@FUZZ
@given(broken_resolution(), OPTIONAL_LANGUAGE)
def test_broken_resolutions(text: str, language: str | None) -> None:
    check_pipeline(text, language)


@FUZZ
@given(st.lists(CHUNK, max_size=30).map("".join), OPTIONAL_LANGUAGE)
def test_random_unicode(text: str, language: str | None) -> None:
    check_pipeline(text, language)


@FUZZ_LONG
@given(
    resolution(),
    st.sampled_from(("x", "a ", "Recalling ", "\u00a0", "\t", "\u0301", "é", "1. ", ", ")),
    st.integers(0, 3),
)
def test_very_long_lines(case: tuple[str, str], unit: str, where: int) -> None:
    text, language = case
    lines = text.split("\n")
    index = min(where, len(lines) - 1)
    lines[index] += unit * (100_000 // len(unit))
    check_pipeline("\n".join(lines), language)


MARKDOWN_NOISE = st.sampled_from(["*", "**", "_", "__", "***", "\\", "\\*", "# ", "[^1]", "`"])


@st.composite
def markdown_resolution(draw: st.DrawFn) -> tuple[str, str]:
    """A resolution written in Markdown: emphasised openers, then Markdown noise."""
    text, language = draw(resolution())
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        words = line.split(" ", 1)
        if len(words) == 2 and words[0][:1].isalpha() and draw(st.booleans()):
            mark = draw(st.sampled_from(["*", "_", "**", "***"]))
            lines[index] = f"{mark}{words[0]}{mark} {words[1]}"
    text = "".join(lines)
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(MARKDOWN_NOISE | NASTY) + text[where:]
    return text, language


@FUZZ
@given(markdown_resolution())
def test_markdown_drafts(case: tuple[str, str]) -> None:
    """Rendering keeps every finding inside the Markdown text, and fixes settle there."""
    text, language = case
    rules, _ = _plugins()

    def lint(current: str) -> list[Violation]:
        result = lint_rendering(render_markdown(current), rules, language, "fuzz.md")
        assert result.crashes == [], result.crashes
        return result.violations

    violations = lint(text)
    for what, span in _violation_spans(violations):
        _assert_span(span, text, what)
    _format(text, violations)
    fixed = fix_text(text, lint, Applicability.UNSAFE)
    again = fix_text(fixed.text, lint, Applicability.UNSAFE)
    assert again.text == fixed.text, f"fixing Markdown is not idempotent: {again.codes}"


def test_the_example_pipeline_runs() -> None:
    """A fixed text through the same checks, so a failure here is not hypothesis' doing."""
    text = "The General Assembly,\n\nRecalling its resolution,\n\n1. Decides to act.\n"
    check_pipeline(text)
