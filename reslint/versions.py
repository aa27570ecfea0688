"""The language versions of one resolution, paragraph by paragraph, and what anchors them.

Each version is parsed on its own; its preambular and operative paragraphs are
profiled by what survives translation unchanged: the paragraph number, the
ranks of its subparagraph labels (``(a)``, ``a)``, ``(أ)`` and ``(一)`` are all
rank 1), its footnote calls, the document symbols it cites (``A/77/1``,
``46/182``), the dates it gives (read with each language's month names) and the
other figures in it (years, amounts), read by :mod:`reslint.version_anchors`.
Paragraphs are then aligned across versions by position and by these anchors,
so that a paragraph missing from one version is one gap, not a shift of every
paragraph after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reslint import patterns
from reslint.model import Document, Node, NodeKind
from reslint.numerals import letter_value, roman_value
from reslint.text import Span
from reslint.version_anchors import (
    ARABIC_DIGITS,
    ARABIC_LETTERS,
    CJK_NUMERALS,
    LOOKALIKES,
    anchors_of,
    cjk_value,
    readings_of,
)
from reslint.version_dates import Date

KINDS = ("preambular", "operative")
_ASTERISK_NOTE = re.compile(patterns.ASTERISK_NOTE_MARK)


@dataclass(frozen=True, slots=True)
class ParagraphProfile:
    """One preambular or operative paragraph of one version."""

    kind: str
    position: int
    """0-based position among the paragraphs of its kind."""
    node: Node
    number: int | None
    labels: tuple[int, ...]
    """Ranks of its subparagraph labels, in order (0 for a bullet or an unknown label)."""
    calls: int
    symbols: tuple[str, ...]
    dates: tuple[Date, ...]
    figures: tuple[str, ...]
    readings: tuple[tuple[str, str], ...] = ()
    """Symbols and figures that can be read another way, with that reading: an Arabic text
    stores some in visual order ("500 251 510" for 510 251 500, "156/75" for 75/156)."""

    @property
    def span(self) -> Span:
        """Return where a finding about the paragraph points: its label or opening."""
        node = self.node
        if node.label_span is not None:
            return node.label_span
        if node.opener is not None and node.opener.span.end > node.opener.span.start:
            return node.opener.span
        return Span(node.span.start, min(node.span.end, node.span.start + 1))

    def anchors(self) -> Counter[str]:
        """Return the paragraph's anchors as one multiset (for alignment)."""
        found: Counter[str] = Counter(self.symbols)
        found.update(f"d{d}" for d in self.dates)
        found.update(f"n{f}" for f in self.figures)
        found[f"calls{self.calls}"] += 1
        found[f"subs{len(self.labels)}"] += 1
        return found


@dataclass(frozen=True)
class VersionProfile:
    """One language version: its document and paragraph profiles."""

    path: str
    document: Document
    paragraphs: dict[str, tuple[ParagraphProfile, ...]]
    footnotes: int
    """Its notes, those on the document itself aside (marked by asterisks: "* A/75/150.",
    "* Reissued for technical reasons"), which belong to one version's issue, not to the
    text the versions share."""

    @property
    def language(self) -> str:
        """Return the version's language."""
        return self.document.language


def label_rank(label: str | None, nested: bool = False) -> int:
    """Return the rank of a subparagraph label in any of the six languages (0: unknown).

    A label under a subparagraph (``nested``) is read as a Roman numeral where it can be
    one: "(i)", "(v)" and "(x)" are the first, fifth and tenth there, as Arabic writes
    "’1‘", "’5‘", "’10‘" and Chinese "㈠", "㈤", "㈩".  Arabic letters go in the order of the
    Latin ones they stand for, 26 of them, then doubled ("أ أ" after "ض", as "aa" after "z").
    """
    if not label:
        return 0
    core = _label_core(label)
    if core.isdigit():
        return int(core)
    if core and all(c in CJK_NUMERALS + "百零" for c in core):
        return cjk_value(core)
    letters = core.replace(" ", "")
    if letters and letters[0] in ARABIC_LETTERS[:26] and letters == letters[0] * len(letters):
        return ARABIC_LETTERS.index(letters[0]) + 1 + 26 * (len(letters) - 1)
    core = core.translate(LOOKALIKES).lower()
    if nested and core.isascii() and roman_value(core):
        return roman_value(core) or 0
    value = letter_value(core) if core.isascii() else None
    if value is not None and not (len(core) > 1 and roman_value(core)):
        return value
    return roman_value(core) or 0


def _text_without_calls(document: Document, node: Node) -> str:
    text = node.text
    for call in sorted(node.calls, key=lambda c: c.span.start, reverse=True):
        start = node.view.text.find(document.text[call.span.start : call.span.end])
        if start >= 0:
            text = text[:start] + " " + text[start + call.span.end - call.span.start :]
    return text


