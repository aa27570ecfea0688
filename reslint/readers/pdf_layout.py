"""Lay out the glyphs of PDF pages: rows, running heads, footnotes, paragraphs, italics.

A PDF carries no paragraphs, footnotes or page headers, only glyphs drawn at
positions.  The plain-text path (:mod:`reslint.layout`, :mod:`reslint.footnotes`)
has to guess them from characters alone; here geometry and fonts decide:

* a running head or foot is a row in the top or bottom band of a page that comes
  back at the same height on another page (digits aside: page numbers change),
  or that is a bare page number, document symbol or job number;
* a footnote call is a short run of digits raised above the glyph before it
  or set smaller than it (judged against its neighbour, not the whole row: a
  masthead sets "A" in 20 points before "/RES/79/104" in 10);
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
* italics are the glyphs of a font named so (``Times-Italic``,
  ``TimesNewRomanPS-ItalicMT``, ``MinionPro-It``, ``Helvetica-Oblique``).

The rendering is one paragraph per line, blocks separated by blank lines,
calls written ``[^N]`` and footnote bodies written ``[^N]: text`` at the end;
what the layout knows is said with blocks (:mod:`reslint.readers.blocks`):
front matter, paragraphs (whose kind the grammar decides), footnotes with
their numbers and the calls of each paragraph, so the parser guesses none of
it again.  Every rendered row starts an :class:`Anchor` naming its page and its
line on that page, so findings are reported there.

Text set in two columns is read row by row across both columns: not supported.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace

from reslint.layout import artefact_kind
from reslint.model import ArtefactKind
from reslint.patterns import SUBPARAGRAPH_LABEL
from reslint.readers import Anchor, Rendering, SourceMap
from reslint.readers.blocks import BlockRole, DocumentFacts, SourceBlock, SourceCall
from reslint.text import Span

BAND = 0.12
"""Height of the top and bottom bands where running heads and feet live (share of the page)."""
HEAD_ROWS = 3
"""A running head takes at most this many rows."""
RISE = 0.18
"""A glyph whose baseline is this much of the row's type size above it is a superscript."""
SMALL = 0.8
"""A glyph this much smaller than its row's type is a superscript even without a rise."""
FOOTNOTE_TYPE = 0.92
"""Rows set this much smaller than the body type may be footnote text."""
WIDE_ROWS = 0.85
"""The text width is the width this share of the body rows does not exceed."""
RULE_ZONE = 0.6
"""A footnote rule is drawn below this share of the page height."""

