"""python -m reslint.evaluate --versions: compare over sets of language versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reslint.evaluate import half
from reslint.versions_eval import measure, report, set_name, version_sets
from tests.conftest import SHARED

AKN = SHARED / "realdocs" / "akn"


def test_versions_are_grouped_by_the_name_without_the_language_letter() -> None:
    assert set_name(Path("75_102_E.xml")) == "75_102"
    assert set_name(Path("75_251_B_R.xml")) == "75_251_B"
    assert set_name(Path("A_RES_75_242 B-2108986A.xml")) == "A_RES_75_242 B"
    assert set_name(Path("A_RES_76_150-2119177E_reissue.xml")) == "A_RES_76_150"
    assert set_name(Path("E_RES_2021_1-2010157C.xml")) == "E_RES_2021_1"
    assert set_name(Path("notes.xml")) is None


def test_only_sets_with_a_version_in_every_language_are_kept(tmp_path: Path) -> None:
    for language, letter in (("en", "E"), ("fr", "F")):
        (tmp_path / language).mkdir()
        (tmp_path / language / f"75_1_{letter}.xml").write_text("<akomaNtoso/>", "utf-8")
    (tmp_path / "en" / "75_2_E.xml").write_text("<akomaNtoso/>", "utf-8")
    assert list(version_sets(tmp_path)) == ["75_1"]
    assert [p.parent.name for p in version_sets(tmp_path)["75_1"]] == ["en", "fr"]


@pytest.mark.skipif(not (AKN / "en" / "75_102_E.xml").is_file(), reason="needs ../shared/realdocs")
def test_a_set_is_compared_and_counted_in_its_half(tmp_path: Path) -> None:
    for language, letter in (("en", "E"), ("fr", "F"), ("ru", "R")):
        (tmp_path / language).mkdir()
        shutil.copy(AKN / language / f"75_102_{letter}.xml", tmp_path / language)
    russian = tmp_path / "ru" / "75_102_R.xml"
    text = russian.read_text("utf-8")
    start = text.index('<container name="подчеркивая"')
    russian.write_text(text[:start] + text[text.index("</container>", start) + 12 :], "utf-8")
    outcomes = measure(tmp_path, jobs=1)
    assert [(o.name, o.half) for o in outcomes] == [("75_102", half("75_102"))]
    assert [(f.language, f.code) for f in outcomes[0].findings] == [("ru", "LV001")]
    table = report(outcomes, listing=True)
    assert "LV001 1" in table and "ru:" in table