def profile(path: str, document: Document) -> VersionProfile:
    """Profile the preambular and operative paragraphs of one version."""
    paragraphs: dict[str, list[ParagraphProfile]] = {kind: [] for kind in KINDS}
    for node in document.nodes:
        if node.parent is not None or node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
            continue
        kind = "preambular" if node.kind is NodeKind.PREAMBULAR else "operative"
        family = [node, *_subparagraphs(document, node)]
        labels = _label_ranks([n for n in family if n.kind is NodeKind.SUBPARAGRAPH])
        text = " ".join(_text_without_calls(document, n) for n in family)
        symbols, dates, figures = anchors_of(text, document.language)
        readings = readings_of(text) if document.language == "ar" else ()
        number = node.number.translate(ARABIC_DIGITS) if node.number else None
        paragraphs[kind].append(
            ParagraphProfile(
                kind,
                len(paragraphs[kind]),
                node,
                int(number) if number and number.isdigit() else None,
                labels,
                sum(len(n.calls) for n in family),
                tuple(sorted(set(symbols))),
                tuple(sorted(set(dates))),
                tuple(sorted(set(figures))),
                readings,
            )
        )
    return VersionProfile(
        path,
        document,
        {kind: tuple(found) for kind, found in paragraphs.items()},
        sum(1 for note in document.footnotes if not _ASTERISK_NOTE.match(note.text)),
    )


def _label_core(label: str) -> str:
    """Return a label without its brackets, in its plain letters ("ﻫ", "(هـ)", "㈠")."""
    core = unicodedata.normalize("NFKC", label).replace("\u0640", "")
    return core.strip("()（）.’‘'\" ")


def _label_ranks(subparagraphs: list[Node]) -> tuple[int, ...]:
    """Return the ranks of the labels of a paragraph's subparagraphs, in order.

    "(i)", "(v)", "(x)" are Roman numerals under "(a)" and letters after "(h)", "(u)",
    "(w)": a label that reads both ways is the letter that follows the last letter, else
    the numeral (the reader does not always give the two levels apart).
    """
    ranks: list[int] = []
    last_letter = 0
    for node in subparagraphs:
        letter = label_rank(node.number)
        numeral = label_rank(node.number, nested=True)
        if letter != numeral and letter != last_letter + 1:
            ranks.append(numeral)
            continue
        if letter != numeral or _is_letter(node.number):
            last_letter = letter
        ranks.append(letter)
    return tuple(ranks)


def _is_letter(label: str | None) -> bool:
    core = _label_core(label or "")
    numeral = any(c in CJK_NUMERALS + "百零" for c in core) or roman_value(core.lower())
    return core.isalpha() and not numeral


def _nested(document: Document, node: Node) -> bool:
    """Return whether a subparagraph stands under another subparagraph."""
    parent = document.nodes[node.parent] if node.parent is not None else None
    return parent is not None and parent.kind is NodeKind.SUBPARAGRAPH


def _subparagraphs(document: Document, node: Node) -> list[Node]:
    """Return the subparagraphs under ``node`` (not the texts it quotes or adopts)."""
    found = []
    for child in document.children(node):
        if child.kind is NodeKind.SUBPARAGRAPH:
            found.append(child)
            found.extend(_subparagraphs(document, child))
    return found


def _anchor_similarity(a: ParagraphProfile, b: ParagraphProfile) -> float:
    anchors_a, anchors_b = a.anchors(), b.anchors()
    shared = sum((anchors_a & anchors_b).values())
    total = max(sum((anchors_a | anchors_b).values()), 1)
    return 1.0 + shared / total


def align(
    reference: tuple[ParagraphProfile, ...], other: tuple[ParagraphProfile, ...]
) -> list[tuple[int | None, int | None]]:
    """Align two paragraph sequences: pairs of positions, None where one side has a gap.

    Dynamic programming over the pairs: each matched pair scores 1 plus the share
    of anchors the two paragraphs have in common, a gap scores nothing, so the
    alignment keeps as many pairs as the shorter side has and puts the gaps where
    the anchors say a paragraph is missing.
    """
    n, m = len(reference), len(other)

    def _similarity(i: int, j: int) -> float:
        # the first and the last paragraphs of both sides correspond when nothing says
        # otherwise: a paragraph without anchors is missing in the middle, not at an end
        ends = 0.25 * ((i == 0 and j == 0) + (i == n - 1 and j == m - 1))
        return _anchor_similarity(reference[i], other[j]) + ends

    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score[i][j] = max(
                score[i + 1][j + 1] + _similarity(i, j),
                score[i + 1][j],
                score[i][j + 1],
            )
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] == score[i + 1][j + 1] + _similarity(i, j):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs
