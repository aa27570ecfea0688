"""PDF resolutions: the glyphs of each page, laid out by :mod:`reslint.readers.pdf_layout`.

pdfminer.six reads the file because it is pure Python and gives what a layout
needs beyond the text: every glyph's box, type size and font name, and the lines
drawn on the page.  That is how a superscript footnote call, a running head or a
footnote rule is told apart from the text (pypdf gives text runs without glyph
boxes or layout; PyMuPDF is a compiled, AGPL-licensed library).  It is imported
only when a PDF is read, and is an optional dependency (``pip install
'reslint[pdf]'``).

Findings are reported by page and line on the page; a PDF is never written to.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reslint.limits import bounded_pages
from reslint.readers import Extraction
from reslint.readers.pdf_layout import Glyph, PageContent, Stroke, render
from reslint.reading import ReadError

MISSING = "reading PDF files needs pdfminer.six: pip install 'reslint[pdf]'"
STROKE_HEIGHT = 2.0
"""A drawn line or rectangle at most this thick (in points) is a stroke, maybe a rule."""


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's log messages and warnings about a damaged file while it reads it."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def load_layouts(data: bytes) -> list[Any]:
    """Return pdfminer's layout of every page.

    Raises:
        ReadError: pdfminer.six is not installed, or the file is not a readable PDF.
    """
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise ReadError(MISSING) from None
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF file (no %PDF- header)")
    try:
        with _quiet("pdfminer"):
            pages = extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True))
            return list(bounded_pages(pages))
    except ReadError:
        raise  # a budget of reslint.limits exceeded
    except PDFPasswordIncorrect:
        raise ReadError("encrypted PDF: it needs a password to be read") from None
    except PDFEncryptionError as error:
        raise ReadError(f"encrypted PDF that cannot be read ({_one_line(error)})") from None
    except Exception as error:
        # a damaged file makes pdfminer fail anywhere: syntax errors, but also
        # KeyError, TypeError or ValueError deep in its object model
        raise ReadError(f"damaged PDF ({_one_line(error)})") from None


def page_content(number: int, layout: Any) -> PageContent:
    """Turn pdfminer's layout of a page into glyph pieces and strokes."""
    from pdfminer.layout import LTAnno, LTChar, LTContainer, LTCurve, LTTextLineHorizontal

    pieces: list[tuple[Glyph, ...]] = []
    strokes: list[Stroke] = []

    def glyph(char: Any) -> Glyph:
        return Glyph(
            char.get_text(), char.x0, char.x1, char.y0, char.y1, char.size, char.matrix[5],
            char.fontname,
        )  # fmt: skip

    def walk(item: Any) -> None:
        if isinstance(item, LTTextLineHorizontal):
            piece: list[Glyph] = []
            for child in item:
                if isinstance(child, LTChar) and child.upright:
                    piece.append(glyph(child))
                elif isinstance(child, LTAnno) and child.get_text() == " " and piece:
                    last = piece[-1]
                    piece.append(Glyph(" ", last.x1, last.x1, last.y0, last.y1, last.size,
                                       last.baseline, last.font))  # fmt: skip
            if piece:
                pieces.append(tuple(piece))
        elif isinstance(item, LTChar):
            if item.upright:
                pieces.append((glyph(item),))
        elif isinstance(item, LTCurve):
            if item.height <= STROKE_HEIGHT and item.width > item.height:
                strokes.append(Stroke(item.x0, item.x1, (item.y0 + item.y1) / 2))
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    walk(layout)
    return PageContent(number, layout.width, layout.height, tuple(pieces), tuple(strokes))


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read a PDF file (``encoding`` does not apply: a PDF says how its text is encoded)."""
    layouts = load_layouts(data)
    if not layouts:
        raise ReadError("PDF without pages")
    pages = [page_content(number, layout) for number, layout in enumerate(layouts, 1)]
    if not any(page.pieces for page in pages):
        raise ReadError("no text in this PDF (a scanned image? run OCR on it first)")
    rendering, notes = render(pages)
    unmapped = sum(g.text.startswith("(cid:") for page in pages for p in page.pieces for g in p)
    if unmapped:
        notes = (*notes, f"{unmapped} characters without a text mapping in the PDF's fonts")
    return Extraction(rendering, "pdf", None, None, notes)
