"""The accuracy evaluation: on the examples always, on the real corpus when it is there."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reslint.evaluate import evaluate, report, vintage
from tests.conftest import CORPUS_DIR, ROOT


def test_evaluate_runs_on_the_examples() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reslint.evaluate", "examples", "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "recognised" in done.stdout
    assert "violations per document, by rule" in done.stdout


def test_examples_are_fully_recognised() -> None:
    stats = evaluate(ROOT / "examples", None, jobs=1)
    assert stats and not any(s.crash for s in stats)
    assert sum(s.unclassified for s in stats) == 0
    assert "100.00%" in report(stats)


def test_vintage() -> None:
    assert vintage("eosg/A_RES_45_106.en.txt", "modern") == "scanned"
    assert vintage("eosg/A_RES_72_242.en.txt", "modern") == "digital"
    assert vintage("x/S_RES_678_1990.en.txt", "modern") == "scanned"
    assert vintage("x/A_RES_1049_XI.en.txt", "historical") == "historical"


@pytest.mark.corpus
def test_real_corpus_no_crash_and_recognition() -> None:
    """Needs ../shared/corpus (the evaluation corpus beside the repository)."""
    if not CORPUS_DIR.is_dir():
        pytest.skip("the evaluation corpus ../shared/corpus is not beside the repository")
    stats = evaluate(CORPUS_DIR, CORPUS_DIR / "manifest.tsv", jobs=2)
    assert len(stats) > 1000
    assert not [s.path for s in stats if s.crash]
    for language in ("en", "fr"):
        digital = [s for s in stats if s.language == language and s.era == "digital"]
        body = sum(s.body for s in digital)
        recognised = body - sum(s.unclassified for s in digital)
        assert recognised / body >= 0.995, f"{language}: {recognised / body:.4f}"
