"""PDF resolutions: built with reportlab as the UN sets them, read back and linted.

The PDF of the seed resolution is made from the seed's own text: its paragraphs
and footnotes, the calls where the seed has them, italic openers, a running
head, page numbers, a job number and footnotes under a short rule at the foot
of their page.  The builder records where it drew every row, so the expected
page and line of a finding are computed, not written down.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

import pytest

from reslint.parser import parse_rendering
from tests.helpers import ROOT, reslint

pytest.importorskip("pypdfium2")
canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402

SEED = ROOT / "examples" / "A_RES_59_187.fr.txt"
SYMBOL = "A/RES/59/187"
CALLS = (
    ("1993 1 ,", "1993{1},"),
    ("septembre 20002", "septembre 2000{2}"),
    ("l’homme3,", "l’homme{3},"),
    ("l’homme4,", "l’homme{4},"),
)
"""Where the seed's extraction left each call, and where the PDF sets it (``{N}``)."""

ROMAN, ITALIC, BOLD = "Times-Roman", "Times-Italic", "Times-Bold"
BODY, LEADING, PARAGRAPH_GAP, INDENT, TAB = 10.0, 12.0, 6.0, 36.0, 24.0
NOTE, NOTE_LEADING, RULE_SPACE = 8.0, 9.5, 14.0
CALL_SIZE, CALL_RISE = 6.5, 3.5
PAGE = (420.0, 640.0)
MARGIN = 54.0

Piece = tuple[str, str]
"""Text and style: a font name, or ``sup`` for a superscript call."""


# --- the seed's text -------------------------------------------------------


@dataclass
class Paragraph:
    kind: str
    text: str


def seed_content() -> tuple[list[Paragraph], dict[int, str]]:
    """Return the seed's paragraphs (page furniture dropped, page breaks mended) and notes."""
    paragraphs: list[str] = []
    notes: dict[int, str] = {}
    current: list[str] = []
    in_notes = False

    def close() -> None:
        if current:
            text = " ".join(" ".join(current).split())
            if paragraphs and text[:1].islower():  # continued from the page before
                paragraphs[-1] += " " + text
            else:
                paragraphs.append(text)
            current.clear()

    for raw in SEED.read_text("utf-8").splitlines():
        text = raw.strip()
        if text.startswith("_____"):
            close()
            in_notes = True
            continue
        if in_notes:
            note = re.match(r"(\d+) (.*)", text)
            if note:
                notes[int(note.group(1))] = note.group(2)
                last = int(note.group(1))
                continue
            if text and not raw[:1].isspace():
                notes[last] += " " + text
                continue
            in_notes = False
        if not text or text == SYMBOL or text.isdigit():
            close()
            continue
        current.append(text)
    close()
    result = []
    for index, text in enumerate(paragraphs):
        for found, placed in CALLS:
            text = text.replace(found, placed)
        if index == 0:
            kind = "title"
        elif index == 1:
            kind = "organ"
        elif re.match(r"\d+\. ", text):
            kind = "operative"
        else:
            kind = "preambular"
        result.append(Paragraph(kind, text))
    return result, notes


# --- a small typesetter ----------------------------------------------------


@dataclass
class Row:
    """A row drawn on a page: baseline, left edge, words, and the paragraph it belongs to."""

    y: float
    x: float
    words: list[list[Piece]]
    size: float = BODY
    paragraph: int | None = None
    note: int | None = None
    label: str = ""
    """An operative paragraph's number, set at the indent with a tab after it."""

    @property
    def text(self) -> str:
        words = ["".join(t if s != "sup" else f"{{{t}}}" for t, s in w) for w in self.words]
        return " ".join([self.label, *words] if self.label else words)


@dataclass
class Page:
    number: int
    rows: list[Row] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    rule: float | None = None

    def line_of(self, row: Row) -> int:
        """Return the row's line on the page, counting every row drawn from the top."""
        return 1 + sum(other.y > row.y + 0.5 for other in self.rows)


def words(text: str, style: str) -> list[list[Piece]]:
    """Split text into words made of pieces; ``{N}`` becomes a superscript glued to its word."""
    result: list[list[Piece]] = []
    for word in text.split():
        pieces: list[Piece] = []
        for part in re.split(r"(\{\d+\})", word):
            if part.startswith("{"):
                pieces.append((part[1:-1], "sup"))
            elif part:
                pieces.append((part, style))
        result.append(pieces)
    return result


