"""Every example is linted and compared with its expected output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT, reslint

EXAMPLES = sorted([*(ROOT / "examples").glob("*.txt"), *(ROOT / "examples").glob("*.md")])


def test_there_are_examples_in_both_languages() -> None:
    names = [p.name for p in EXAMPLES]
    assert any(n.endswith(".en.txt") for n in names)
    assert any(n.endswith(".fr.txt") for n in names)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_matches_expected_output(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text("utf-8")  # name.en.md → name.en.expected
    relative = path.relative_to(ROOT).as_posix()
    run = reslint("check", "--no-plugins", relative)
    assert run.err == ""
    assert run.out == expected
    assert run.code == (0 if "All checks passed!" in expected else 1)
