"""A test harness for rules, shipped for plugin authors too.

Rule cases are data (TOML)::

    rule = "PU002"

    [[cases]]
    name = "full_stop_in_the_middle"
    language = "en"                       # optional; detected otherwise
    options = { }                         # optional rule options
    fail = '''
    The General Assembly,

    1. Decides to convene a meeting.

    2. Requests a report.
    '''
    format = "markdown"                   # optional: read the text as Markdown (italics)
    violations = [{ line = 3, column = 32, message = "operative paragraph ends with '.', not ';'" }]
                                          # the violations, in order: position and message
                                          # (``message-pattern``: a regular expression the
                                          # whole message must match, instead of ``message``)
    fixed = '''…'''                            # optional: text after fixing
    also-select = ["PU003"]                  # optional: rules run alongside (not checked)
    baseline = [{ code = "PU002", anchor = "OP1", paragraph = "1. Decides…" }]
                                             # optional: baseline entries (``hash`` or
                                             # ``paragraph``, whose text is hashed)

    [[cases]]
    name = "semicolons"
    pass = '''…'''

A comparison rule (``reslint compare``) takes the versions as a table, one text
per language, and each expected violation names its version::

    [[cases]]
    name = "symbol_changed"
    fail = { en = '''…''', fr = '''…''' }
    violations = [{ version = "fr", line = 3, column = 1, message = "…" }]

For every case :func:`check_case` asserts the pass/fail outcome, the position and
message of each violation listed and, when
``fixed`` is given, that fixing this rule's violations gives that text, that a
second fix changes nothing, that no fixable violation of the rule is left and
that fixing did not make any block unrecognisable.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from reslint.config import Settings
from reslint.engine import configure_rules
from reslint.model import NodeKind
from reslint.readers import Rendering
from reslint.registry import Registry
from reslint.session import LintSession
from reslint.suppress import BaselineEntry, SuppressionContext, paragraph_hash
from reslint.text import LineIndex
from reslint.violations import Applicability, Violation


@dataclass(frozen=True)
class RuleCase:
    """One passing or failing example of a rule."""

    rule: str
    name: str
    text: str | dict[str, str]
    """The text, or the language versions of a comparison rule's case (language → text)."""
    should_pass: bool
    violations: tuple[dict[str, Any], ...] | None = None
    fixed: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    language: str | None = None
    source: str = ""
    also_select: tuple[str, ...] = ()
    baseline: tuple[BaselineEntry, ...] = ()
    format: str = "text"

    @property
    def id(self) -> str:
        """Return the test id, ``CODE::name``."""
        return f"{self.rule}::{self.name}"


def load_cases(path: Path) -> list[RuleCase]:
    """Load the cases of one TOML case file."""
    data = tomllib.loads(path.read_text("utf-8"))
    rule = data["rule"]
    cases: list[RuleCase] = []
    for entry in data.get("cases", []):
        if ("pass" in entry) == ("fail" in entry):
            raise ValueError(f"{path}: case {entry.get('name')!r} needs exactly one of pass/fail")
        violations = entry.get("violations")
        cases.append(
            RuleCase(
                rule=rule,
                name=entry["name"],
                text=entry.get("pass", entry.get("fail", "")),
                should_pass="pass" in entry,
                violations=tuple(violations) if violations is not None else None,
                fixed=entry.get("fixed"),
                options=entry.get("options", {}),
                language=entry.get("language"),
                source=str(path),
                format=entry.get("format", "text"),
                also_select=tuple(entry.get("also-select", ())),
                baseline=tuple(
                    BaselineEntry(
                        "",
                        item["code"],
                        item["anchor"],
                        item.get("hash") or paragraph_hash(item["paragraph"]),
                    )
                    for item in entry.get("baseline", ())
                ),
            )
        )
    return cases


def _session(case: RuleCase, registry: Registry) -> LintSession:
    """Lint a case as the command line lints a file, counting only the case's rule."""
    settings = Settings(
        select=(case.rule, *case.also_select),
        rules=((case.rule, tuple(case.options.items())),),
        language=case.language,
    )
    return LintSession.of(
        configure_rules(registry, settings),
        render=lambda text: _render(case.format, text),
        language=case.language,
        suppressions=SuppressionContext(frozenset(registry.rules), case.baseline),
        source_format=case.format,
        codes=frozenset({case.rule}),
    )


def _lint(case: RuleCase, registry: Registry, text: str) -> tuple[list[Violation], Any]:
    result = _session(case, registry).lint(text)
    return result.violations, result.document


