"""The garbage collector is paused while a document is parsed and checked, and only then."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reslint import Rule, engine
from reslint.collector import collector_paused
from reslint.model import Document
from reslint.violations import Violation
from tests.helpers import ROOT

DRAFT = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting;

2. Requests the Secretary-General to report thereon.
"""

SEEN: list[bool] = []


class CollectorProbe(Rule):
    """Records whether the collector runs while rules check a document.

    ## Why
    To test that linting pauses the collector.
    """

    code = "XG001"
    name = "collector-probe"
    summary = "Records the collector's state"

    def check(self, document: Document) -> Iterator[Violation]:
        SEEN.append(gc.isenabled())
        yield from ()


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    SEEN.clear()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


def test_rules_run_with_the_collector_paused_and_it_runs_again_after() -> None:
    engine.lint_document_text(DRAFT, [CollectorProbe()])
    assert SEEN == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off() -> None:
    gc.disable()
    engine.lint_document_text(DRAFT, [CollectorProbe()])
    assert SEEN == [False]
    assert not gc.isenabled()


def test_the_collector_runs_again_when_parsing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> Document:
        raise RuntimeError("parser failed")

    monkeypatch.setattr(engine, "parse_document", failing)
    with pytest.raises(RuntimeError):
        engine.lint_document_text(DRAFT, [CollectorProbe()])
    assert gc.isenabled()


def test_nested_pauses_leave_the_collector_on() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


# Run apart, so that no other test's threads add garbage: what the pause keeps the
# collector from collecting must be nothing, for the examples linted a second time and a
# long document.
NO_CYCLES = """
import gc, sys
from pathlib import Path
from reslint.api import Linter

linter = Linter(load_plugins=False)
examples = sorted(p for p in Path("examples").iterdir() if p.suffix in (".txt", ".md"))
operative = "".join(f"{n}. Requests the Secretary-General to report on item {n};\\n\\n"
                    for n in range(1, 20001))
long_text = "The General Assembly,\\n\\nRecalling its resolution 58/170,\\n\\n" + operative
for path in examples:  # what is built once (grammars, rules, caches) may make cycles
    linter.lint_file(path)
gc.collect()
gc.disable()
for path in examples:
    linter.lint_file(path)
linter.lint_text(long_text)
print(gc.collect())
"""


def test_linting_makes_no_reference_cycles_for_the_collector_to_find() -> None:
    run = subprocess.run(
        [sys.executable, "-c", NO_CYCLES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "0", run.stdout


def test_the_examples_are_found_by_the_cycle_test() -> None:
    assert sum(1 for p in Path(ROOT, "examples").iterdir() if p.suffix in (".txt", ".md")) >= 5