_ITALIC_FONT = re.compile(
    r"italic|oblique|kursiv|[-,+](?:bold|semibold|demi|light|medium)?it(?![a-z])", re.I
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_LABEL = re.compile(rf"((?:\d{{1,3}}\.|\(?(?:{SUBPARAGRAPH_LABEL})\)|[•▪◦‣–-]))\s+\S")
"""A paragraph number, list label or bullet opening a row, and a space after it."""
_SUPERSCRIPT_RUN = re.compile(r"[\d,]{1,9}|[^\W\d_]{1,3}")
"""What may be set as a superscript: calls ("1", "12,13") and ordinal endings ("o", "er")."""
_HEAD_KINDS = frozenset(
    {ArtefactKind.PAGE_NUMBER, ArtefactKind.JOB_NUMBER, ArtefactKind.PAGE_HEADER}
)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn: its box, type size, baseline (rise aside) and font name.

    A space inserted between words by the PDF library has the box of the glyph before it.
    """

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    baseline: float
    font: str


@dataclass(frozen=True, slots=True)
class Stroke:
    """A thin horizontal line drawn on a page: perhaps a footnote rule."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class PageContent:
    """What a page holds: runs of glyphs the PDF library grouped as lines, and strokes."""

    number: int
    width: float
    height: float
    pieces: tuple[tuple[Glyph, ...], ...]
    strokes: tuple[Stroke, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a page as a reader sees it: the pieces at one height, left to right."""

    page: int
    line: int
    """1-based, counting every row of the page from the top (running heads included)."""
    glyphs: tuple[Glyph, ...]
    pieces: tuple[str, ...]
    superscript: tuple[bool, ...]
    size: float
    bottom: float
    top: float
    x0: float
    x1: float

    @property
    def text(self) -> str:
        """Return the row's characters as drawn, superscripts included."""
        return "".join(glyph.text for glyph in self.glyphs).strip()

    @property
    def bold(self) -> bool:
        """Return whether every letter of the row is set in a bold font."""
        return all(_BOLD_FONT.search(g.font) for g in self.glyphs if not g.text.isspace())

    def first_word_width(self) -> float:
        """Return the width of the row's first word."""
        glyphs = list(self.glyphs)
        while glyphs and glyphs[0].text.isspace():
            glyphs.pop(0)
        if not glyphs:
            return 0.0
        end = glyphs[0].x1
        for glyph in glyphs:
            if glyph.text.isspace():
                break
            end = glyph.x1
        return end - glyphs[0].x0


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


def _median(values: list[float], default: float = 0.0) -> float:
    return statistics.median(values) if values else default


def _mode(values: list[float], default: float = 0.0) -> float:
    if not values:
        return default
    return Counter(values).most_common(1)[0][0]


def build_rows(page: PageContent) -> list[Row]:
    """Group a page's pieces into rows (pieces overlapping vertically), top to bottom."""
    groups: list[tuple[list[tuple[Glyph, ...]], list[float]]] = []
    pieces = [p for p in page.pieces if any(not g.text.isspace() for g in p)]
    pieces.sort(key=lambda p: -max(g.y1 for g in p))
    for piece in pieces:
        inked = [g for g in piece if not g.text.isspace()]
        bottom, top = min(g.y0 for g in inked), max(g.y1 for g in inked)
        for members, box in groups:
            overlap = min(top, box[1]) - max(bottom, box[0])
            if overlap > 0.5 * min(top - bottom, box[1] - box[0]):
                members.append(piece)
                box[0], box[1] = min(box[0], bottom), max(box[1], top)
                break
        else:
            groups.append(([piece], [bottom, top]))
    rows = [_row(page.number, members) for members, _ in groups]
    rows.sort(key=lambda row: -row.bottom)
    return [replace(row, line=index) for index, row in enumerate(rows, 1)]


def _row(page: int, members: list[tuple[Glyph, ...]]) -> Row:
    """Build a row from its pieces: glyphs left to right, spaces between distant pieces."""
    members = sorted(members, key=lambda p: min(g.x0 for g in p))
    glyphs: list[Glyph] = []
    for piece in members:
        piece_glyphs = list(piece)
        while piece_glyphs and piece_glyphs[-1].text.isspace():
            piece_glyphs.pop()
        if glyphs and piece_glyphs:
            last = glyphs[-1]
            first = piece_glyphs[0]
            if first.x0 - last.x1 > 0.1 * max(last.size, first.size) and not last.text.isspace():
                glyphs.append(Glyph(" ", last.x1, last.x1, last.y0, last.y1, last.size,
                                    last.baseline, last.font))  # fmt: skip
        glyphs.extend(piece_glyphs)
    inked = [g for g in glyphs if not g.text.isspace()]
    size = _mode([round(g.size, 1) for g in inked], 10.0)
    body = [g for g in inked if abs(g.size - size) <= 0.05 * size] or inked
    bottom = _median([g.y0 for g in body])
    superscript = _superscripts(glyphs)
    return Row(
        page=page,
        line=0,
        glyphs=tuple(glyphs),
        pieces=tuple("".join(g.text for g in p).strip() for p in members),
        superscript=superscript,
        size=size,
        bottom=bottom,
        top=max(g.y1 for g in inked),
        x0=min(g.x0 for g in inked),
        x1=max(g.x1 for g in inked),
    )


def _superscripts(glyphs: list[Glyph]) -> tuple[bool, ...]:
    """Tell which glyphs are superscripts, each judged against the text it is set in.

    A run of digits (a call: "2024,¹", "¹³") or of letters set small ("no", "1er")
    is a superscript when it is smaller than the glyph before it (the glyph after
    it at the start of a row) or raised above that glyph's baseline.  Judging
    against the whole row's type would take the 10-point "79/104" of a masthead
    whose "A" is set in 20 points for a call.
    """
    flags = [False] * len(glyphs)
    index = 0
    while index < len(glyphs):
        glyph = glyphs[index]
        if glyph.text.isspace():
            index += 1
            continue
        end = index + 1
        while (
            end < len(glyphs)
            and not glyphs[end].text.isspace()
            and abs(glyphs[end].size - glyph.size) <= 0.05 * glyph.size
            and abs(glyphs[end].baseline - glyph.baseline) <= 0.1 * glyph.size
        ):
            end += 1
        run = "".join(g.text for g in glyphs[index:end])
        reference = _neighbour(glyphs, index, -1) or _neighbour(glyphs, end - 1, 1)
        if reference is not None and _SUPERSCRIPT_RUN.fullmatch(run):
            lift = glyph.baseline - reference.baseline
            small = glyph.size < SMALL * reference.size
            if (small and lift > -0.05 * reference.size) or lift > RISE * reference.size:
                flags[index:end] = [True] * (end - index)
        index = end
    return tuple(flags)


def _neighbour(glyphs: list[Glyph], index: int, step: int) -> Glyph | None:
    """Return the nearest inked glyph before (``step`` -1) or after (1) ``index``."""
    index += step
    while 0 <= index < len(glyphs):
        if not glyphs[index].text.isspace():
            return glyphs[index]
        index += step
    return None


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


@dataclass(frozen=True, slots=True)
class _Run:
    text: str
    italic: bool
    call: int | None = None
    """The number of the footnote called, when the run is a call."""


def row_runs(row: Row, start: int = 0, calls: bool = True) -> list[_Run]:
    """Render a row: spaces collapsed, superscript digits as ``[^N]`` calls, italic runs."""
    runs: list[_Run] = []
    glyphs = row.glyphs
    index = start

    def add(text: str, italic: bool) -> None:
        if text == " " and (not runs or runs[-1].text.endswith(" ")):
            return
        if runs and runs[-1].italic == italic and runs[-1].call is None:
            runs[-1] = _Run(runs[-1].text + text, italic)
        else:
            runs.append(_Run(text, italic))

    while index < len(glyphs):
        glyph = glyphs[index]
        if calls and row.superscript[index] and glyph.text.isdigit():
            end = index
            while (
                end < len(glyphs)
                and row.superscript[end]
                and (glyphs[end].text.isdigit() or glyphs[end].text == ",")
            ):
                end += 1
            while glyphs[end - 1].text == ",":
                end -= 1
            numbers = _DIGITS.findall("".join(g.text for g in glyphs[index:end]))
            if runs and runs[-1].text.endswith(" "):
                runs[-1] = _Run(runs[-1].text[:-1], runs[-1].italic)
            runs.extend(_Run(f"[^{int(number)}]", False, int(number)) for number in numbers)
            index = end
            continue
        if glyph.text.isspace():
            add(" ", False)
        else:
            add(glyph.text.translate(_LIGATURES), bool(_ITALIC_FONT.search(glyph.font)))
        index += 1
    while runs and not runs[0].text.strip():
        runs.pop(0)
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip())
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return [run for run in runs if run.text]


class _Writer:
    """Accumulate the rendered text, its anchors, italic spans, blocks and calls."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[Anchor] = []
        self.italic: list[Span] = []
        self.blocks: list[SourceBlock] = []
        self.since_italic = "\n"
        """What was written since the last italic run: a single space between runs joins them."""

    def anchor(self, row: Row) -> None:
        self.anchors.append(Anchor(self.length, row.line, f"page {row.page}, line {row.line}"))

    def write(self, text: str, italic: bool = False) -> None:
        if italic:
            if self.italic and self.since_italic in ("", " "):
                self.italic[-1] = Span(self.italic[-1].start, self.length + len(text))
            else:
                self.italic.append(Span(self.length, self.length + len(text)))
            self.since_italic = ""
        else:
            self.since_italic = (self.since_italic + text)[:2]
        self.parts.append(text)
        self.length += len(text)

    def block(
        self,
        rows: list[tuple[Row, list[_Run]]],
        vocabulary: set[str],
        role: BlockRole = BlockRole.PARAGRAPH,
        number: int | None = None,
    ) -> None:
        """Write the rows of one block joined by spaces, line-end hyphens resolved.

        A footnote is written ``[^N]: text``; its block covers the text.
        """
        if self.parts:
            self.write("\n\n")
        start = None
        calls: list[SourceCall] = []
        joiner = ""
        for index, (row, runs) in enumerate(rows):
            following = rows[index + 1][1] if index + 1 < len(rows) else None
            runs, next_joiner = _hyphen(runs, following, vocabulary)
            if not runs:
                continue
            self.write(joiner)
            self.anchor(row)
            if start is None and number is not None:
                self.write(f"[^{number}]: ")
            if start is None:
                start = self.length
            for run in runs:
                if run.call is not None:
                    calls.append(
                        SourceCall(run.call, Span(self.length, self.length + len(run.text)))
                    )
                self.write(run.text, run.italic)
            joiner = next_joiner
        if start is not None:
            self.blocks.append(
                SourceBlock(
                    role,
                    Span(start, self.length),
                    number=str(number) if number is not None else None,
                    calls=tuple(calls),
                )
            )

    def rendering(self, facts: DocumentFacts | None = None) -> Rendering:
        return Rendering(
            "".join(self.parts) + "\n",
            None,
            SourceMap(tuple(self.anchors)),
            tuple(self.italic),
            blocks=tuple(self.blocks),
            facts=facts,
        )


def _hyphen(
    runs: list[_Run], following: list[_Run] | None, vocabulary: set[str]
) -> tuple[list[_Run], str]:
    """Return a row's runs and what joins it to the next row: a space, or nothing after a hyphen.

    A soft hyphen is dropped; a hard one is dropped only when the word without it
    occurs elsewhere in the document ("coopé-" + "ration"), else kept ("Sous-" +
    "Commission").
    """
    if not runs or not following:
        return runs, " "
    last = runs[-1].text
    if last.endswith("\u00ad"):
        return [*runs[:-1], _Run(last[:-1], runs[-1].italic)], ""
    if not last.endswith("-") or len(last) < 2 or not last[-2].isalpha():
        return runs, " "
    head = _WORD.findall(last[:-1])
    tail = _WORD.findall(following[0].text)
    if head and tail and following[0].text[:1].islower():
        if (head[-1] + tail[0]).casefold() in vocabulary:
            return [*runs[:-1], _Run(last[:-1], runs[-1].italic)], ""
    return runs, ""


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
    left = _mode([round(row.x0) for row in below], below[0].x0)
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
    body_size = _mode([row.size for row in inked for _ in row.glyphs], 10.0)
    for page in pages:
        _split_notes(page, body_size)
    notes = _notes(pages)
    vocabulary = {
        word.casefold() for page in pages for row in page.rows for word in _WORD.findall(row.text)
    }
    _find_front(pages[0])
    writer = _Writer()
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
