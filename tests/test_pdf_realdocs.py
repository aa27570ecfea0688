"""PDF files as the UN publishes them (../shared/realdocs/pdf), read and linted.

The generated PDFs of test_pdf.py are laid out as the tests decide; these are
the UN's own: a masthead with the symbol set in two sizes, a symbol block in
the margin, running heads in mirror order, star notes under the sponsors,
numbered lists with hanging indents.  Every expectation about a place in a
file was read off the file itself (``pdftotext -layout``).
"""

from __future__ import annotations

import pytest

from reslint.api import Linter
from reslint.model import Document, NodeKind
from reslint.readers import Extraction
from tests.conftest import SHARED

pytest.importorskip("pypdfium2")
REALDOCS = SHARED / "realdocs" / "pdf"
pytestmark = pytest.mark.skipif(
    not REALDOCS.is_dir(), reason=f"the UN's own PDFs are not beside the repository ({REALDOCS})"
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_plugins=False)


def lint(linter: Linter, name: str) -> tuple[Document, list]:
    outcome = linter.lint_file(REALDOCS / name)
    assert outcome.error is None and outcome.result is not None, outcome.error
    return outcome.result.document, outcome.result.violations


def extraction(name: str) -> Extraction:
    from reslint.readers.pdf import read

    path = REALDOCS / name
    return read(path, path.read_bytes(), None)


@pytest.mark.parametrize(
    "name",
    [
        "A_RES_79_104.pdf",  # footnotes on every page, a running head on facing pages
        "A_RES_78_1.pdf",  # a declaration annexed, numbered paragraphs of its own
        "A_RES_78_51.pdf",  # two pages: a running head that comes back nowhere
        "A_RES_78_261.pdf",  # a running head on two rows
        "A_RES_79_260.pdf",  # a subparagraph carried over to the next page
    ],
)
def test_adopted_resolutions_lint_clean(linter: Linter, name: str) -> None:
    document, violations = lint(linter, name)
    assert [(v.code, v.message) for v in violations] == []
    assert document.source_format == "pdf" and document.from_pdf
    assert document.operative and document.organ == "ga"
    assert not [n for n in document.nodes if n.kind is NodeKind.UNCLASSIFIED]


def test_the_masthead_symbol_is_front_matter_not_calls(linter: Linter) -> None:
    """'A/RES/79/104' sets its 'A' in 20 points and the rest in 10: no call 79, no call 104."""
    document, _ = lint(linter, "A_RES_79_104.pdf")
    assert [call.number for call in document.calls] == list(range(1, 10))
    assert [node.number for node in document.footnotes] == [str(n) for n in range(1, 10)]
    assert document.symbol == "A/RES/79/104" and document.session == 79
    header = document.nodes[0]
    assert header.kind is NodeKind.HEADER and "A/RES/79/104" in header.text
    assert "[^" not in header.text
    # the symbol block of the margin (session, agenda item) comes before the title
    kinds = [node.kind for node in document.nodes]
    assert kinds.index(NodeKind.TITLE) < kinds.index(NodeKind.ORGAN)
    assert all(kind is NodeKind.HEADER for kind in kinds[: kinds.index(NodeKind.TITLE)])


def test_a_paragraph_continues_under_a_running_head(linter: Linter) -> None:
    """Page 2 of A/RES/78/51 opens with its head and the rest of a preambular paragraph."""
    document, _ = lint(linter, "A_RES_78_51.pdf")
    [node] = [n for n in document.preambular if "programme of action on disarmament" in n.text]
    assert node.text.rstrip().endswith(",")
    assert "Radiological weapons" not in node.text and "A/RES/78/51" not in node.text
    rendering = extraction("A_RES_78_51.pdf").rendering
    assert rendering.locations is not None
    labels = {rendering.locations.label(o) for o in range(node.span.start, node.span.end)}
    assert {label.split(",")[0] for label in labels} == {"page 1", "page 2"}


def test_the_star_note_under_the_sponsors_is_front_matter(linter: Linter) -> None:
    """'* On behalf of the States Members…' at the foot of page 1 does not cut a paragraph."""
    document, violations = lint(linter, "A_C.1_80_L.14.pdf")
    assert violations == []
    [note] = [n for n in document.nodes if n.text.startswith("* On behalf of")]
    assert note.kind is NodeKind.HEADER
    [node] = [n for n in document.preambular if "among the nations of the world" in n.text]
    assert node.text.rstrip().endswith("central role,")


def test_a_numbered_list_with_hanging_indents(linter: Linter) -> None:
    """The agenda of a congress, numbered 1.–7. with its rows hanging under the text."""
    document, _ = lint(linter, "A_RES_78_223.pdf")
    items = [n.text for n in document.nodes if n.kind is NodeKind.QUOTED]
    assert (
        "3. Advancing innovative and evidence-based crime prevention strategies towards "
        "social, economic and environmental development." in items
    )
    assert [n.number for n in document.operative if n.parent is None] == [
        str(n) for n in range(1, 25)
    ]


def test_findings_point_at_page_and_line_of_the_pdf(linter: Linter) -> None:
    """A/C.6/80/L.16 numbers its sixth paragraph '6' without a full stop (page 3, line 5)."""
    document, violations = lint(linter, "A_C.6_80_L.16.pdf")
    locations = extraction("A_C.6_80_L.16.pdf").rendering.locations
    assert locations is not None
    assert [(v.code, locations.label(v.span.start)) for v in violations] == [
        ("ST003", "page 3, line 5"),
        ("NU001", "page 3, line 9"),
    ]
    unclassified = next(n for n in document.nodes if n.kind is NodeKind.UNCLASSIFIED)
    assert unclassified.text.startswith("6 Also reaffirms the important role")
