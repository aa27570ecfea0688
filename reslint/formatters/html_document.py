"""One linted file as HTML: the resolution laid out by its structure, findings in place.

The file's text is cut into blocks: the parsed nodes (organ, preambular and
operative paragraphs, subparagraphs, footnotes…) and, between them, the text no
node holds when it is more than blank lines or when a finding touches it, so
that every character a finding points at is shown. Each block is a row of a
grid: line number, paragraph number, the text with its findings marked, and the
notes of the findings that start in it. Footnote bodies are gathered at the end
as in a printed resolution; footnote calls link to them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable, Sequence

from reslint.formatters.base import FileReport
from reslint.formatters.html_marks import Decoration, Insertion, escape, render_stretch
from reslint.formatters.html_structure import Part, Structure
from reslint.model import NodeKind
from reslint.text import Span
from reslint.violations import Applicability, Violation

KIND_CLASSES: dict[NodeKind, str] = {
    NodeKind.HEADER: "header",
    NodeKind.TITLE: "title",
    NodeKind.ORGAN: "organ",
    NodeKind.PREAMBULAR: "preambular",
    NodeKind.OPERATIVE: "operative",
    NodeKind.SUBPARAGRAPH: "subparagraph",
    NodeKind.SECTION: "section",
    NodeKind.QUOTED: "quoted",
    NodeKind.ADOPTION: "adoption",
    NodeKind.ANNEX: "annex",
    NodeKind.FOOTNOTE: "footnote",
    NodeKind.UNCLASSIFIED: "unclassified",
}
_LABEL_IN_GUTTER = frozenset({NodeKind.OPERATIVE})
_MARK_RANK = 10


@dataclass(frozen=True, slots=True)
class Block:
    """Stretches of the text shown as one row; ``node`` is None for text between nodes.

    A node has several pieces when another node sits inside its span: a footnote
    body printed at the foot of a page the paragraph runs across.
    """

    pieces: tuple[Span, ...]
    node: Part | None

    @property
    def start(self) -> int:
        """Return where the block starts."""
        return self.pieces[0].start

    @property
    def end(self) -> int:
        """Return where the block ends."""
        return self.pieces[-1].end

    def holds(self, offset: int) -> bool:
        """Return whether ``offset`` falls in one of the pieces."""
        return any(piece.contains(offset) for piece in self.pieces)

    @property
    def css_class(self) -> str:
        """Return the class naming what the block is."""
        return KIND_CLASSES[self.node.kind] if self.node is not None else "between"

    def gutter(self) -> Span | None:
        """Return the span shown in the number gutter (operative numbers), if any."""
        node, first = self.node, self.pieces[0]
        if node is None or node.kind not in _LABEL_IN_GUTTER or node.label is None:
            return None
        if node.label.start != first.start or node.label.end > first.end:
            return None
        return node.label

    def stretches(self) -> list[Span]:
        """Return the stretches rendered one by one: the gutter first when there is one."""
        gutter = self.gutter()
        if gutter is None:
            return list(self.pieces)
        return [gutter, Span(gutter.end, self.pieces[0].end), *self.pieces[1:]]


def tooltip(violation: Violation) -> str:
    """Return the plain-text explanation shown when the pointer rests on a finding."""
    text = f"{violation.code} {violation.name}: {violation.message}"
    if violation.fix is not None and violation.fix.title:
        text += f"\nFix ({applicability(violation.fix.applicability)}): {violation.fix.title}"
    return text


def applicability(level: Applicability) -> str:
    """Return ``safe``, ``unsafe`` or ``display-only``."""
    return level.name.lower().replace("_", "-")


def _clamped(violation: Violation, length: int) -> Span:
    start = min(violation.span.start, length)
    return Span(start, min(max(violation.span.end, start), length))


class _SpanSet:
    """Spans, sorted once, asked in O(log n) whether any touches a range."""

    def __init__(self, spans: Sequence[Span]) -> None:
        filled = sorted((s.start, s.end) for s in spans if len(s))
        self._starts = [start for start, _ in filled]
        self._reach = list(accumulate((end for _, end in filled), max))
        """The farthest end of the spans up to each one (in order of start)."""
        self._points = sorted(s.start for s in spans if not len(s))

    def touches(self, start: int, end: int) -> bool:
        """Return whether a span overlaps ``[start, end)`` or an empty one lies inside it."""
        before = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        if before and self._reach[before - 1] > start:
            return True
        point = bisect.bisect_right(self._points, start)
        return point < len(self._points) and self._points[point] < end


class _Cover:
    """Stretches of text that do not count as visible (artefacts, removed markup)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in spans if len(s)):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ranges = merged

    def only_covered(self, text: str, start: int, end: int) -> bool:
        """Return whether all the visible text of ``text[start:end]`` is covered."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        cursor = start
        while cursor < end:
            if index < len(self._ranges) and self._ranges[index][0] <= cursor:
                cursor = max(cursor, self._ranges[index][1])
                index += 1
                continue
            following = self._ranges[index][0] if index < len(self._ranges) else end
            stop = min(following, end)
            if text[cursor:stop].strip():
                return False
            cursor = stop
        return True


def blocks_of(structure: Structure, spans: Sequence[Span]) -> list[Block]:
    """Return the blocks of the text in order: nodes and the text between them worth showing.

    Text between nodes is shown when a finding touches it, or when it holds more
    than blank lines and extraction artefacts (page headers, footnote rules).
    """
    text = structure.text
    nodes = sorted(
        (n for n in structure.parts if len(n.span)), key=lambda n: (n.span.start, -n.span.end)
    )
    blocks: list[Block] = []
    cursor = 0
    findings = _SpanSet(spans)
    hidden = _Cover([*(span for _, span in structure.artefacts), *structure.markup])

    def between(start: int, end: int) -> None:
        if start >= end:
            return
        if findings.touches(start, end) or (
            text[start:end].strip() and not hidden.only_covered(text, start, end)
        ):
            blocks.append(Block((Span(start, end),), None))

    for index, node in enumerate(nodes):
        if node.span.end <= cursor:
            # inside an earlier node, which leaves it out: shown on its own
            blocks.append(Block((node.span,), node))
            continue
        start = max(node.span.start, cursor)
        between(cursor, start)
        pieces: list[Span] = []
        for following in range(index + 1, len(nodes)):
            inner = nodes[following]
            if inner.span.start >= node.span.end:
                break
            if inner.span.end <= node.span.end:
                if inner.span.start > start:
                    pieces.append(Span(start, inner.span.start))
                start = max(start, inner.span.end)
        if node.span.end > start:
            pieces.append(Span(start, node.span.end))
        if pieces:
            blocks.append(Block(tuple(pieces), node))
        cursor = node.span.end
    between(cursor, len(text))
    if not blocks:  # an empty or blank text: one block, where findings about it are shown
        blocks.append(Block((Span(0, len(text)),), None))
    return sorted(blocks, key=lambda b: b.start)


class FileView:
    """The HTML of one file: its blocks, findings marked, notes beside them."""

    def __init__(self, report: FileReport, structure: Structure, key: str) -> None:
        self.report = report
        self.structure = structure
        self.key = key
        self.spans = [_clamped(v, len(report.text)) for v in report.violations]
        self.blocks = blocks_of(structure, self.spans)
        self.decorations = self._decorations()
        self._stretches = self._all_stretches()
        self._places = _Places(self._stretches)
        self._insertions = self._place_insertions()
        self._owners = self._owners_of_findings()
        self._decorations_of = _overlapping(self.decorations, self._places)

    # --- decorations ---------------------------------------------------------------

    def _decorations(self) -> list[Decoration]:
        structure, key = self.structure, self.key
        found: list[Decoration] = []
        for number, span in structure.calls:
            link = f'<sup class="call"><a href="#{key}-fn-{number}">'
            found.append(Decoration(span, link, "</a></sup>", 0))
        for part in structure.parts:
            if part.opener is not None and len(part.opener):
                found.append(Decoration(part.opener, '<em class="opener">', "</em>", 1))
        for kind, span in structure.artefacts:
            title = escape(kind.value.replace("_", " "))
            found.append(Decoration(span, f'<span class="artefact" title="{title}">', "</span>", 2))
        for span in structure.markup:
            found.append(Decoration(span, '<span class="markup">', "</span>", 3))
        for index, (violation, span) in enumerate(zip(self.report.violations, self.spans)):
            found.append(
                Decoration(span, self._mark_open(index, violation), "</mark>", _MARK_RANK + index)
            )
        return found

    def _mark_open(self, index: int, violation: Violation) -> str:
        return (
            f'<mark class="finding sev-{escape(violation.severity.value)}" data-v="{index}" '
            f'data-code="{escape(violation.code)}" title="{escape(tooltip(violation))}">'
        )

    def _badge(self, index: int, violation: Violation) -> str:
        return (
            f'<a class="badge sev-{escape(violation.severity.value)}" '
            f'href="#{self.key}-v{index}" title="{escape(tooltip(violation))}">'
            f"{escape(violation.code)}</a>"
        )

    # --- where each piece goes -----------------------------------------------------

    def _all_stretches(self) -> list[list[Span]]:
        return [block.stretches() for block in self.blocks]

    def _place_insertions(self) -> dict[tuple[int, int], list[Insertion]]:
        """Give each badge (and empty mark) to exactly one stretch, so none shows twice.

        Keys are (block number, stretch number).
        """
        placed: dict[tuple[int, int], list[Insertion]] = {}
        for index, (violation, span) in enumerate(zip(self.report.violations, self.spans)):
            badge = self._badge(index, violation)
            if len(span) == 0:
                insertion = Insertion(
                    span.start, f"{self._mark_open(index, violation)}</mark>{badge}", 0
                )
                home = self._stretch_for(span.start, inclusive_start=True)
            else:
                insertion = Insertion(span.end, badge, 1)
                home = self._stretch_for(span.end, inclusive_start=False)
            if home is not None:
                placed.setdefault(home, []).append(insertion)
        return placed

    def _stretch_for(self, offset: int, inclusive_start: bool) -> tuple[int, int] | None:
        """Return the first stretch (in block order) holding ``offset`` at or before its end."""
        return self._places.first(
            offset,
            lambda piece: (
                (piece.start <= offset if inclusive_start else piece.start < offset)
                and offset <= piece.end
            ),
        )

    def _owners_of_findings(self) -> dict[int, list[int]]:
        """Map block number → the findings whose notes stand beside it (where they start)."""
        owners: dict[int, list[int]] = {}
        pieces = _Places([list(block.pieces) for block in self.blocks])
        for index, span in enumerate(self.spans):
            start, empty = span.start, not len(span)
            found = pieces.first(
                start, lambda p, at=start, empty=empty: p.contains(at) or (empty and p.end == at)
            )
            owners.setdefault(found[0] if found is not None else 0, []).append(index)
        return owners

    # --- output --------------------------------------------------------------------

    def stretch(self, block: int, place: int) -> str:
        """Return the HTML of one stretch of a block with its decorations and insertions."""
        piece = self._stretches[block][place]
        return render_stretch(
            self.report.text,
            piece.start,
            piece.end,
            self._decorations_of.get((block, place), ()),
            self._insertions.get((block, place), []),
        )

    def note(self, index: int) -> str:
        """Return the note of one finding: code, where, message, fix."""
        violation = self.report.violations[index]
        where = self.report.position(violation.span.start)
        label = self.report.label(violation.span.start)
        place = f"{label}, col {where.column}" if label else f"{where.line}:{where.column}"
        fix = ""
        if violation.fix is not None:
            level = applicability(violation.fix.applicability)
            title = escape(violation.fix.title or "a fix is available")
            fix = f'<p class="fix"><span class="fix-level {level}">{level} fix</span> {title}</p>'
        severity = escape(violation.severity.value)
        return (
            f'<li class="note sev-{severity}" id="{self.key}-v{index}">'
            f'<p class="head"><a class="code" href="#rule-{escape(violation.code)}" '
            f'title="What {escape(violation.code)} checks and why">{escape(violation.code)}</a> '
            f'<span class="rule-name">{escape(violation.name)}</span> '
            f'<span class="where">{escape(place)}</span></p>'
            f'<p class="message">{escape(violation.message)}</p>{fix}</li>'
        )

    def block(self, number: int, block: Block) -> str:
        """Return the row of one block."""
        where = self.report.position(block.start)
        label = self.report.label(block.start)
        line = f'<div class="ln" title="{escape(label or f"line {where.line}")}">{where.line}</div>'
        count = len(self._stretches[number])
        if block.gutter() is not None:
            number_cell = f'<div class="num">{self.stretch(number, 0)}</div>'
            body = "".join(self.stretch(number, place) for place in range(1, count))
        else:
            number_cell = '<div class="num"></div>'
            body = "".join(self.stretch(number, place) for place in range(count))
        notes = "".join(self.note(index) for index in self._owners.get(number, []))
        notes_list = f'<ol class="notes">{notes}</ol>' if notes else '<div class="notes"></div>'
        node = block.node
        depth = f" depth-{min(node.depth, 3)}" if node is not None and node.depth else ""
        anchor = ""
        if node is not None and node.kind is NodeKind.FOOTNOTE and node.number:
            anchor = f' id="{self.key}-fn-{escape(node.number)}"'
        flagged = " flagged" if notes else ""
        return (
            f'<div class="block {block.css_class}{depth}{flagged}"{anchor}>{line}{number_cell}'
            f'<div class="text">{body}</div>{notes_list}</div>'
        )

    def html(self) -> str:
        """Return the resolution: its blocks in order, footnote bodies gathered at the end."""
        body: list[str] = []
        footnotes: list[str] = []
        for number, block in enumerate(self.blocks):
            row = self.block(number, block)
            is_footnote = block.node is not None and block.node.kind is NodeKind.FOOTNOTE
            (footnotes if is_footnote else body).append(row)
        if footnotes:
            body.append('<div class="footnotes">' + "".join(footnotes) + "</div>")
        language = escape(self.structure.language)
        return f'<div class="resolution" lang="{language}">{"".join(body)}</div>'


class _Places:
    """The stretches of all blocks, sorted by start, to find those at an offset in O(log n).

    Stretches do not overlap, so once sorted by start their ends are in order too,
    and the ones that can hold an offset are a short run found by bisection.
    """

    def __init__(self, stretches: Sequence[Sequence[Span]]) -> None:
        ordered = sorted(
            (piece.start, piece.end, (number, place))
            for number, pieces in enumerate(stretches)
            for place, piece in enumerate(pieces)
        )
        self.spans = [Span(start, end) for start, end, _ in ordered]
        self.keys = [key for _, _, key in ordered]
        self._reach = list(accumulate((end for _, end, _ in ordered), max, initial=0))[1:]
        """The farthest end up to each stretch: the ends themselves when none overlap."""
        self._starts = [start for start, _, _ in ordered]

    def first(self, offset: int, holds: Callable[[Span], bool]) -> tuple[int, int] | None:
        """Return the first key (in block order) of the stretches near ``offset`` that hold it."""
        low = bisect.bisect_left(self._reach, offset)
        high = bisect.bisect_right(self._starts, offset)
        found = [self.keys[i] for i in range(low, high) if holds(self.spans[i])]
        return min(found) if found else None


def _overlapping(
    decorations: Sequence[Decoration], places: _Places
) -> dict[tuple[int, int], list[Decoration]]:
    """Give each stretch the decorations that overlap it, in one sweep over both."""
    ordered = sorted(
        (d for d in decorations if len(d.span)), key=lambda d: (d.span.start, d.span.end)
    )
    found: dict[tuple[int, int], list[Decoration]] = {}
    active: list[Decoration] = []
    waiting = 0
    for span, key in zip(places.spans, places.keys):
        while waiting < len(ordered) and ordered[waiting].span.start < span.end:
            active.append(ordered[waiting])
            waiting += 1
        active = [d for d in active if d.span.end > span.start]
        inside = [d for d in active if d.span.start < span.end]
        if inside:
            found[key] = inside
    return found
