"""Turn a stretch of the original text into HTML with span-based decorations.

Italics for openers, superscript footnote calls, dimmed artefacts and the
``<mark>`` of each finding are all spans of the original text, and they may
overlap in any way. Rather than nest elements (which breaks as soon as two
spans cross), the stretch is cut at every span boundary and each piece opens
and closes the decorations active over it, outermost first. A finding crossing
an opener thus becomes two ``<mark>`` elements with the same ``data-v``; their
texts, joined, are exactly the offending text. Every character of the text is
escaped with :func:`html.escape` and nothing of it is dropped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Sequence

from reslint.text import Span


@dataclass(frozen=True, slots=True)
class Decoration:
    """Wrap the text of ``span`` in ``open_tag`` … ``close_tag`` (outer ranks first)."""

    span: Span
    open_tag: str
    close_tag: str
    rank: int


@dataclass(frozen=True, slots=True)
class Insertion:
    """HTML placed at ``offset`` between two characters (badges, empty marks)."""

    offset: int
    html: str
    order: int = 0


def escape(text: str) -> str:
    """Escape text content (quotes too: the same function serves attributes)."""
    return html.escape(text, quote=True)


def render_stretch(
    text: str,
    start: int,
    end: int,
    decorations: Sequence[Decoration],
    insertions: Sequence[Insertion] = (),
) -> str:
    """Return ``text[start:end]`` as HTML with the decorations and insertions that fall in it."""
    inside = [
        d for d in decorations if d.span.start < end and d.span.end > start and len(d.span) > 0
    ]
    placed = sorted(
        (i for i in insertions if start <= i.offset <= end), key=lambda i: (i.offset, i.order)
    )
    cuts = {start, end}
    opening: dict[int, list[Decoration]] = {}
    for decoration in inside:
        first = max(start, decoration.span.start)
        cuts.add(first)
        cuts.add(min(end, decoration.span.end))
        opening.setdefault(first, []).append(decoration)
    cuts.update(i.offset for i in placed)
    points = sorted(cuts)
    parts: list[str] = []
    waiting = 0
    # the decorations over the current piece, by rank: added where they start, dropped
    # where they end, so each cut costs the decorations active there, not all of them
    active: dict[int, Decoration] = {}
    for index, point in enumerate(points):
        while waiting < len(placed) and placed[waiting].offset == point:
            parts.append(placed[waiting].html)
            waiting += 1
        if index + 1 == len(points):
            break
        following = points[index + 1]
        for decoration in opening.get(point, ()):
            active[id(decoration)] = decoration
        if active:
            for key in [k for k, d in active.items() if d.span.end <= point]:
                del active[key]
        over = sorted(active.values(), key=lambda d: d.rank)
        parts.extend(d.open_tag for d in over)
        parts.append(escape(text[point:following]))
        parts.extend(d.close_tag for d in reversed(over))
    return "".join(parts)
