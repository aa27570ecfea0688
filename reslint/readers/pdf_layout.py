"""Lay out the glyphs of PDF pages: rows, running heads, footnotes, paragraphs, italics.

A PDF carries no paragraphs, footnotes or page headers, only glyphs drawn at
positions.  The plain-text path (:mod:`reslint.layout`, :mod:`reslint.footnotes`)
has to guess them from characters alone; here geometry and fonts decide:

* a running head or foot is a row in the top or bottom band of a page that comes
  back at the same height on another page (digits aside: page numbers change),
  or that is a bare page number, document symbol or job number;
* a footnote call is a short run of digits raised above the glyph before it
  or set smaller than it (:mod:`reslint.readers.pdf_rows` builds the rows and
  tells superscripts);
* the masthead is what lies above the rule drawn across the top of the first
  page, and the symbol block (session, agenda item) what is set out in the
  left margin under it: front matter;
* the footnote area is what lies below a short horizontal rule low on the page
  (a drawn line or a row of underscores), or failing one the run of small-type
  rows at the foot of the page among which notes start with a number; a note
  opens with a superscript number, or a plain one that follows the last note;
* a paragraph ends where the vertical gap widens, where the next row is indented
  differently, or where the next row's first word would have fitted on the row
  before it (the line was broken on purpose, not by the margin);
* italics are the glyphs of a font named so (:mod:`reslint.readers.pdf_writer`
  writes the text, its anchors, italics and blocks).

The rendering is one paragraph per line, blocks separated by blank lines,
calls written ``[^N]`` and footnote bodies written ``[^N]: text`` at the end;
what the layout knows is said with blocks (:mod:`reslint.readers.blocks`):
front matter, paragraphs (whose kind the grammar decides), footnotes with
their numbers and the calls of each paragraph, so the parser guesses none of
it again.  Every rendered row starts an :class:`~reslint.readers.Anchor` naming its page and its
line on that page, so findings are reported there.

Text set in two columns is read row by row across both columns: not supported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reslint.layout import artefact_kind
from reslint.model import ArtefactKind
from reslint.patterns import SUBPARAGRAPH_LABEL
from reslint.readers import Rendering
from reslint.readers.blocks import BlockRole, DocumentFacts
from reslint.readers.pdf_rows import PageContent, Row, Stroke, build_rows, mode
from reslint.readers.pdf_writer import Writer, row_runs, words

BAND = 0.12
"""Height of the top and bottom bands where running heads and feet live (share of the page)."""
HEAD_ROWS = 3
"""A running head takes at most this many rows."""
FOOTNOTE_TYPE = 0.92
"""Rows set this much smaller than the body type may be footnote text."""
WIDE_ROWS = 0.85
"""The text width is the width this share of the body rows does not exceed."""
RULE_ZONE = 0.6
"""A footnote rule is drawn below this share of the page height."""

_DIGITS = re.compile(r"\d+")
_LABEL = re.compile(rf"((?:\d{{1,3}}\.|\(?(?:{SUBPARAGRAPH_LABEL})\)|[•▪◦‣–-]))\s+\S")
"""A paragraph number, list label or bullet opening a row, and a space after it."""
_HEAD_KINDS = frozenset(
    {ArtefactKind.PAGE_NUMBER, ArtefactKind.JOB_NUMBER, ArtefactKind.PAGE_HEADER}
)


@dataclass
class _Note:
    """A footnote body: its number and the rows (with the glyph its text starts at)."""

    number: int
    """0 for a star note (a note of the masthead or the list of sponsors)."""
    rows: list[tuple[Row, int]] = field(default_factory=list)


@dataclass
class _Page:
    """The rows of one page sorted into running heads, body and footnote area."""

    content: PageContent
    rows: list[Row]
    furniture: set[int] = field(default_factory=set)
    """Line numbers of running heads and feet, rules and the like: not rendered."""
    body: list[Row] = field(default_factory=list)
    notes: list[Row] = field(default_factory=list)
    front: set[int] = field(default_factory=set)
    """Line numbers of the masthead and symbol block: front matter, never drafting."""


def _head_key(row: Row) -> str:
    """Return what a running head keeps from page to page: its pieces in any order, digits aside.

    Facing pages set the symbol and the title of a running head in mirror order.
    """
    return " | ".join(sorted(_DIGITS.sub("#", " ".join(piece.split())) for piece in row.pieces))


def _find_furniture(pages: list[_Page]) -> None:
    """Mark running heads and feet: the outermost rows of each band that repeat or look it.

    The last row of the footnotes also sits at the same height on every page, and
    "Voir résolution 55/2." may come back on the next: a row opening with a
    superscript number is a note, and a run of running rows must stand apart
    from the text next to it (more white than between lines).
    """
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for page in pages:
        band = BAND * page.content.height
        for row in page.rows:
            where = "top" if row.top >= page.content.height - band else "bottom"
            if where == "bottom" and row.bottom > band:
                continue
            seen.setdefault((where, _head_key(row)), []).append((page.content.number, row.bottom))

    def furniture(where: str, page: int, row: Row) -> bool:
        if artefact_kind(row.text) is ArtefactKind.FOOTNOTE_RULE:
            return False  # the footnote rule, looked for later
        if all(artefact_kind(piece) in _HEAD_KINDS for piece in row.pieces):
            return True
        if _opens_with_superscript(row):
            return False  # a footnote, however alike the one at the foot of another page
        return any(
            other != page and abs(bottom - row.bottom) <= 2.0
            for other, bottom in seen.get((where, _head_key(row)), ())
        )

    for page in pages:
        height = page.content.height
        band = BAND * height
        for where, rows in (("top", page.rows), ("bottom", page.rows[::-1])):
            run: list[Row] = []
            if where == "top" and page.content.number > 1:
                run = _symbol_head(rows, height - band)
            for row in rows[len(run) :]:
                inside = row.top >= height - band if where == "top" else row.bottom <= band
                if not inside or not furniture(where, page.content.number, row):
                    break
                run.append(row)
            while run and len(run) < len(rows):
                outer, inner = run[-1], rows[len(run)]
                white = outer.bottom - inner.top if where == "top" else inner.bottom - outer.top
                if white > 0.5 * max(outer.size, inner.size):
                    break
                run.pop()
            page.furniture.update(row.line for row in run)


def _symbol_head(rows: list[Row], band: float) -> list[Row]:
    """Return the rows of a running head that carries a document symbol, at the top of a page.

    "A/RES/78/51  Radiological weapons" heads the second page of a two-page
    resolution without coming back on a third; a long title takes two rows.
    """
    top = [row for row in rows[:HEAD_ROWS] if row.top >= band]
    for index in range(len(top) - 1, -1, -1):
        if any(artefact_kind(piece) is ArtefactKind.PAGE_HEADER for piece in top[index].pieces):
            return top[: index + 1]
    return []


def _opens_with_superscript(row: Row) -> bool:
    first = next((i for i, g in enumerate(row.glyphs) if not g.text.isspace()), None)
    return first is not None and row.superscript[first] and row.glyphs[first].text.isdigit()


@dataclass(frozen=True, slots=True)
class Marker:
    """The number a footnote body opens with, and the glyph its text starts at."""

    number: int
    """0 for a star ("* On behalf of the States Members…"), a note of the masthead."""
    start: int
    raised: bool
    """Set as a superscript: certainly a note number (a plain one is checked against the count)."""


def note_marker(row: Row) -> Marker | None:
    """Return the note number a row opens with: superscript, or plain before a space or a letter.

    Word processors set it raised and small ("¹ A/CONF.157/24"); LibreOffice sets
    it plain and glued to the text ("1A/CONF.157/24").
    """
    glyphs = row.glyphs
    start = 0
    while start < len(glyphs) and glyphs[start].text.isspace():
        start += 1
    end = start
    while end < len(glyphs) and glyphs[end].text == "*":
        end += 1
    if end > start:
        return Marker(0, start, True) if end - start <= 3 else None
    while end < len(glyphs) and glyphs[end].text.isdigit():
        end += 1
    if end == start or end - start > 3:
        return None
    number = int("".join(g.text for g in glyphs[start:end]))
    if all(row.superscript[start:end]):
        return Marker(number, end, True)
    if end == len(glyphs):
        return None
    following = glyphs[end]
    if following.text.isspace() or following.x0 - glyphs[end - 1].x1 > 0.3 * row.size:
        return Marker(number, end, False)
    if following.text[:1].isalpha() or following.text[:1] in '«“"([':
        return Marker(number, end, False)
    return None


def _rule_height(page: _Page, content: list[Row]) -> float | None:
    """Return the height of the footnote rule of a page, if it has one.

    Rows whose foot is below that height are the footnote area.  A drawn stroke
    counts only when it crosses no row (an underline does) and the row under it
    opens a note.
    """
    limit = RULE_ZONE * page.content.height
    for row in content:
        if row.bottom < limit and artefact_kind(row.text) is ArtefactKind.FOOTNOTE_RULE:
            page.furniture.add(row.line)
            return row.bottom
    candidates = sorted(
        (
            stroke
            for stroke in page.content.strokes
            if stroke.y < limit
            and 10.0 <= stroke.x1 - stroke.x0 <= 0.5 * page.content.width
            and not any(row.bottom - 2.0 <= stroke.y <= row.top for row in content)
        ),
        key=lambda stroke: -stroke.y,
    )
    for stroke in candidates:
        below = [row for row in content if row.bottom < stroke.y]
        if below and note_marker(below[0]) is not None:
            return stroke.y
    return None


def _split_notes(page: _Page, body_size: float) -> None:
    """Split a page's rows (running heads aside) into body and footnote area."""
    content = [row for row in page.rows if row.line not in page.furniture]
    rule = _rule_height(page, content)
    content = [row for row in content if row.line not in page.furniture]
    if rule is not None:
        page.body = [row for row in content if row.bottom >= rule]
        page.notes = [row for row in content if row.bottom < rule]
        return
    start = len(content)
    while start > 0 and content[start - 1].size < FOOTNOTE_TYPE * body_size:
        start -= 1
    area = content[start:]
    if any(note_marker(row) is not None for row in area):
        page.body, page.notes = content[:start], area
    else:
        page.body = content


