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

from dataclasses import dataclass
from typing import Sequence

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


def _touches(span: Span, start: int, end: int) -> bool:
    if len(span) == 0:
        return start < span.start < end
    return span.start < end and span.end > start


def _artefact_only(structure: Structure, start: int, end: int) -> bool:
    """Return whether all the visible text of ``start:end`` is artefacts or removed markup."""
    text = structure.text
    covered = [
        (max(span.start, start), min(span.end, end))
        for span in [*(span for _, span in structure.artefacts), *structure.markup]
        if span.start < end and span.end > start
    ]
    return all(text[i].isspace() or any(s <= i < e for s, e in covered) for i in range(start, end))


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

    def between(start: int, end: int) -> None:
        if start >= end:
            return
        if any(_touches(s, start, end) for s in spans) or (
            text[start:end].strip() and not _artefact_only(structure, start, end)
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
        for inner in nodes[index + 1 :]:
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
        self._insertions = self._place_insertions()
        self._owners = self._owners_of_findings()

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
        for number, stretches in enumerate(self._stretches):
            for place, piece in enumerate(stretches):
                after_start = piece.start <= offset if inclusive_start else piece.start < offset
                if after_start and offset <= piece.end:
                    return (number, place)
        return None

    def _owners_of_findings(self) -> dict[int, list[int]]:
        """Map block number → the findings whose notes stand beside it (where they start)."""
        owners: dict[int, list[int]] = {}
        for index, span in enumerate(self.spans):
            owner = 0
            for number, block in enumerate(self.blocks):
                if block.holds(span.start) or (
                    len(span) == 0 and any(p.end == span.start for p in block.pieces)
                ):
                    owner = number
                    break
            owners.setdefault(owner, []).append(index)
        return owners

    # --- output --------------------------------------------------------------------

    def stretch(self, block: int, place: int) -> str:
        """Return the HTML of one stretch of a block with its decorations and insertions."""
        piece = self._stretches[block][place]
        return render_stretch(
            self.report.text,
            piece.start,
            piece.end,
            self.decorations,
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