def styled(paragraph: Paragraph) -> tuple[list[list[Piece]], float, str]:
    """Return a paragraph's words, first-row indent and label, UN fashion.

    Openers and operative verbs are italic; an operative number stands at the
    indent with a tab after it.
    """
    text = paragraph.text
    if paragraph.kind == "title":
        return words(text, BOLD), 0.0, ""
    if paragraph.kind == "organ":
        return words(text, ITALIC), INDENT, ""
    if paragraph.kind == "operative":
        number, verb, rest = text.split(" ", 2)
        if rest.startswith("instamment "):
            verb, rest = verb + " instamment", rest.split(" ", 1)[1]
        return [*words(verb, ITALIC), *words(rest, ROMAN)], INDENT + TAB, number
    opener, rest = text.split(" ", 1)
    if rest.startswith("également "):
        opener, rest = opener + " également", rest.split(" ", 1)[1]
    return words(opener, ITALIC) + words(rest, ROMAN), INDENT, ""


def width(word: list[Piece], size: float = BODY) -> float:
    return sum(
        stringWidth(text, ROMAN, CALL_SIZE) if style == "sup" else stringWidth(text, style, size)
        for text, style in word
    )


def wrap(
    word_list: list[list[Piece]], first: float, rest: float, measure: float, size: float = BODY
) -> list[tuple[float, list[list[Piece]]]]:
    """Break words into rows (greedy), with the indent of each row."""
    rows: list[tuple[float, list[list[Piece]]]] = []
    current: list[list[Piece]] = []
    used = 0.0
    space = stringWidth(" ", ROMAN, size)
    for word in word_list:
        indent = first if not rows else rest
        extra = width(word, size) + (space if current else 0.0)
        if current and used + extra > measure - indent:
            rows.append((indent, current))
            current, used = [], 0.0
            extra = width(word, size)
        current.append(word)
        used += extra
    if current:
        rows.append((first if not rows else rest, current))
    return rows


@dataclass
class Typeset:
    """A document laid out on pages, ready to draw and to ask where things are."""

    pages: list[Page]
    notes: dict[int, str]


def typeset(
    paragraphs: list[Paragraph], notes: dict[int, str], gap: float = PARAGRAPH_GAP
) -> Typeset:
    """Lay paragraphs out on pages; a row goes on the next page when it and its notes do not fit.

    ``gap`` is the space between paragraphs (0: paragraphs told by their indent only).
    """
    page_width, page_height = PAGE
    measure = page_width - 2 * MARGIN
    top, bottom = page_height - MARGIN, MARGIN
    pages = [Page(1)]
    y = top

    def note_rows(number: int) -> list[tuple[float, list[list[Piece]]]]:
        return wrap(words(notes.get(number, "?"), ROMAN), 8.0, 8.0, measure, NOTE)

    def notes_height(numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        return RULE_SPACE + NOTE_LEADING * sum(len(note_rows(n)) for n in numbers)

    for index, paragraph in enumerate(paragraphs):
        word_list, first, label = styled(paragraph)
        if paragraph.kind == "title":
            rows = wrap(word_list, 0.0, 0.0, measure * 0.75)
            hang = width(word_list[0]) + stringWidth(" ", BOLD, BODY)
            rows = [(0.0 if n == 0 else hang, r) for n, (_, r) in enumerate(rows)]
        else:
            rows = wrap(word_list, first, 0.0, measure)
        for number, (indent, row_words) in enumerate(rows):
            step = LEADING + (gap if number == 0 and y < top else 0.0)
            called = [int(t) for w in row_words for t, s in w if s == "sup" and int(t) in notes]
            page = pages[-1]
            new_notes = [n for n in called if n not in page.notes]
            if y - step < bottom + notes_height(page.notes + new_notes):
                pages.append(Page(len(pages) + 1))
                page, y, step = pages[-1], top, LEADING
            y -= step
            page.notes.extend(n for n in new_notes if n not in page.notes)
            label_here = "" if number else label
            page.rows.append(Row(y, MARGIN + indent, row_words, paragraph=index, label=label_here))
    for page in pages:
        if page.notes:
            y = bottom + notes_height(page.notes) - 5.0
            page.rule = y
            y -= RULE_SPACE - 5.0 - NOTE_LEADING
            for number in page.notes:
                for count, (indent, row_words) in enumerate(note_rows(number)):
                    y -= NOTE_LEADING
                    if count == 0:
                        row_words, indent = [[(str(number), "sup")], *row_words], 0.0
                    page.rows.append(Row(y, MARGIN + indent, row_words, NOTE, note=number))
        if page.number == 1:
            page.rows.append(Row(24.0, MARGIN, [[("04-48383", ROMAN)], [("(F)", ROMAN)]], 8.0))
            page.rows.append(Row(24.0, page_width - MARGIN - 60, [[("*0448383*", ROMAN)]], 8.0))
        else:
            x = MARGIN if page.number % 2 == 0 else page_width - MARGIN - 60
            page.rows.append(Row(page_height - 30.0, x, [[(SYMBOL, BOLD)]], 8.0))
            page.rows.append(Row(24.0, page_width / 2, [[(str(page.number), ROMAN)]], 9.0))
    return Typeset(pages, notes)


def draw_row(canvas: Any, row: Row) -> None:
    """Draw one row, changing font only when the style changes (as word processors do)."""
    if row.label:
        canvas.setFont(ROMAN, row.size)
        canvas.drawString(MARGIN + INDENT, row.y, row.label)
    text = canvas.beginText(row.x, row.y)
    font: tuple[str, float] | None = None

    def use(name: str, size: float) -> None:
        nonlocal font
        if font != (name, size):
            text.setFont(name, size)
            font = (name, size)

    for count, word in enumerate(row.words):
        if count:
            use(font[0] if font else ROMAN, row.size)
            text.textOut(" ")
        for piece, style in word:
            if style == "sup":
                use(ROMAN, CALL_SIZE if row.size == BODY else row.size * 0.7)
                text.setRise(CALL_RISE)
                text.textOut(piece)
                text.setRise(0)
            else:
                use(style, row.size)
                text.textOut(piece)
    canvas.drawText(text)


def draw(document: Typeset, path: Path, rule: str | None = "line", **options: object) -> Path:
    """Draw a typeset document: footnote rule drawn (``line``), typed (``text``) or none."""
    canvas = canvas_module.Canvas(str(path), pagesize=PAGE, **options)
    for page in document.pages:
        for row in page.rows:
            draw_row(canvas, row)
        if page.rule is not None and rule == "line":
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, page.rule, MARGIN + 72, page.rule)
        elif page.rule is not None and rule == "text":
            canvas.setFont(ROMAN, NOTE)
            canvas.drawString(MARGIN, page.rule, "_" * 15)
        canvas.showPage()
    canvas.save()
    return path


def build(
    tmp_path: Path,
    name: str = "A_RES_59_187.fr.pdf",
    change: Callable[[list[Paragraph], dict[int, str]], None] | None = None,
    rule: str | None = "line",
    gap: float = PARAGRAPH_GAP,
) -> tuple[Path, Typeset]:
    """Build the PDF of the seed (``change`` edits its paragraphs and notes first)."""
    paragraphs, notes = seed_content()
    if change is not None:
        change(paragraphs, notes)
    document = typeset(paragraphs, notes, gap)
    return draw(document, tmp_path / name, rule), document


def italic_phrases(paragraphs: list[Paragraph]) -> list[str]:
    """Return the italic stretches the builder sets: organ line, openers, operative verbs."""
    phrases: list[str] = []
    for paragraph in paragraphs:
        word_list, _, _ = styled(paragraph)
        italic = ["".join(text for text, _ in word) for word in word_list if word[0][1] == ITALIC]
        if italic:
            phrases.append(" ".join(italic))
    return phrases


def model(path: Path) -> dict:
    run = reslint("parse", str(path), "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def comparable(node: dict) -> tuple:
    """Return what a node of the seed and of its PDF must share: all but positions."""
    text = " ".join(node["text"].split())
    if node["kind"] == "footnote":
        text = re.sub(r"^(?:\[\^\d+\]:|\d+)\s*", "", text)
    opener = node.get("opener") or {}
    return (
        node["kind"],
        node.get("number"),
        opener.get("phrase"),
        node.get("terminator"),
        node.get("footnote_calls"),
        text,
    )


def findings(path: Path) -> list[dict]:
    run = reslint("check", "--no-plugins", "--output-format", "json", str(path))
    assert run.code in (0, 1), run.err
    return json.loads(run.out)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Typeset]:
    return build(tmp_path_factory.mktemp("pdf"))


# --- the seed as a PDF ------------------------------------------------------


def test_the_pdf_is_laid_out_like_the_original(seed_pdf: tuple[Path, Typeset]) -> None:
    _, document = seed_pdf
    assert len(document.pages) >= 2
    pages_of = {}
    for page in document.pages:
        for row in page.rows:
            if row.paragraph is not None:
                pages_of.setdefault(row.paragraph, set()).add(page.number)
    assert any(len(pages) > 1 for pages in pages_of.values()), "no paragraph crosses a page"
    assert sum(bool(page.notes) for page in document.pages) >= 2
    texts = {page.number: [row.text for row in page.rows] for page in document.pages}
    assert any(text.startswith("04-48383") for text in texts[1])
    assert all(SYMBOL in texts[number] for number in texts if number > 1)


@pytest.mark.parametrize(
    ("rule", "gap"),
    [("line", PARAGRAPH_GAP), ("text", PARAGRAPH_GAP), (None, PARAGRAPH_GAP), ("line", 0.0)],
    ids=["drawn-rule", "typed-rule", "no-rule", "no-paragraph-spacing"],
)
def test_seed_pdf_lints_clean(tmp_path: Path, rule: str | None, gap: float) -> None:
    """Footnotes found under a drawn or typed rule or by their small type; paragraphs by indent."""
    path, _ = build(tmp_path, rule=rule, gap=gap)
    run = reslint("check", "--no-plugins", str(path))
    assert (run.code, run.err) == (0, ""), run.out + run.err
    assert "All checks passed!" in run.out


def test_seed_pdf_parses_like_the_seed_text(seed_pdf: tuple[Path, Typeset]) -> None:
    pdf = model(seed_pdf[0])
    text = model(SEED)
    kinds = [node["kind"] for node in pdf["nodes"]]
    assert kinds.count("preambular_paragraph") == 8
    assert kinds.count("operative_paragraph") == 10
    assert kinds.count("footnote") == 4
    assert "unclassified" not in kinds
    # the calls are the superscripts, not numbers guessed from the text around them
    assert [(call["number"], call["style"]) for call in pdf["footnote_calls"]] == [
        (number, "superscript") for number in (1, 2, 3, 4)
    ]
    for kind in ("footnote", "other"):  # the PDF's notes come last, the text's at page feet

        def same(node: dict, kind: str = kind) -> bool:
            return (node["kind"] == "footnote") == (kind == "footnote")

        assert [comparable(n) for n in pdf["nodes"] if same(n)] == [
            comparable(n) for n in text["nodes"] if same(n)
        ]
    for node in pdf["nodes"]:
        assert SYMBOL not in node["text"] and "0448383" not in node["text"], node
        assert not re.search(r"\s\d\s*$|^\d+$", node["text"]), node
    assert (pdf["language"], pdf["organ"], pdf["session"]) == ("fr", "ga", 59)


def test_italic_openers_are_read_from_the_fonts(seed_pdf: tuple[Path, Typeset]) -> None:
    from reslint.readers.pdf import read

    path, _ = seed_pdf
    extraction = read(path, path.read_bytes(), None)
    rendering = extraction.rendering
    assert (extraction.format, extraction.writable) == ("pdf", False)
    assert rendering.italic is not None
    spans = [rendering.text[span.start : span.end] for span in rendering.italic]
    assert spans == italic_phrases(seed_content()[0])
    document = parse_rendering(rendering, source_format="pdf")
    openers = [node.opener.span for node in document.nodes if node.opener is not None]
    assert len(openers) == 18
    # each opener begins in italics ("Réaffirmant" of the phrase "Réaffirmant sa volonté")
    assert {opener.start for opener in openers} <= {span.start for span in rendering.italic}