def _notes(pages: list[_Page]) -> list[_Note]:
    """Gather footnote bodies: a numbered row opens one, other rows continue the last.

    A plain number opens a note only when it follows the last one closely: a
    continued note may well start a row with "2004, Supplément".
    """
    notes: list[_Note] = []
    for page in pages:
        for row in page.notes:
            marker = note_marker(row)
            last = next((note.number for note in reversed(notes) if note.number), 0)
            if marker is not None and (marker.raised or last < marker.number <= last + 2):
                notes.append(_Note(marker.number, [(row, marker.start)]))
            elif notes:
                notes[-1].rows.append((row, 0))
            else:
                page.body.append(row)  # text below a rule before any note: keep it as text
    return notes


@dataclass(frozen=True, slots=True)
class _Measures:
    """Document-wide measures paragraphs are told apart by."""

    left: dict[int, float]
    right: dict[int, float]
    gap: float


def _measures(pages: list[_Page], body_size: float) -> _Measures:
    """Measure the text block of each page and the line spacing of the document.

    The left edge of a page is the leftmost edge at least two rows share (a
    paragraph's first row may be indented, a centred title stands alone); the
    width of the text is the edge that most full rows reach (a few rows run
    wider: a masthead, a table); the line spacing is the lower quartile of the
    steps between rows, since short paragraphs make the steps between paragraphs
    as many as those within them.  Front matter is not measured.
    """
    text_rows = {
        page.content.number: [row for row in page.body if row.line not in page.front]
        for page in pages
    }
    every_left = min((round(row.x0) for rows in text_rows.values() for row in rows), default=0)
    left: dict[int, float] = {}
    for page in pages:
        counts = Counter(round(row.x0) for row in text_rows[page.content.number])
        shared = [x for x, count in counts.items() if count >= 2]
        left[page.content.number] = min(shared or counts or [every_left])
    widths = sorted(
        row.x1 - left[number]
        for number, rows in text_rows.items()
        for row in rows
        if abs(row.size - body_size) <= 0.1 * body_size
    )
    width = widths[int(WIDE_ROWS * (len(widths) - 1))] if widths else 0.0
    right = {number: value + width for number, value in left.items()}
    steps = sorted(
        upper.bottom - lower.bottom
        for rows in text_rows.values()
        for upper, lower in zip(rows, rows[1:])
        if 0 < upper.bottom - lower.bottom < 2.5 * max(upper.size, lower.size)
    )
    spacing = steps[len(steps) // 4] if steps else 12.0
    return _Measures(left, right, max(spacing * 1.3, spacing + 2.0))


def _starts_paragraph(previous: Row, row: Row, measures: _Measures) -> bool:
    """Return whether ``row`` opens a new paragraph after ``previous`` (the body row before it)."""
    if previous.page == row.page and previous.bottom - row.bottom > measures.gap:
        return True
    if previous.bold != row.bold:
        return True  # a heading starts or ends (at the top of a page too, where no gap shows)
    space = 0.25 * row.size
    short = previous.x1 + space + row.first_word_width() < measures.right[previous.page] - 1.0
    if previous.bold:
        # a title or heading set over several rows, set in a narrower measure than the text;
        # but "Annex" or "II" alone on its row heads the title under it
        return short and len(previous.text.split()) <= 2
    if short:
        return True
    if previous.page != row.page and _text_start(row) is not None:
        return True  # no gap to go by across a page break: a numbered paragraph starts anew
    tolerance = 0.5 * row.size
    hanging = _text_start(previous)
    if hanging is not None and abs(row.x0 - hanging) <= tolerance:
        return False  # the text of a numbered item goes on under its text, not its number
    indented = row.x0 > measures.left[row.page] + tolerance
    previous_indent = previous.x0 - measures.left[previous.page]
    return indented and abs((row.x0 - measures.left[row.page]) - previous_indent) > tolerance


def _text_start(row: Row) -> float | None:
    """Return where the text after a row's opening label ("3.", "(a)", "•") starts, if any."""
    text = row.text
    label = _LABEL.match(text)
    if label is None:
        return None
    seen = 0
    for glyph in row.glyphs:
        if glyph.text.isspace():
            continue
        if seen == label.end(1):
            return glyph.x0
        seen += 1
    return None


def paragraphs(pages: list[_Page], body_size: float) -> list[list[Row]]:
    """Rebuild the paragraphs of the body, across page breaks; front matter apart."""
    measures = _measures(pages, body_size)
    result: list[list[Row]] = []
    previous: Row | None = None
    front = pages[0].front if pages else set()
    for page in pages:
        for row in page.body:
            if (
                previous is None
                or (previous.page == 1 and previous.line in front)
                != (row.page == 1 and row.line in front)
                or _starts_paragraph(previous, row, measures)
            ):
                result.append([])
            result[-1].append(row)
            previous = row
    return result


def _rules(strokes: tuple[Stroke, ...]) -> list[Stroke]:
    """Join the pieces of lines drawn in segments at one height ("____" in several strokes)."""
    merged: list[Stroke] = []
    for stroke in sorted(strokes, key=lambda s: (round(s.y), s.x0)):
        last = merged[-1] if merged else None
        if last is not None and abs(last.y - stroke.y) <= 1.0 and stroke.x0 <= last.x1 + 2.0:
            merged[-1] = Stroke(last.x0, max(last.x1, stroke.x1), last.y)
        else:
            merged.append(stroke)
    return merged


def _find_front(page: _Page) -> None:
    """Mark the masthead and the symbol block of the first page as front matter.

    The masthead ("United Nations", the organ, the symbol, "Distr.: General",
    the date) sits above a rule drawn across the text block in the top half of
    the page; the symbol block under it (session, agenda item and its title) is
    set out in the left margin, left of the text.  What follows (the adoption
    header, the sponsors of a draft, the title) is left to the grammar.
    """
    height, width = page.content.height, page.content.width
    across = [
        rule.y
        for rule in _rules(page.content.strokes)
        if rule.x1 - rule.x0 >= 0.5 * width and rule.y >= 0.5 * height
    ]
    if not across:
        return
    lowest = min(across)
    rows = [row for row in page.body if row.line not in page.furniture]
    page.front.update(row.line for row in rows if row.bottom > lowest)
    below = [row for row in rows if row.bottom <= lowest]
    if not below:
        return
    left = mode([round(row.x0) for row in below], below[0].x0)
    for row in below:
        if row.x0 >= left - 0.5 * row.size:
            break
        page.front.add(row.line)


def _symbol(page: _Page) -> str | None:
    """Return the document symbol the masthead of the first page carries ("A/RES/79/104")."""
    for row in page.rows:
        if row.line in page.front:
            for piece in row.pieces:
                for word in piece.split():
                    if artefact_kind(word) is ArtefactKind.PAGE_HEADER:
                        return word.rstrip("*")
    return None


def render(contents: list[PageContent]) -> tuple[Rendering, tuple[str, ...]]:
    """Render the pages of a PDF for the parser; return notes about what was left out."""
    pages = [_Page(content, build_rows(content)) for content in contents]
    _find_furniture(pages)
    inked = [row for page in pages for row in page.rows if row.line not in page.furniture]
    body_size = mode([row.size for row in inked for _ in row.glyphs], 10.0)
    for page in pages:
        _split_notes(page, body_size)
    notes = _notes(pages)
    vocabulary = {
        word.casefold() for page in pages for row in page.rows for word in words(row.text)
    }
    _find_front(pages[0])
    writer = Writer()
    for paragraph in paragraphs(pages, body_size):
        front = all(row.page == 1 and row.line in pages[0].front for row in paragraph)
        role = BlockRole.FRONT if front else BlockRole.PARAGRAPH
        writer.block([(row, row_runs(row, calls=not front)) for row in paragraph], vocabulary, role)
    for note in notes:
        rows = [(row, row_runs(row, start, calls=False)) for row, start in note.rows]
        if note.number:
            writer.block(rows, vocabulary, BlockRole.FOOTNOTE, note.number)
        else:
            writer.block(rows, vocabulary, BlockRole.FRONT)
    blank = [str(page.content.number) for page in pages if not page.rows]
    remarks = (
        (f"no text on page{'s' * (len(blank) > 1)} {', '.join(blank)} (scanned? run OCR first)",)
        if blank
        else ()
    )
    symbol = _symbol(pages[0])
    facts = DocumentFacts(symbol=symbol) if symbol else None
    return writer.rendering(facts), remarks
