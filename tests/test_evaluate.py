"""The accuracy evaluation: on the examples always, on the real corpus when it is there."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reslint.evaluate import HALVES, evaluate, half, report, seed, seed_report, vintage
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


def test_halves_are_decided_by_the_file_name_alone() -> None:
    assert half("a/b/A_RES_59_187.en.txt") == half("A_RES_59_187.en.txt")
    names = [f"A_RES_{n}_1.en.txt" for n in range(200)]
    tuning = sum(half(name) == "tuning" for name in names)
    assert 70 < tuning < 130
    assert {half(name) for name in names} == set(HALVES)


def test_report_shows_both_halves() -> None:
    stats = evaluate(ROOT / "examples", None, jobs=1)
    text = report(stats)
    assert {s.half for s in stats} == set(HALVES)
    for part in (*HALVES, "both"):
        assert f"\n{part} " in text


CLEAN = """59/187. Strengthening of international cooperation

The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

Recalling also the Vienna Declaration and Programme of Action,1

Reaffirming the Charter of the United Nations,2

Noting the report of the Secretary-General,

I

Cooperation

1. Requests the Secretary-General to report thereon;

2. Encourages Member States to cooperate;

3. Invites the regional commissions to contribute;

4. Decides to include in the provisional agenda of its sixtieth session the item entitled
"Human rights questions".

_______________
1 A/CONF.157/24 (Part I), chap. III.
2 See resolution 55/2.
"""


def test_every_seeded_error_is_caught_in_a_clean_resolution() -> None:
    from reslint.api import Linter
    from reslint.seeding import SEEDERS

    linter = Linter(load_plugins=False)
    clean = linter.lint_text(CLEAN)
    assert not clean.violations, [v.message for v in clean.violations]
    kinds = set()
    for seeder in SEEDERS:
        seeded = seeder(clean.document)
        if seeded is None:
            continue
        kinds.add(seeded.kind)
        codes = {v.code for v in linter.lint_text(seeded.text).violations}
        assert codes & set(seeded.codes), f"{seeded.kind}: {codes}"
    assert len(kinds) >= 10, kinds


def test_seeding_on_the_examples() -> None:
    outcomes = seed(ROOT / "examples", None, jobs=1, only=None)
    assert outcomes
    assert sum(o.caught for o in outcomes) / len(outcomes) >= 0.95
    assert "seeded error" in seed_report(outcomes)


def test_also_is_seeded_into_the_first_paragraph_of_a_series_only() -> None:
    from reslint.api import Linter
    from reslint.seeding import also_before_bare

    text = CLEAN.replace(
        "Recalling its resolution 58/170 of 22 December 2003,",
        "Noting with concern the situation of refugees,\n\nNoting its resolution 58/170,",
    ).replace("Recalling also the Vienna", "Recalling the Vienna")
    document = Linter(load_plugins=False).lint_text(text).document
    seeded = also_before_bare(document)
    assert seeded is not None
    # "Noting with concern" opened the series of "Noting": "Also" there is right
    assert "Noting also its resolution" not in seeded.text
    assert "Recalling also the Vienna" in seeded.text
