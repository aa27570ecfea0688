"""Rule documentation is complete, and its examples are tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reslint.comparison import is_comparison
from reslint.config import Settings
from reslint.docs import rule_page, write_pages
from reslint.engine import configure_rules, lint_rendering
from reslint.readers import Rendering
from reslint.readers.markdown import render_markdown
from reslint.registry import Registry
from reslint.rule import CODE_PATTERN, NAME_PATTERN
from tests.conftest import ROOT

SECTIONS = ("## Why", "## Example", "## Use instead", "## Fix safety")
_BLOCK = re.compile(r"## (Example|Use instead)\n```(text|markdown)\n(.*?)```", re.S)


def _rules(registry: Registry) -> list:  # type: ignore[type-arg]
    return registry.sorted()


def test_codes_and_names_are_well_formed_and_unique(registry: Registry) -> None:
    rules = registry.sorted()
    assert len({r.code for r in rules}) == len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert CODE_PATTERN.match(rule.code) and NAME_PATTERN.match(rule.name)
        assert rule.summary and not rule.summary.endswith(".")


def test_every_rule_documents_why_example_use_instead_and_fix_safety(registry: Registry) -> None:
    for rule in registry.sorted():
        page = rule_page(rule)
        missing = [s for s in SECTIONS if s not in page]
        assert not missing, f"{rule.code} documentation lacks {missing}"
        assert page.index("## Example") < page.index("## Use instead")


def _doc_examples(registry: Registry) -> list[tuple[str, str, str, str]]:
    """Return (code, Example or Use instead, text or markdown, block) for every rule."""
    cases = []
    for rule in registry.sorted():
        for kind, fence, block in _BLOCK.findall(rule.documentation()):
            cases.append((rule.code, kind, fence, block))
    return cases


def _language(rule_code: str, text: str) -> str | None:
    if re.search(r"[а-яА-Я]", text):
        return "ru"  # never detected: a Russian example is linted as Russian
    if re.search(r"\b(Décide|Rappelant|Assemblée|Prie|Conseil de sécurité)\b", text):
        return "fr"
    return "en"


@pytest.fixture(scope="module")
def doc_examples(registry: Registry) -> list[tuple[str, str, str, str]]:
    return _doc_examples(registry)


def test_documentation_examples_trigger_the_rule_and_use_instead_passes(
    registry: Registry, doc_examples: list[tuple[str, str, str, str]]
) -> None:
    failures = []
    for code, kind, fence, block in doc_examples:
        rules = configure_rules(registry, Settings(select=(code,)))
        text = block.replace("\n", "\n\n")
        rendering = render_markdown(text) if fence == "markdown" else Rendering(text)
        found = [
            v
            for v in lint_rendering(rendering, rules, _language(code, text)).violations
            if v.code == code
        ]
        if kind == "Example" and not found:
            failures.append(f"{code}: its Example does not trigger it")
        if kind == "Use instead" and found:
            failures.append(f"{code}: its 'Use instead' triggers it: {found[0].message}")
    assert not failures, "\n".join(failures)


def test_every_rule_has_doc_examples(
    doc_examples: list[tuple[str, str, str, str]], registry: Registry
) -> None:
    with_examples = {code for code, kind, _, _ in doc_examples if kind == "Example"}
    # RS004 is about a baseline file, which a text example cannot carry: its
    # cases (tests/cases/RS004.toml) give the baseline entries; comparison rules
    # have examples of several versions (tests/test_compare.py runs them)
    comparisons = {code for code, rule in registry.rules.items() if is_comparison(rule)}
    assert with_examples | {"RS004"} | comparisons == set(registry.rules)


def test_generated_rule_pages_are_up_to_date() -> None:
    stale = write_pages(ROOT / "docs" / "rules", check=True)
    assert not stale, f"run 'python -m reslint.docs' to regenerate: {stale}"


def test_rule_command_shows_the_generated_page(registry: Registry) -> None:
    for rule in registry.sorted():
        page = (ROOT / "docs" / "rules" / f"{rule.code}.md").read_text("utf-8")
        assert page == rule_page(rule)


def test_docs_folder_exists() -> None:
    assert isinstance(ROOT, Path) and (ROOT / "docs" / "rules" / "README.md").exists()
