"""python -m reslint.evaluate --gold: AKN rendered to a drafter's text, read back, compared."""

from __future__ import annotations

from pathlib import Path

from reslint.evaluate import main
from reslint.gold import read_gold
from reslint.gold_text import measure, render
from tests.akn_samples import Sample, akn


def _file(folder: Path, sample: Sample, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(akn(sample), "utf-8")
    return path


ENGLISH = Sample(
    "en",
    "The General Assembly",
    [("Recalling", "its resolution 74/93,"), ("Noting", "the report of the Secretary-General,")],
    [
        ("Requests", "the Secretary-General:", ["(a) to report;", "(b) to consult;"]),
        ("Decides", "to remain seized of the matter.", []),
    ],
    notes={1: "A/75/64."},
)


def test_the_rendering_is_a_drafters_text(tmp_path: Path) -> None:
    text = render(read_gold(_file(tmp_path, ENGLISH, "75_1_E.xml")))
    assert text.startswith("The General Assembly,\n\nRecalling its resolution 74/93,")
    assert "\n\n1. Requests the Secretary-General:\n\n(a) to report;" in text
    assert "matter1." in text and text.endswith("__________\n\n1 A/75/64.\n")


def test_a_text_read_as_marked_up_matches_in_every_count(tmp_path: Path) -> None:
    reading = measure(_file(tmp_path, ENGLISH, "75_1_E.xml"))
    assert reading is not None and all(reading.matches.values()), reading


def test_arabic_numbers_are_typed_with_a_dash(tmp_path: Path) -> None:
    sample = Sample(
        "ar",
        "إن الجمعية العامة",
        [("إذ تشير", "إلى قرارها 74/93،")],
        [("تطلب", "إلى الأمين العام تقديم تقرير؛", []), ("تقرر", "أن تبقي المسألة قيد نظرها.", [])],
        dash_numbers=True,
    )
    path = _file(tmp_path, sample, "75_1_A.xml")
    assert "\n\n2 - تقرر" in render(read_gold(path))
    reading = measure(path)
    assert reading is not None and reading.language == "ar" and all(reading.matches.values())


def test_the_command_prints_a_table_per_language(tmp_path: Path, capsys) -> None:
    _file(tmp_path / "en", ENGLISH, "75_1_E.xml")
    (tmp_path / "en" / "broken_E.xml").write_text("<akomaNtoso", "utf-8")
    assert main(["--gold", str(tmp_path), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "| en | 1 | 100.0 % |" in out and "1 files read, 1 unreadable" in out
