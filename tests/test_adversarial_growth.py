"""Work grows linearly with the input: ten times the paragraphs, about ten times the time.

Each test times one path on a hostile text of ``SMALL`` and ``10 * SMALL``
paragraphs in CPU time of this process (best of two runs), so that other work on a
busy machine does not decide, and requires
the ratio to stay well under the hundredfold of a quadratic path.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Callable

import pytest

GROWTH_LIMIT = 20.0
"""Ten times the input may take at most this many times longer (linear: 10, quadratic: 100)."""


def best_time(work: Callable[[], object], runs: int = 2) -> float:
    """Return the best CPU time of ``runs`` runs, the garbage collector held off during each."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], small: int, runs: int = 2) -> float:
    """Return t(10 × small) / t(small) for the work ``make(size)`` prepares."""
    small_work, large_work = make(small), make(10 * small)
    small_work()  # caches, lazy imports

    def ten_small() -> None:  # as long as the large run, so that noise weighs the same
        for _ in range(10):
            small_work()

    return 10 * best_time(large_work, runs) / max(best_time(ten_small, runs), 1e-4)


def misnumbered(paragraphs: int) -> str:
    """Operative paragraphs numbered 1, 3, 5…: one finding each."""
    body = "".join(f"{2 * index + 1}. Decides to act;\n\n" for index in range(paragraphs))
    return f"The General Assembly,\n\n{body}"


def test_the_html_page_of_a_file_grows_linearly_with_its_findings() -> None:
    from reslint.api import Linter
    from reslint.formatters.base import FileReport
    from reslint.formatters.html_document import FileView
    from reslint.formatters.html_structure import structure_of

    linter = Linter(load_plugins=False)

    def make(size: int) -> Callable[[], object]:
        text = misnumbered(size)
        result = linter.lint_text(text)
        report = FileReport("draft.txt", text, tuple(result.violations))
        structure = structure_of(report)
        assert len(report.violations) >= size
        return lambda: FileView(report, structure, "f1").html()

    assert growth(make, 300) < GROWTH_LIMIT


def test_annotate_grows_linearly_with_the_findings_of_a_word_draft(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from reslint.annotate import annotate
    from reslint.api import Linter
    from tests import adversarial_files as files

    linter = Linter(load_plugins=False)

    def make(size: int) -> Callable[[], object]:
        paragraphs = [files.paragraph("The General Assembly,")] + [
            files.paragraph(f"Decides to act {index},", numbered=True) for index in range(size)
        ]
        draft = files.word_draft(tmp_path / f"draft{size}.docx", paragraphs)
        return lambda: annotate(linter, draft, tmp_path / f"reviewed{size}.docx")

    assert growth(make, 150, runs=1) < GROWTH_LIMIT


@pytest.mark.parametrize("name", ["sarif", "gitlab"])
def test_each_output_format_grows_linearly_with_the_findings(name: str) -> None:
    import io

    from reslint.api import Linter
    from reslint.formatters.base import FileReport, Summary

    linter = Linter(load_plugins=False)

    def make(size: int) -> Callable[[], object]:
        text = misnumbered(size)
        report = FileReport("draft.txt", text, tuple(linter.lint_text(text).violations))

        def run() -> None:
            formatter = linter.formatters[name](io.StringIO())
            formatter.registry = linter.registry
            formatter.start()
            formatter.file(report)
            formatter.finish(Summary(1, len(report.violations), 0, 0, 0))

        return run

    assert growth(make, 400) < GROWTH_LIMIT


def test_parsing_grows_linearly_with_the_subparagraphs_of_a_paragraph() -> None:
    from reslint.parser import parse_document

    def make(size: int) -> Callable[[], object]:
        text = "The General Assembly,\n\n1. Decides:\n\n" + "(i) To act;\n\n" * size
        return lambda: parse_document(text)

    assert growth(make, 400) < GROWTH_LIMIT
