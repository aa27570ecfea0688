"""Write laid-out rows as the text the parser reads, with anchors, italics, blocks and calls.

Each block is one paragraph on one line, blocks separated by blank lines;
calls are written ``[^N]`` and footnote bodies ``[^N]: text``.  Rows are
joined by a space, or by nothing after a line-end hyphen that a word of the
document shows to be a break ("coopé-" + "ration"); italics are the glyphs of
a font named so (``Times-Italic``, ``TimesNewRomanPS-ItalicMT``,
``MinionPro-It``, ``Helvetica-Oblique``).  Every row starts an
:class:`Anchor` naming its page and its line on that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reslint.readers import Anchor, Rendering, SourceMap
from reslint.readers.blocks import BlockRole, DocumentFacts, SourceBlock, SourceCall
from reslint.readers.pdf_rows import Row
from reslint.text import Span

_ITALIC_FONT = re.compile(
    r"italic|oblique|kursiv|[-,+](?:bold|semibold|demi|light|medium)?it(?![a-z])", re.I
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """Return the words of a text (letters only), as the hyphenation judges them."""
    return _WORD.findall(text)


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


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


class Writer:
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
