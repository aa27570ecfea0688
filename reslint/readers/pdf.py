"""PDF resolutions: the glyphs of each page, laid out by :mod:`reslint.readers.pdf_layout`.

The file is read with pypdfium2 (PDFium, the PDF engine of Chromium, with
Python bindings).  A layout needs more than the text: every glyph's box,
baseline, type size and font name, and the lines drawn on the page — that is
how a superscript footnote call, a running head or a footnote rule is told
apart from the text.  Three libraries give all of it; measured on 177 pages
of UN resolutions and drafts as the UN publishes them (CPU time, glyphs,
boxes, fonts and drawn paths of every page):

* pdfminer.six: 88 ms a page (pure Python, slow, and its import alone takes
  0.19 s);
* pypdfium2: 13 ms a page, import 0.06 s; BSD-3/Apache-2.0; binary wheels for
  Linux, macOS and Windows on every current Python; PDFium is fuzzed
  continuously as part of Chromium, which matters for files from anywhere;
* PyMuPDF: 10 ms a page, but licensed under the AGPL (or commercially), which
  an MIT-licensed linter cannot pass on to its users.

pypdfium2 gives the same glyph facts as pdfminer.six (same boxes, baselines,
sizes and font names) at a seventh of the time, so it is the one used.  It is
imported only when a PDF is read, and is an optional dependency (``pip install
'reslint[pdf]'``).

Findings are reported by page and line on the page; a PDF is never written to.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

from reslint.limits import bounded_pages
from reslint.readers import Extraction
from reslint.readers.pdf_layout import render
from reslint.readers.pdf_rows import Glyph, PageContent, Stroke
from reslint.reading import ReadError

MISSING = "reading PDF files needs pypdfium2: pip install 'reslint[pdf]'"
STROKE_HEIGHT = 2.0
"""A drawn line or rectangle at most this thick (in points) is a stroke, maybe a rule."""
_LINE_BREAKS = frozenset("\r\n")
_LINE_END_HYPHEN = "\x02"
"""What PDFium returns for a hyphen that ends a line (the layout decides whether it stays)."""


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def open_document(data: bytes) -> Any:
    """Open a PDF with PDFium.

    Raises:
        ReadError: pypdfium2 is not installed, or the file is not a readable PDF.
    """
    try:
        import pypdfium2
    except ImportError:
        raise ReadError(MISSING) from None
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF file (no %PDF- header)")
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReadError("encrypted PDF: it needs a password to be read") from None
        raise ReadError(f"damaged PDF ({_one_line(error)})") from None


def _apart(last: Glyph, glyph: Glyph) -> bool:
    """Return whether ``glyph`` starts a new run: on another line, or far from the glyph before."""
    size = max(glyph.size, last.size, 1.0)
    if abs(glyph.baseline - last.baseline) > 2 * size:
        return True
    return glyph.x0 < last.x0 - size or glyph.x0 - last.x1 > 1.5 * size


def page_content(number: int, page: Any) -> PageContent:
    """Return a page's glyphs, in runs the PDF drew as lines, and its thin horizontal strokes."""
    import pypdfium2.raw as pdfium

    width, height = page.get_size()
    textpage = page.get_textpage()
    box = pdfium.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    font = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pieces: list[tuple[Glyph, ...]] = []
    piece: list[Glyph] = []
    for index in range(pdfium.FPDFText_CountChars(textpage)):
        text = chr(pdfium.FPDFText_GetUnicode(textpage, index))
        if text == _LINE_END_HYPHEN:
            text = "-"
        if text in _LINE_BREAKS or pdfium.FPDFText_GetCharAngle(textpage, index) > 0.01:
            if piece:
                pieces.append(tuple(piece))
                piece = []
            continue
        if text.isspace():
            if piece and not piece[-1].text.isspace():
                last = piece[-1]
                piece.append(Glyph(" ", last.x1, last.x1, last.y0, last.y1, last.size,
                                   last.baseline, last.font))  # fmt: skip
            continue
        if not text.isprintable():
            continue
        pdfium.FPDFText_GetLooseCharBox(textpage, index, box)
        pdfium.FPDFText_GetCharOrigin(textpage, index, x, y)
        size = pdfium.FPDFText_GetFontSize(textpage, index)
        pdfium.FPDFText_GetFontInfo(textpage, index, font, len(font), flags)
        glyph = Glyph(
            text, box.left, box.right, box.bottom, box.top, size, y.value,
            font.value.decode("latin-1"),
        )  # fmt: skip
        if piece and _apart(piece[-1], glyph):
            pieces.append(tuple(piece))
            piece = []
        piece.append(glyph)
    if piece:
        pieces.append(tuple(piece))
    strokes = []
    for item in page.get_objects(filter=(pdfium.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = item.get_bounds()
        if top - bottom <= STROKE_HEIGHT and right - left > top - bottom:
            strokes.append(Stroke(left, right, (bottom + top) / 2))
    return PageContent(number, width, height, tuple(pieces), tuple(strokes))


def read_pages(data: bytes) -> list[PageContent]:
    """Return the content of every page of a PDF.

    Raises:
        ReadError: the file is not a readable PDF, or a page cannot be read.
    """
    document = open_document(data)
    try:
        pages = (page_content(number, page) for number, page in enumerate(document, 1))
        return list(bounded_pages(pages))
    except ReadError:
        raise  # a budget of reslint.limits exceeded
    except Exception as error:
        raise ReadError(f"damaged PDF ({_one_line(error)})") from None
    finally:
        document.close()


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read a PDF file (``encoding`` does not apply: a PDF says how its text is encoded)."""
    pages = read_pages(data)
    if not pages:
        raise ReadError("PDF without pages")
    if not any(page.pieces for page in pages):
        raise ReadError("no text in this PDF (a scanned image? run OCR on it first)")
    rendering, notes = render(pages)
    unmapped = sum(g.text == "\ufffd" for page in pages for p in page.pieces for g in p)
    if unmapped:
        notes = (*notes, f"{unmapped} characters without a text mapping in the PDF's fonts")
    return Extraction(rendering, "pdf", None, None, notes)
