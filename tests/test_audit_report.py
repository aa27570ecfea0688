"""The audit: the HTML report of a folder, and its figures as summary-json / summary-csv.

The charts are read back as XML (each bar carries its key and value, and its
length must be proportional to it), and every figure is checked against the
JSON findings of the same run. Where Chromium is installed, the page is
rendered headless and the screenshot is looked at for the bars' colours.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from reslint.cli import main
from tests.conftest import corpus_sample

SVG = "{http://www.w3.org/2000/svg}"

GA = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a meeting,

2. Requests the Secretary-General to report thereon,

50th plenary meeting
20 December {year}
"""
GA_CLEAN = GA.replace("meeting,\n\n2.", "meeting;\n\n2.").replace("thereon,", "thereon.")
SC_FR = """Le Conseil de sécurité,

Rappelant sa résolution 1244 (1999),

1. Décide de rester saisi de la question,

8000e séance
5 mars {year}
"""
HRC = """The Human Rights Council,

Recalling its resolution 12/2,

Recalling also its resolution 14/15,

1. Decides to continue its consideration of the matter;

2. Decides to remain seized of the matter.

30th meeting
1 October {year}
"""
HRC_MIXED = HRC.replace("seized of the matter.", "seized of the matter;")


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A folder of resolutions of three organs, two languages and five years."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    texts = {
        "ga-2019.txt": GA.format(year=2019),
        "ga-2019b.txt": GA.format(year=2019).replace("thereon,", "thereon."),
        "ga-2021-clean.txt": GA_CLEAN.format(year=2021),
        "ga-2016-clean.txt": GA_CLEAN.format(year=2016),
        "sc-2017.fr.txt": SC_FR.format(year=2017),
        "hrc-2020.txt": HRC_MIXED.format(year=2020),
        "hrc-2020-clean.txt": HRC.format(year=2020),
        "undated.txt": "The General Assembly,\n\n1. Decides to act,\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    main(["check", *args, "--no-cache", "--jobs", "1"])
    return capsys.readouterr().out


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _charts(page: str) -> dict[str, ET.Element]:
    charts = {}
    for match in re.finditer(r"<svg\b.*?</svg>", page, re.S):
        svg = ET.fromstring(match.group())
        charts[svg.get("data-chart", "")] = svg
    return charts


def _bars(svg: ET.Element) -> dict[str, int]:
    return {
        g.get("data-key", ""): int(g.get("data-value", "-1"))
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "bar"
    }


def _lengths(svg: ET.Element, attribute: str) -> dict[str, float]:
    lengths = {}
    for g in svg.iter(f"{SVG}g"):
        if g.get("class") == "bar":
            rect = g.find(f"{SVG}rect")
            assert rect is not None
            lengths[g.get("data-key", "")] = float(rect.get(attribute, "nan"))
    return lengths


def _proportional(svg: ET.Element, attribute: str) -> None:
    values, lengths = _bars(svg), _lengths(svg, attribute)
    top = max(values.values())
    longest = max(lengths.values())
    for key, value in values.items():
        assert lengths[key] == pytest.approx(value / top * longest, abs=0.02), key


