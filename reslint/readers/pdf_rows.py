"""The rows of a PDF page: glyphs grouped by height, superscripts told by their neighbours.

A PDF library gives glyphs, each with its box, baseline, type size and font
name (:class:`Glyph`), in runs it drew as lines; :func:`build_rows` puts the
runs that share a height into one :class:`Row`, left to right, with spaces
where the ink leaves a gap, and marks the glyphs set as superscripts: a short
run of digits ("2024,¹", "¹³") or letters ("no", "1er") smaller than the glyph
before it (the one after it at the start of a row) or raised above its
baseline.  Judging against the neighbour rather than the whole row matters: a
masthead sets the "A" of "A/RES/79/104" in 20 points and the rest in 10.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

RISE = 0.18
"""A glyph whose baseline is this much of its neighbour's type size above it is a superscript."""
SMALL = 0.8
"""A glyph this much smaller than its neighbour is a superscript even without a rise."""

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_SUPERSCRIPT_RUN = re.compile(r"[\d,]{1,9}|[^\W\d_]{1,3}")
"""What may be set as a superscript: calls ("1", "12,13") and ordinal endings ("o", "er")."""


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


def median(values: list[float], default: float = 0.0) -> float:
    return statistics.median(values) if values else default


def mode(values: list[float], default: float = 0.0) -> float:
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
    size = mode([round(g.size, 1) for g in inked], 10.0)
    body = [g for g in inked if abs(g.size - size) <= 0.05 * size] or inked
    bottom = median([g.y0 for g in body])
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