def test_every_row_is_mapped_to_its_page_and_line(seed_pdf: tuple[Path, Typeset]) -> None:
    from reslint.readers.pdf import read

    path, document = seed_pdf
    rendering = read(path, path.read_bytes(), None).rendering
    assert rendering.locations is not None
    for furniture in (SYMBOL, "04-48383", "0448383"):
        assert furniture not in rendering.text
    assert not re.search(r"^\d+$", rendering.text, re.MULTILINE)
    cursor = 0
    checked = 0
    for page in document.pages:
        for row in sorted(page.rows, key=lambda row: -row.y):
            if row.paragraph is None:
                continue
            expected = re.sub(r"\{(\d+)\}", r"[^\1]", row.text)
            offset = rendering.text.index(expected, cursor)
            line = page.line_of(row)
            assert rendering.locations.label(offset) == f"page {page.number}, line {line}"
            where = rendering.locations.position(offset + 2)
            assert (where.line, where.column) == (line, 3)
            cursor = offset + len(expected)
            checked += 1
    assert checked > 60


def test_reading_the_seed_pdf_is_quick(seed_pdf: tuple[Path, Typeset]) -> None:
    from reslint.readers.pdf import read

    path, _ = seed_pdf
    data = path.read_bytes()
    read(path, data, None)  # imports pypdfium2
    start = time.perf_counter()
    read(path, data, None)
    assert time.perf_counter() - start < 2.0


# --- findings reported at their page and line -------------------------------


def last_row(document: Typeset, paragraph: int) -> tuple[Page, Row]:
    return [(p, r) for p in document.pages for r in p.rows if r.paragraph == paragraph][-1]


def test_operative_paragraph_ending_with_a_full_stop(tmp_path: Path) -> None:
    paragraphs, _ = seed_content()
    index = next(
        i for i, p in enumerate(paragraphs) if p.text.startswith("5. ") and p.text.endswith(" ;")
    )

    def full_stop(paragraphs: list[Paragraph], notes: dict[int, str]) -> None:
        paragraphs[index].text = paragraphs[index].text[:-2] + "."

    path, document = build(tmp_path, "broken.pdf", full_stop)
    text = tmp_path / "broken.txt"
    seed = SEED.read_text("utf-8")
    assert seed.count("associée ; \n\n 6.") == 1
    text.write_text(seed.replace("associée ; \n\n 6.", "associée. \n\n 6."), "utf-8")
    expected = [(f["code"], f["message"]) for f in findings(text)]
    assert [code for code, _ in expected] == ["PU002"]

    page, row = last_row(document, index)
    assert page.number > 1 and row.text.endswith("associée.")
    line, column = page.line_of(row), len(row.text)
    found = findings(path)
    assert [(f["code"], f["message"]) for f in found] == expected
    assert found[0]["location"] == {"row": line, "column": column}

    concise = reslint("check", "--no-plugins", "--output-format", "concise", str(path))
    assert concise.code == 1
    assert f"{path}:{line}:{column}: PU002" in concise.out
    full = reslint("check", "--no-plugins", "--output-format", "full", str(path))
    assert f"(page {page.number}, line {line})" in full.out


def test_call_to_a_missing_footnote(tmp_path: Path) -> None:
    def renumber(paragraphs: list[Paragraph], notes: dict[int, str]) -> None:
        for paragraph in paragraphs:
            paragraph.text = paragraph.text.replace("{4}", "{5}")

    path, document = build(tmp_path, "missing.pdf", renumber)
    text = tmp_path / "missing.txt"
    text.write_text(SEED.read_text("utf-8").replace("l’homme4,", "l’homme5,"), "utf-8")
    expected = sorted((f["code"], f["message"]) for f in findings(text))
    assert ("FN001", "footnote 5 is called but has no body") in expected

    found = findings(path)
    assert sorted((f["code"], f["message"]) for f in found) == expected
    [(page, row)] = [(p, r) for p in document.pages for r in p.rows if "{5}" in r.text]
    line = page.line_of(row)
    [missing] = [f for f in found if f["code"] == "FN001"]
    # columns count the row as rendered, the call written "[^5]": the span is the whole call
    assert missing["location"] == {"row": line, "column": row.text.index("{5}") + 1}
    full = reslint("check", "--no-plugins", "--output-format", "full", str(path))
    assert f"FN001 footnote 5 is called but has no body (page {page.number}, line {line})" in (
        full.out
    )


# --- paragraphs rebuilt from rows -------------------------------------------


