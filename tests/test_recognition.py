"""Files that hold no resolution are skipped with one line; resolutions anywhere are found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint.parser import parse_document
from reslint.readers.markdown import render_markdown
from reslint.recognition import resolution_found
from tests.conftest import SHARED
from tests.helpers import reslint

REALDOCS = SHARED / "realdocs"

BUDGET = """Section 17
Economic development in Africa

Overall orientation

1. The Office will support Member States in the implementation of the Agenda.

2. The subprogramme will continue to work with regional economic communities.

3. In doing so, the subprogramme will:

(a) Provide policy advice;

(b) Organize workshops.

Table 17.1 Resources by component (thousands of United States dollars)
"""

REPORT_WITH_DRAFT = """Report of the Third Committee

1. At its 20th meeting, the Committee considered the item.

2. The Third Committee recommends to the General Assembly the adoption of the
following draft resolution:

The General Assembly,

Recalling its resolution 78/1,

1. Decides to continue the consideration of the question at its eightieth session,
"""

COMPILATION_EXTRACT = """Noting with concern the delay in the publication of the report,

Noting that both reports indicate that the situation has not improved,

1. Calls upon the authorities to respect human rights;

2. Requests the Commission to continue its work;

3. Decides to consider the question at its thirty-fifth session.
"""

README = """# Drafts

This repository keeps our drafts.

```text
The General Assembly,

Recalling its resolution 78/1,

1. Decides to remain seized of the matter.
```

Run the linter before you open a pull request.
"""


def test_resolution_evidence() -> None:
    assert not resolution_found(parse_document(BUDGET, "en"))
    assert resolution_found(parse_document(REPORT_WITH_DRAFT, "en"))
    assert resolution_found(parse_document(COMPILATION_EXTRACT, "en"))
    assert resolution_found(parse_document("73/3.\n\nPolitical declaration\n", "en"))


def test_markdown_code_blocks_are_not_drafting() -> None:
    rendering = render_markdown(README)
    assert "General Assembly" not in rendering.text
    assert "Run the linter" in rendering.text
    # a fence left open runs to the end of the file
    assert "Decides" not in render_markdown("Intro\n\n~~~\n1. Decides;\n").text


def test_a_file_without_a_resolution_is_skipped_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT_WITH_DRAFT, encoding="utf-8")
    run = reslint("check", "--no-cache", "--output-format", "json", str(tmp_path))
    assert run.code == 1  # the draft in the report is linted
    found = json.loads(run.out)
    assert {Path(v["filename"]).name for v in found} == {"report.txt"}
    skipped = [line for line in run.err.splitlines() if "no resolution found" in line]
    assert len(skipped) == 2
    assert all("budget.txt" in line or "README.md" in line for line in skipped)


def test_skipped_files_alone_exit_clean_and_can_be_linted_anyway(tmp_path: Path) -> None:
    budget = tmp_path / "budget.txt"
    budget.write_text(BUDGET, encoding="utf-8")
    run = reslint("check", "--no-cache", str(budget))
    assert run.code == 0
    assert run.err.strip() == f"reslint: {budget}: no resolution found; skipped " + (
        "(--lint-non-resolutions lints it anyway)"
    )
    assert reslint("check", "--no-cache", "--lint-non-resolutions", str(budget)).code == 1
    (tmp_path / "reslint.toml").write_text("lint-non-resolutions = true\n", encoding="utf-8")
    assert reslint("check", "--no-cache", str(budget), cwd=tmp_path).code == 1
    (tmp_path / "reslint.toml").write_text('lint-non-resolutions = "yes"\n', encoding="utf-8")
    broken = reslint("check", "--no-cache", str(budget), cwd=tmp_path)
    assert broken.code == 2 and "'lint-non-resolutions' must be true or false" in broken.err


def test_skipping_is_the_same_in_worker_processes(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"budget{index}.txt").write_text(BUDGET, encoding="utf-8")
    run = reslint("check", "--no-cache", "--jobs", "2", str(tmp_path))
    assert run.code == 0
    assert run.err.count("no resolution found") == 3


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="needs ../shared/realdocs (real UN files)")
def test_budget_fascicles_are_not_resolutions() -> None:
    files = sorted((REALDOCS / "nonres").iterdir())
    run = reslint("check", "--no-cache", "--output-format", "json", *map(str, files))
    assert run.code == 0, run.err
    assert json.loads(run.out) == []
    assert run.err.count("no resolution found") == len(files)