def test_charts_match_the_json_findings(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = json.loads(_run(capsys, str(drafts), "--output-format", "json"))
    page = _run(capsys, str(drafts), "--output-format", "html")
    charts = _charts(page)
    assert set(charts) == {"clean", "rules", "organs", "languages", "years"}

    per_rule = Counter(f["code"] for f in findings)
    assert _bars(charts["rules"]) == per_rule
    _proportional(charts["rules"], "width")

    per_file = Counter(Path(f["filename"]).name for f in findings)
    files = sorted(p.name for p in drafts.iterdir())
    clean = [name for name in files if not per_file[name]]
    assert clean == ["ga-2016-clean.txt", "ga-2021-clean.txt", "hrc-2020-clean.txt"]
    assert _bars(charts["clean"]) == {"clean": 3, "findings": 5}

    def total(*names: str) -> int:
        return sum(per_file[name] for name in names)

    ga = ("ga-2019.txt", "ga-2019b.txt", "ga-2021-clean.txt", "ga-2016-clean.txt", "undated.txt")
    assert _bars(charts["organs"]) == {
        "ga": total(*ga),
        "sc": total("sc-2017.fr.txt"),
        "hrc": total("hrc-2020.txt", "hrc-2020-clean.txt"),
    }
    _proportional(charts["organs"], "width")
    assert _bars(charts["languages"]) == {
        "en": total(*(name for name in files if ".fr." not in name)),
        "fr": total("sc-2017.fr.txt"),
    }
    # a time line: every year from the first to the last, those without files at zero
    assert _bars(charts["years"]) == {
        "2016": 0,
        "2017": total("sc-2017.fr.txt"),
        "2018": 0,
        "2019": total("ga-2019.txt", "ga-2019b.txt"),
        "2020": total("hrc-2020.txt"),
        "2021": 0,
    }
    _proportional(charts["years"], "height")
    assert "1 file without a date" in page


def test_worst_files_first_link_to_their_sections(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = json.loads(_run(capsys, str(drafts), "--output-format", "json"))
    page = _run(capsys, str(drafts), "--output-format", "html")
    audit = page[page.index('id="audit"') : page.index("</section>", page.index('id="audit"'))]
    rows = re.findall(r'<tr><td><a href="#(f\d+)"><code>([^<]+)</code></a>', audit)
    counts = Counter(f["filename"] for f in findings)
    assert [counts[path] for _, path in rows] == sorted(
        (counts[path] for _, path in rows), reverse=True
    )
    assert len(rows) == 8
    for key, path in rows:  # each link leads to that file's annotated section
        section = page.index(f'id="{key}"')
        assert f"<h2>{path}</h2>" in page[section : section + 400]


def test_summaries_match_the_json_findings(
    drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = json.loads(_run(capsys, str(drafts), "--output-format", "json"))
    summary = json.loads(_run(capsys, str(drafts), "--output-format", "summary-json"))
    table = list(
        csv.DictReader(io.StringIO(_run(capsys, str(drafts), "--output-format", "summary-csv")))
    )
    _agree(findings, summary, table)
    assert {f["path"].rpartition("/")[2]: f["year"] for f in summary["files"]} == {
        "ga-2019.txt": 2019,
        "ga-2019b.txt": 2019,
        "ga-2021-clean.txt": 2021,
        "ga-2016-clean.txt": 2016,
        "sc-2017.fr.txt": 2017,
        "hrc-2020.txt": 2020,
        "hrc-2020-clean.txt": 2020,
        "undated.txt": None,
    }
    # the page's download links carry the same figures
    page = _run(capsys, str(drafts), "--output-format", "html")
    linked = re.search(r'href="data:application/json;charset=utf-8,([^"]+)"', page)
    assert linked is not None and json.loads(unquote(linked.group(1))) == summary
    linked = re.search(r'href="data:text/csv;charset=utf-8,([^"]+)"', page)
    assert (
        linked is not None and list(csv.DictReader(io.StringIO(unquote(linked.group(1))))) == table
    )


def _agree(findings: list, summary: dict, table: list[dict[str, str]]) -> None:  # type: ignore[type-arg]
    """The summary and the CSV table say what the JSON findings say."""
    per_rule = Counter(f["code"] for f in findings)
    per_file = Counter(f["filename"] for f in findings)
    totals = summary["totals"]
    assert totals["findings"] == len(findings)
    assert {r["code"]: r["findings"] for r in summary["rules"]} == per_rule
    for rule in summary["rules"]:
        assert rule["files"] == len({f["filename"] for f in findings if f["code"] == rule["code"]})
    assert {f["path"]: f["findings"] for f in summary["files"] if f["findings"]} == per_file
    assert totals["clean"] == sum(1 for f in summary["files"] if not f["findings"])
    for f in summary["files"]:
        rules = Counter(v["code"] for v in findings if v["filename"] == f["path"])
        assert f["rules"] == rules
    for dimension in ("organs", "years", "sessions", "languages"):
        assert sum(g["findings"] for g in summary[dimension]) == len(findings)
        assert sum(g["files"] for g in summary[dimension]) == totals["files"]
    rows = {(row["table"], row["key"]): row for row in table}
    assert rows[("total", "")]["findings"] == str(len(findings))
    assert rows[("total", "")]["clean"] == str(totals["clean"])
    for code, count in per_rule.items():
        assert rows[("rule", code)]["findings"] == str(count)
    for path, count in per_file.items():
        assert rows[("file", path)]["findings"] == str(count)
    for dimension in ("organ", "year", "session", "language"):
        for group in summary[dimension + "s"]:
            row = rows[(dimension, group["key"])]
            assert (row["files"], row["clean"], row["findings"]) == (
                str(group["files"]),
                str(group["clean"]),
                str(group["findings"]),
            )


@pytest.mark.corpus
def test_summaries_match_the_json_findings_on_real_resolutions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus_sample(tmp_path / "sample", 40)
    findings = json.loads(_run(capsys, str(folder), "--output-format", "json"))
    summary = json.loads(_run(capsys, str(folder), "--output-format", "summary-json"))
    table = list(
        csv.DictReader(io.StringIO(_run(capsys, str(folder), "--output-format", "summary-csv")))
    )
    assert findings and len(summary["files"]) > 25
    _agree(findings, summary, table)
    organs = {g["key"] for g in summary["organs"]}
    assert {"ga", "sc", "hrc"} <= organs


def test_one_file_keeps_the_plain_report(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _run(capsys, str(drafts / "ga-2019.txt"), "--output-format", "html")
    assert 'id="audit"' not in page and "<svg" not in page
    assert 'id="rules"' in page  # the table of rules found opens the page


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_browser() is None, reason="no Chromium installed (apt-get install chromium)")
def test_the_charts_render_in_chromium(
    drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    page = tmp_path / "report.html"
    main(
        ["check", str(drafts), "--no-cache", "--output-format", "html", "--output-file", str(page)]
    )
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [
            str(_browser()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert shot.is_file(), done.stderr.decode(errors="replace")
    image = Image.open(shot).convert("RGB")
    colours = Counter(
        image.getpixel((x, y)) for x in range(image.width) for y in range(image.height)
    )
    # the share bar (clean green, findings amber), the rules' bars (error red) and the
    # organ, language and year bars (blue) are painted, each over a real area
    for colour in ("#2e8b57", "#d68910", "#c0392b", "#3b6ea5"):
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert colours[rgb] > 300, colour


def test_files_without_a_resolution_are_counted_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GA.format(year=2019))
    (tmp_path / "b.txt").write_text(GA_CLEAN.format(year=2020))
    (tmp_path / "notes.txt").write_text("Minutes of the meeting.\n\nThe chair opened it.\n")
    page = _run(capsys, str(tmp_path), "--output-format", "html")
    assert "<b>2 resolutions</b> checked" in page
    assert "1 file without a resolution skipped" in page
