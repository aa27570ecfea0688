"""The HTML report: one self-contained page, findings marked on their exact text.

The page is checked twice: as markup (every finding marked on the text the JSON
output points at, everything escaped, nothing fetched from the network) and,
where Chromium is installed, as a page a browser really renders.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from reslint.formatters.html_marks import Decoration, render_stretch
from reslint.text import Span
from tests.helpers import Run, reslint

BROKEN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003;

Noting the statement <script>alert("pwned")</script> & "others",

Recalling also the Millennium Declaration,

1. Decides to convene a high-level meeting.

3. Requests the Secretary-General to report thereon.
"""
CLEAN = """The General Assembly,

Recalling its resolution 58/170 of 22 December 2003,

1. Decides to convene a high-level meeting;

2. Requests the Secretary-General to report thereon.
"""
MARKDOWN = """The General Assembly,

*Recalling* its resolution 58/170 of 22 December 2003[^1];

1. *Decides* to convene a high-level meeting.

2. *Requests* the Secretary-General to report thereon.

[^1]: See *A/RES/58/170*.
"""


class Page(HTMLParser):
    """Collect what the tests look at: file sections, marks, tags, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.sections: dict[str, str] = {}  # section id → file path (its h2)
        self.marks: dict[tuple[str, str], str] = {}  # (section id, data-v) → marked text
        self.mark_codes: dict[tuple[str, str], str] = {}
        self._section = ""
        self._open_marks: list[tuple[str, str]] = []
        self._in_h2 = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag == "section" and "file" in values.get("class", "").split():
            self._section = values["id"]
        elif tag == "h2" and self._section and self._section not in self.sections:
            self._in_h2 = True
            self.sections[self._section] = ""
        elif tag == "mark":
            key = (self._section, values["data-v"])
            self.marks.setdefault(key, "")
            self.mark_codes[key] = values.get("data-code", "")
            self._open_marks.append(key)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open_marks.pop()
        elif tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_h2:
            self.sections[self._section] += data
        for key in self._open_marks:
            self.marks[key] += data


def _parse(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page


def _offset(text: str, row: int, column: int) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(line) for line in lines[: row - 1]) + column - 1


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "broken.txt").write_text(BROKEN, "utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, "utf-8")
    (tmp_path / "notes & drafts.md").write_text(MARKDOWN, "utf-8")
    return tmp_path


def _html(directory: Path, *args: str) -> tuple[Run, str]:
    run = reslint(
        "check", "--output-format", "html", "--output-file", "report.html", *args, cwd=directory
    )
    return run, (directory / "report.html").read_text("utf-8")


def _findings(directory: Path, *paths: str) -> list[dict[str, Any]]:
    run = reslint("check", "--output-format", "json", *paths, cwd=directory)
    records: list[dict[str, Any]] = json.loads(run.out)
    return records


def test_every_finding_is_marked_on_the_exact_text_the_json_output_points_at(
    drafts: Path,
) -> None:
    run, markup = _html(drafts, ".")
    assert run.code == 1, run.err
    assert run.out == ""
    page = _parse(markup)
    records = _findings(drafts, ".")
    assert {r["filename"] for r in records} >= {"broken.txt", "notes & drafts.md"}
    by_path = {path: key for key, path in page.sections.items()}
    seen: dict[str, int] = {}
    for record in records:
        text = (drafts / record["filename"]).read_text("utf-8")
        start = _offset(text, record["location"]["row"], record["location"]["column"])
        end = _offset(text, record["end_location"]["row"], record["end_location"]["column"])
        section = by_path[record["filename"]]
        index = seen.get(section, 0)
        seen[section] = index + 1
        key = (section, str(index))
        assert page.mark_codes[key] == record["code"]
        assert page.marks[key] == text[start:end], record
        assert record["code"] in markup
        assert record["message"] in "".join(page.text)
    assert len(page.marks) == len(records)


def test_the_page_has_structure_an_index_and_the_rules_explained(drafts: Path) -> None:
    _, markup = _html(drafts, ".")
    page = _parse(markup)
    classes = [attrs.get("class", "") for _, attrs in page.tags]
    for kind in ("organ", "preambular", "operative", "footnote"):
        assert any(f"block {kind}" in c for c in classes), kind
    # openers in italics, in the plain text and the Markdown draft alike
    assert '<em class="opener">Recalling</em>' in markup
    assert '<em class="opener">Decides</em>' in markup
    assert '<span class="markup">*</span><em class="opener">Recalling</em>' in markup
    # the index links each file's section and lists the clean one as clean
    links = {attrs["href"] for tag, attrs in page.tags if tag == "a" and "href" in attrs}
    assert {f"#{key}" for key in page.sections} <= links
    assert set(page.sections.values()) == {"broken.txt", "clean.txt", "notes & drafts.md"}
    clean_row = re.search(r"<tr><td><a href=\"#f\d\"><code>clean.txt</code>.*?</tr>", markup)
    assert clean_row is not None and ">clean<" in clean_row.group(0)
    # every rule found is explained from its own documentation, and linked to
    for code in {r["code"] for r in _findings(drafts, ".")}:
        section = re.search(
            rf'<section class="rule" id="rule-{code}">(.*?)</section>', markup, re.DOTALL
        )
        assert section is not None, code
        shown = " ".join("".join(_parse(section.group(1)).text).split())
        # the explanation `reslint rule CODE` prints, paragraph by paragraph
        explained = reslint("rule", code).out.split("\n\n")
        for paragraph in (explained[1], explained[-1]):
            plain = re.sub(r"[`*]|^#+ ", "", paragraph, flags=re.MULTILINE)
            assert " ".join(plain.split()) in shown, code
        assert f'href="#rule-{code}"' in markup


def test_the_draft_text_is_escaped_and_nothing_comes_from_the_network(drafts: Path) -> None:
    _, markup = _html(drafts, ".")
    assert "<script>alert" not in markup
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;others&quot;" in (
        markup
    )
    page = _parse(markup)
    assert "script" not in {tag for tag, _ in page.tags}
    assert 'alert("pwned")' in "".join(page.text)
    assert "notes &amp; drafts.md" in markup
    external = [
        (tag, name, value)
        for tag, attrs in page.tags
        for name, value in attrs.items()
        if name in ("src", "href") and re.match(r"\s*(?:[a-z]+:)?//", value, re.I)
    ]
    assert external == []
    assert "<link" not in markup
    assert "@import" not in markup
    assert "url(" not in markup


def test_the_report_is_one_finished_document_even_with_quiet_and_statistics(
    drafts: Path,
) -> None:
    run = reslint(
        "check", "--output-format", "html", "--quiet", "--statistics", "broken.txt", cwd=drafts
    )
    assert run.code == 1
    assert run.out.startswith("<!DOCTYPE html>")
    assert run.out.endswith("</html>\n")
    clean = reslint("check", "--output-format", "html", "clean.txt", cwd=drafts)
    assert clean.code == 0
    assert ">clean<" in clean.out
    assert "<mark" not in clean.out


def test_crossing_decorations_split_without_losing_or_repeating_text() -> None:
    text = "Recalling also the Declaration,"
    opener = Decoration(Span(0, 14), "<em>", "</em>", 1)
    finding = Decoration(Span(10, 22), '<mark data-v="0">', "</mark>", 10)
    html = render_stretch(text, 0, len(text), [opener, finding])
    assert html == (
        '<em>Recalling </em><em><mark data-v="0">also</mark></em>'
        '<mark data-v="0"> the Dec</mark>laration,'
    )
    page = _parse(html)
    assert "".join(page.text) == text


# --- in a real browser ---------------------------------------------------------------


def _chromium() -> str:
    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("chromium not installed: the browser test runs where it is")
    return browser


def _browse(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_headless_browser_renders_the_findings(drafts: Path, tmp_path: Path) -> None:
    browser = _chromium()
    run, _ = _html(drafts, ".")
    assert run.code == 1, run.err
    report = drafts / "report.html"
    dom = _browse(browser, tmp_path / "profile", "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = _parse(dom.stdout)
    records = _findings(drafts, ".")
    assert len(page.marks) == len(records)
    rendered = "".join(page.text)
    for record in records:
        assert record["code"] in set(page.mark_codes.values())
        assert record["message"] in rendered
    # the draft's <script> text stayed text in the browser too
    assert 'alert("pwned")' in rendered
    assert "script" not in {tag for tag, _ in page.tags}
    shot = tmp_path / "report.png"
    done = _browse(
        browser,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        report.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a blank 1280x2000 page compresses to a few hundred bytes