def test_line_end_hyphens(tmp_path: Path) -> None:
    """A word broken at the margin is mended when the document spells it whole elsewhere."""
    rows = [
        "Rappelant que la Sous-Commission a souligné l’importance de la coopé-",
        "ration internationale et que la Commission des droits de l’homme et la Sous-",
        "Commission ont rappelé que la coopération internationale et la non-",
        "exclusion sont essentielles,",
    ]
    measure = max(stringWidth(row, ROMAN, BODY) for row in rows) + 10
    canvas = canvas_module.Canvas(str(tmp_path / "hyphens.pdf"), pagesize=PAGE)
    y = PAGE[1] - MARGIN
    for count, row in enumerate(rows):
        text = canvas.beginText(MARGIN + (INDENT if count == 0 else 0), y)
        text.setFont(ROMAN, BODY)
        if count < len(rows) - 1:  # justified: spaces stretched to the measure
            natural = stringWidth(row, ROMAN, BODY) + (INDENT if count == 0 else 0)
            text.setWordSpace((measure - natural) / row.count(" "))
        text.textOut(row)
        canvas.drawText(text)
        y -= LEADING
    canvas.showPage()
    canvas.save()

    from reslint.readers.pdf import read

    path = tmp_path / "hyphens.pdf"
    rendered = read(path, path.read_bytes(), None).rendering.text
    assert rendered.strip() == (
        "Rappelant que la Sous-Commission a souligné l’importance de la coopération "
        "internationale et que la Commission des droits de l’homme et la Sous-Commission "
        "ont rappelé que la coopération internationale et la non-exclusion sont essentielles,"
    )


# --- files that cannot be read ----------------------------------------------

DRAFT = "The General Assembly,\n\n1. Decides to act;\n"
"""A draft with one finding (PU003), linted beside the unreadable file."""


def one_line_error(err: str, path: Path, *fragments: str) -> None:
    assert "Traceback" not in err, err
    [line] = err.splitlines()
    assert line.startswith(f"reslint: error: {path}: "), line
    for fragment in fragments:
        assert fragment in line, line


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nnonsense\n%%EOF\n", "damaged PDF"),
        (None, "damaged PDF"),
        (b"The General Assembly,\n", "not a PDF file"),
    ],
    ids=["garbage", "truncated", "not-a-pdf"],
)
def test_damaged_pdf_is_one_line_and_the_other_file_is_linted(
    tmp_path: Path, seed_pdf: tuple[Path, Typeset], content: bytes | None, cause: str
) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(content if content is not None else seed_pdf[0].read_bytes()[:3000])
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, "utf-8")
    run = reslint("check", "--no-plugins", str(damaged), str(draft))
    assert run.code == 2
    one_line_error(run.err, damaged, cause)
    assert f"{draft}:3:" in run.out and "PU003" in run.out


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    paragraphs, notes = seed_content()
    locked = draw(
        typeset(paragraphs, notes), tmp_path / "locked.pdf",
        encrypt=StandardEncryption("secret", ownerPassword="owner"),
    )  # fmt: skip
    run = reslint("check", "--no-plugins", str(locked))
    assert run.code == 2
    one_line_error(run.err, locked, "encrypted", "password")


def test_without_pypdfium2_a_pdf_gets_a_hint_and_text_is_still_read(
    tmp_path: Path, seed_pdf: tuple[Path, Typeset]
) -> None:
    blocker = tmp_path / "blocked" / "pypdfium2"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'pypdfium2'\", name='pypdfium2')\n", "utf-8"
    )
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, "utf-8")
    environment = {"PYTHONPATH": os.pathsep.join([str(blocker.parent), str(ROOT)])}
    run = reslint("check", "--no-plugins", str(seed_pdf[0]), str(draft), env=environment)
    assert run.code == 2
    one_line_error(run.err, seed_pdf[0], "pip install 'reslint[pdf]'", "pypdfium2")
    assert "PU003" in run.out
    alone = reslint("check", "--no-plugins", str(draft), env=environment)
    assert (alone.code, alone.err) == (1, "")


ALIKE_NOTES = {
    "opening-rows": {3: "Voir résolution 55/2.", 4: "Voir résolution 58/170."},
    "continued-rows": {
        4: "Voir Documents officiels du Conseil économique et social, 2005, Supplément no 4 "
        "(E/2005/24), chap. II, sect. A."
    },
}


