"""Run every rule case in ``tests/cases/*.toml`` (pass, fail, positions, fixes)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
