"""Formatting carried by rich inputs (Word, PDF, Markdown, Akoma Ntoso): italic openers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from reslint.lexicon import load_lexicon
from reslint.model import Document, Node
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Violation

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _covered(italic: tuple[Span, ...], span: Span) -> bool:
    """Return whether ``span`` lies inside the italic stretches (touching ones joined)."""
    starts = [s.start for s in italic]
    index = bisect.bisect_right(starts, span.start) - 1
    position = span.start
    while 0 <= index < len(italic) and position < span.end:
        stretch = italic[index]
        if stretch.start > position:
            gap = stretch.start - position
            if gap > 1:  # one character (a space between two runs) is tolerated
                return False
        if stretch.end <= position:
            index += 1
            continue
        position = max(position, stretch.end)
        index += 1
    return position >= span.end


@dataclass(frozen=True)
class ItalicOptions:
    """Options of TY009."""

    operative: bool = field(
        default=False,
        metadata={"doc": "also require the operative verb in italics (usual UN print layout)"},
    )


class OpenerNotItalic(Rule):
    """The opening word of a preambular paragraph is set in italics.

    Checked only where the input carries formatting: Word, PDF, Akoma Ntoso, and
    Markdown drafts that use emphasis at all. Plain text has no italics and is
    never reported, and neither is a document whose openers are mostly roman:
    its source does not carry the openers' italics (the UN's markup of some
    texts sets two openers of forty in italics), and a roman opener there is no
    exception to judge.

    ## Why
    In UN resolutions the opening participle or phrase of each preambular
    paragraph is printed in italics (AKN4UN: "begins with a participle … in
    italics, and ends with a comma"); operative verbs are usually italic too in
    the printed layout. Italics are not used for emphasis elsewhere.

    ## Example
    ```markdown
    The General Assembly,
    *Recalling* its resolution 58/170,
    Reaffirming its resolution 58/171,
    ```

    ## Use instead
    ```markdown
    The General Assembly,
    *Recalling* its resolution 58/170,
    *Reaffirming* its resolution 58/171,
    ```

    ## Fix safety
    No automatic fix: formatting is changed in the source document (Word, Markdown).

    ## Options
    `operative`: also check the opening verb of operative paragraphs (off by
    default: the convention is firm for the preamble only).
    """

    code = "TY009"
    name = "opener-not-italic"
    summary = "Opening word of a paragraph not in italics (rich inputs only)"
    Options = ItalicOptions

    def applies_to(self, document: Document) -> bool:
        return document.italic is not None and super().applies_to(document)

    def check(self, document: Document) -> Iterator[Violation]:
        italic = document.italic
        if italic is None:
            return
        nodes: list[Node] = list(document.preambular)
        if self.options.operative:
            nodes.extend(document.operative)
        words = _opening_words(document, nodes)
        roman = [span for span in words if not _covered(italic, span)]
        if 2 * len(roman) > len(words):
            return  # mostly roman: the source does not carry the openers' italics
        for span in roman:
            yield self.violation(
                span, f"opening word '{document.text[span.start : span.end]}' is not in italics"
            )


def _opening_words(document: Document, nodes: list[Node]) -> list[Span]:
    """Return the span of each paragraph's opening word, in the order of the text."""
    spans = []
    spaced = load_lexicon(document.language).orthography.spaced
    for node in sorted(nodes, key=lambda n: n.span.start):
        opener = node.opener
        if opener is None or not opener.text:
            continue
        if not spaced:  # no spaces between words: the opener is the phrase the lexicon knows
            spans.append(opener.span)
            continue
        start = opener.span.start
        while start > 0 and document.text[start - 1].isalpha():
            start -= 1  # a clitic written on the opener ("وإذ") is part of its word
        word = _WORD.match(document.text, start)
        spans.append(Span(word.start(), word.end()) if word else opener.span)
    return spans


RULES = [OpenerNotItalic]
