"""Run every rule case in ``tests/cases/*.toml`` (pass, fail, positions, messages, fixes)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reslint.language import LANGUAGES, detect_language
from reslint.registry import Registry
from reslint.testing import RuleCase, check_case, load_cases

CASE_DIR = Path(__file__).parent / "cases"
CASES = [case for path in sorted(CASE_DIR.glob("*.toml")) for case in load_cases(path)]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case: RuleCase, registry: Registry) -> None:
    check_case(case, registry)


def test_every_rule_has_passing_and_failing_cases(registry: Registry) -> None:
    by_rule: dict[str, set[bool]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, set()).add(case.should_pass)
    missing = [code for code in registry.rules if by_rule.get(code) != {True, False}]
    assert not missing, f"rules without both passing and failing cases: {missing}"


def case_languages(case: RuleCase) -> set[str]:
    """Return the languages a case speaks for.

    A passing comparison case speaks for every version it holds, a failing one only for
    the versions its violations are found in; a single text for its stated or detected
    language.
    """
    if isinstance(case.text, dict):
        if case.should_pass:
            return set(case.text)
        return {violation["version"] for violation in case.violations or ()}
    return {case.language or detect_language(case.text)}


def test_every_rule_has_passing_and_failing_cases_in_each_of_its_languages(
    registry: Registry,
) -> None:
    outcomes: dict[tuple[str, str], set[bool]] = {}
    for case in CASES:
        for language in case_languages(case):
            outcomes.setdefault((case.rule, language), set()).add(case.should_pass)
    missing = [
        f"{code} {language}"
        for code, rule in sorted(registry.rules.items())
        for language in rule.languages or LANGUAGES
        if outcomes.get((code, language)) != {True, False}
    ]
    assert not missing, f"rules without both passing and failing cases in: {missing}"


def test_every_case_file_names_a_registered_rule(registry: Registry) -> None:
    unknown = sorted({case.rule for case in CASES} - set(registry.rules))
    assert not unknown


def test_every_fixable_rule_has_a_fixed_case(registry: Registry) -> None:
    fixed = {case.rule for case in CASES if case.fixed is not None}
    missing = [
        code
        for code, rule in registry.rules.items()
        if rule.fix_availability is not None and code not in fixed
    ]
    assert not missing, f"fixable rules without a case checking the fixed text: {missing}"


def test_every_failing_case_states_its_violations_and_messages() -> None:
    unstated = [
        case.id
        for case in CASES
        if not case.should_pass
        and (
            not case.violations
            or any("message" not in v and "message-pattern" not in v for v in case.violations)
        )
    ]
    assert not unstated, f"failing cases without positions and messages: {unstated}"


def _a_failing_case() -> RuleCase:
    return next(c for c in CASES if c.rule == "PU002" and not c.should_pass and c.violations)


def test_a_wrong_message_fails_the_case(registry: Registry) -> None:
    case = _a_failing_case()
    wrong = replace(
        case, violations=tuple({**v, "message": "something else"} for v in case.violations or ())
    )
    with pytest.raises(AssertionError, match="expected the message 'something else'"):
        check_case(wrong, registry)


@pytest.mark.parametrize(
    ("pattern", "matches"),
    [
        (r"operative paragraph ends with '.', not .*", True),
        (r"operative paragraph ends", False),  # the whole message must match
        (r"preambular .*", False),
    ],
)
def test_a_message_pattern_must_match_the_whole_message(
    registry: Registry, pattern: str, matches: bool
) -> None:
    case = _a_failing_case()
    stated = replace(
        case,
        violations=tuple(
            {"line": v["line"], "column": v["column"], "message-pattern": pattern}
            for v in case.violations or ()
        ),
    )
    if matches:
        check_case(stated, registry)
    else:
        with pytest.raises(AssertionError, match="expected the message matching"):
            check_case(stated, registry)