@pytest.mark.parametrize("changed", ALIKE_NOTES.values(), ids=ALIKE_NOTES.keys())
def test_notes_alike_at_the_foot_of_two_pages_are_not_running_feet(
    tmp_path: Path, changed: dict[int, str]
) -> None:
    """The last row of the notes sits at the same height on each page; alike, it stays a note."""
    path, document = build(tmp_path, change=lambda _, notes: notes.update(changed))
    feet = [
        min((row for row in page.rows if row.note is not None), key=lambda row: row.y)
        for page in document.pages
        if page.notes
    ]
    assert len(feet) == 2 and feet[0].y == feet[1].y
    assert re.sub(r"\d+", "#", feet[0].text) == re.sub(r"\d+", "#", feet[1].text)
    notes = seed_content()[1] | changed
    nodes = [node for node in model(path)["nodes"] if node["kind"] == "footnote"]
    assert [comparable(node)[-1] for node in nodes] == [notes[n] for n in sorted(notes)]


# --- a PDF from a word processor --------------------------------------------

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties
 style:font-name="DejaVu Serif" fo:font-size="10pt" fo:language="fr" fo:country="FR"/>
</style:default-style>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties
 fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-bottom="0.2cm"
 fo:line-height="120%"><style:tab-stops><style:tab-stop style:position="2.1cm"/>
</style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="T" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="1.5cm" fo:text-indent="-1.5cm" fo:margin-right="3cm"
 fo:margin-bottom="0.5cm"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="N" style:family="paragraph"><style:text-properties
 fo:font-size="8pt"/></style:style>
<style:style style:name="F" style:family="paragraph"><style:paragraph-properties
 fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties
 fo:font-style="italic"/></style:style>
<text:notes-configuration text:note-class="footnote" style:num-format="1"
 text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles><style:page-layout style:name="L"><style:page-layout-properties
 fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1cm" fo:margin-bottom="1cm"
 fo:margin-left="2cm" fo:margin-right="2cm"><style:footnote-sep style:width="0.018cm"
 style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:rel-width="25%"
 style:adjustment="left"/></style:page-layout-properties>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-bottom="0.5cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
 fo:margin-top="0.5cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="L">
<style:header><text:p text:style-name="N">A/RES/59/187</text:p></style:header>
<style:header-first><text:p text:style-name="N"/></style:header-first>
<style:footer><text:p text:style-name="F"><text:page-number text:select-page="current"/>
</text:p></style:footer>
<style:footer-first><text:p text:style-name="N">04-48383 (F)</text:p></style:footer-first>
</style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
"""


def fodt_paragraph(paragraph: Paragraph, notes: dict[int, str]) -> str:
    """Write a paragraph as OpenDocument XML: italics, a tab after the number, real footnotes."""
    word_list, _, label = styled(paragraph)
    parts = [escape(label) + "<text:tab/>"] if label else []
    for count, word in enumerate(word_list):
        parts.append(" " if count else "")
        for text, style in word:
            if style == "sup":
                parts.append(
                    f'<text:note text:note-class="footnote"><text:note-citation>{text}'
                    f'</text:note-citation><text:note-body><text:p text:style-name="N">'
                    f"{escape(notes[int(text)])}</text:p></text:note-body></text:note>"
                )
            elif style == ITALIC:
                parts.append(f'<text:span text:style-name="I">{escape(text)}</text:span>')
            else:
                parts.append(escape(text))
    style = "T" if paragraph.kind == "title" else "P"
    return f'<text:p text:style-name="{style}">{"".join(parts)}</text:p>'


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_seed_exported_by_libreoffice(tmp_path: Path) -> None:
    """Justified text, notes numbered plain and glued, subset fonts: as word processors do."""
    paragraphs, notes = seed_content()
    source = tmp_path / "A_RES_59_187.fr.fodt"
    source.write_text(
        FODT.format(body="".join(fodt_paragraph(p, notes) for p in paragraphs)), "utf-8"
    )
    subprocess.run(
        [
            "soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    path = source.with_suffix(".pdf")
    run = reslint("check", "--no-plugins", str(path))
    assert (run.code, run.err) == (0, ""), run.out + run.err
    pdf, text = model(path), model(SEED)
    for kind in ("footnote", "other"):

        def same(node: dict, kind: str = kind) -> bool:
            return (node["kind"] == "footnote") == (kind == "footnote")

        assert [comparable(n) for n in pdf["nodes"] if same(n)] == [
            comparable(n) for n in text["nodes"] if same(n)
        ]
