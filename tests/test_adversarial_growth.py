"""Work grows linearly with the input: ten times the paragraphs, about ten times the time.

Each test times one path on a hostile text of ``SMALL`` and ``10 * SMALL``
paragraphs (best of two runs, so a busy machine does not decide) and requires
the ratio to stay well under the hundredfold of a quadratic path.
"""

from __future__ import annotations

import time
from typing import Callable

GROWTH_LIMIT = 30.0
"""Ten times the input may take at most this many times longer (quadratic: 100)."""


def best_time(work: Callable[[], object], runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def growth(make: Callable[[int], Callable[[], object]], small: int) -> float:
    """Return t(10 × small) / t(small) for the work ``make(size)`` prepares."""
    small_work, large_work = make(small), make(10 * small)
    small_work()  # caches, lazy imports
    return best_time(large_work) / max(best_time(small_work), 1e-4)


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

    assert growth(make, 500) < GROWTH_LIMIT