def _render(format_name: str, text: str) -> Rendering:
    if format_name == "markdown":
        from reslint.readers.markdown import render_markdown

        return render_markdown(text)
    if format_name != "text":
        raise ValueError(f"unknown case format {format_name!r} (text or markdown)")
    return Rendering(text)


def message_matches(message: str, expected: dict[str, Any]) -> bool:
    """Return whether ``message`` is what a case's violation entry states.

    ``message`` must be equal; ``message-pattern`` must match the whole message;
    an entry stating neither accepts any message.
    """
    if "message" in expected:
        return message == expected["message"]
    if "message-pattern" in expected:
        return re.fullmatch(expected["message-pattern"], message) is not None
    return True


def _expected_message(expected: dict[str, Any]) -> str:
    if "message" in expected:
        return repr(expected["message"])
    return f"matching {expected.get('message-pattern')!r}"


def _check_versions(case: RuleCase, registry: Registry, texts: dict[str, str]) -> None:
    from reslint.comparison import compare
    from reslint.parser import parse_document
    from reslint.versions import profile

    settings = Settings(select=(case.rule,), rules=((case.rule, tuple(case.options.items())),))
    rules = configure_rules(registry, settings)
    languages = list(texts)
    versions = tuple(
        profile(lang, parse_document(texts[lang], language=lang)) for lang in languages
    )
    found, crashes = compare(versions, rules)
    assert not crashes, f"{case.id}: {crashes}"
    described = [
        (
            {
                "version": language,
                "line": LineIndex(texts[language]).position(v.span.start).line,
                "column": LineIndex(texts[language]).position(v.span.start).column,
            },
            v.message,
        )
        for language, violations in zip(languages, found)
        for v in violations
        if v.code == case.rule
    ]
    if case.should_pass:
        assert not described, f"{case.id}: expected no {case.rule} violation, got {described}"
        return
    assert described, f"{case.id}: expected {case.rule} to report something, got nothing"
    if case.violations is not None:
        wanted = [{k: v[k] for k in ("version", "line", "column")} for v in case.violations]
        assert [where for where, _ in described] == wanted, f"{case.id}: got {described}"
        for (_, message), expected in zip(described, case.violations):
            assert message_matches(message, expected), (
                f"{case.id}: expected the message {_expected_message(expected)}, got {message!r}"
            )


def check_case(case: RuleCase, registry: Registry) -> None:
    """Assert that ``case`` behaves as its data says."""
    if isinstance(case.text, dict):
        _check_versions(case, registry, case.text)
        return
    found, document = _lint(case, registry, case.text)
    index = LineIndex(case.text)
    described = [
        f"{index.position(v.span.start).line}:{index.position(v.span.start).column} {v.message}"
        for v in found
    ]
    if case.should_pass:
        assert not found, f"{case.id}: expected no {case.rule} violation, got {described}"
        return
    assert found, f"{case.id}: expected {case.rule} to report something, got nothing"
    if case.violations is not None:
        positions = [
            {
                "line": index.position(v.span.start).line,
                "column": index.position(v.span.start).column,
            }
            for v in found
        ]
        wanted = [{"line": v["line"], "column": v["column"]} for v in case.violations]
        assert positions == wanted, f"{case.id}: expected {wanted}, got {described}"
        for violation, expected in zip(found, case.violations):
            assert message_matches(violation.message, expected), (
                f"{case.id}: expected the message {_expected_message(expected)}, "
                f"got {violation.message!r}"
            )
    if case.fixed is None:
        return

    session = _session(case, registry)
    # unguarded: a fix that makes a block unrecognisable must fail the case, not be skipped
    outcome = session.fix(case.text, Applicability.UNSAFE, guard=False)
    assert outcome.text == case.fixed, (
        f"{case.id}: fixed text differs\n--- expected\n{case.fixed}\n--- got\n{outcome.text}"
    )
    again = session.fix(outcome.text, Applicability.UNSAFE, guard=False)
    assert again.text == outcome.text, f"{case.id}: a second fix changed the text"
    left = [v for v in session.violations(outcome.text) if v.fix is not None]
    assert not left, f"{case.id}: fixable violations left after fixing: {left}"
    before = sum(1 for n in document.nodes if n.kind is NodeKind.UNCLASSIFIED)
    after = session.unparsed_blocks(outcome.text)
    assert after <= before, f"{case.id}: fixing made {after - before} block(s) unrecognisable"
