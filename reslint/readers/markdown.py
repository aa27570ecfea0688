"""Markdown drafts: ``*Decides*`` and ``_Rappelant_`` italics, numbered lists, ``[^1]`` notes.

Drafts kept in git repositories are often Markdown.  Rendering removes only
what would disturb the parser — emphasis markers, backslash escapes, heading
hashes, fenced code blocks (a draft's text is never code; a README's examples
are) — and keeps every other character where it was, so that findings are
reported at the Markdown file's own lines and columns and fixes are written
back into it.  Numbered lists (``1. Decides``) and footnotes (``[^1]``,
``[^1]: text``) are already resolution syntax for the parser.

A full CommonMark parser (markdown-it-py, mistune) was considered: they give
block line ranges but not character offsets inside inline text, which is what
a linter needs; the subset above is small and exact.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from reslint.readers import Extraction, OffsetMap, Rendering, text_extraction
from reslint.text import Span

_SPACED_WORD = r"[^\W\u3400-\u4dbf\u4e00-\u9fff]"
"""A letter or figure of a script that spaces its words: emphasis does not start or end
inside such a word, but Chinese, written without spaces, emphasises a verb glued to the
next word ("*回顾*其决议")."""

_EMPHASIS = re.compile(
    rf"(?<![\\*])(?<!{_SPACED_WORD})(?P<mark>\*{{1,3}}|_{{1,3}})(?![\s*_])"
    rf"(?P<body>(?:(?!\n[ \t]*\n).)+?)(?<![\s\\*_])(?P=mark)(?![*])(?!{_SPACED_WORD})",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|~])")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_FENCE = re.compile(
    r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ ]{0,3}(?P=fence)[`~]*[ \t]*(?:\n|\Z)"
    r"|^[ ]{0,3}(?:`{3,}|~{3,})[^\n]*(?:\n.*)?\Z",
    re.MULTILINE | re.DOTALL,
)


def render_markdown(text: str) -> Rendering:
    """Render Markdown text for the parser, with the offset map and italic spans."""
    removed: list[tuple[int, int]] = []
    italic_original: list[tuple[int, int]] = []
    fences = (
        [match.span() for match in _FENCE.finditer(text)]
        if ("```" in text or "~~~" in text)
        else []
    )
    removed.extend(fences)
    if "#" in text:
        removed.extend(match.span() for match in _HEADING.finditer(text))
    if "\\" in text:
        removed.extend((m.start(), m.start() + 1) for m in _ESCAPE.finditer(text))
    if "*" in text or "_" in text:
        for match in _EMPHASIS.finditer(text):
            mark = match.group("mark")
            removed.append((match.start(), match.start("body")))
            removed.append((match.end("body"), match.end()))
            if len(mark) != 2 and not any(s <= match.start() < e for s, e in fences):
                italic_original.append((match.start("body"), match.end("body")))
    if not removed:
        return Rendering(text, None, None, _italic(italic_original, None))
    removed.sort()
    pieces: list[tuple[int, int, int]] = []
    parts: list[str] = []
    position = cursor = 0
    for start, end in removed:
        if start < cursor:  # overlapping removals (an escape inside a marker): merge
            cursor = max(cursor, end)
            continue
        if start > cursor:
            pieces.append((position, cursor, start - cursor))
            parts.append(text[cursor:start])
            position += start - cursor
        cursor = end
    if cursor < len(text):
        pieces.append((position, cursor, len(text) - cursor))
        parts.append(text[cursor:])
    origin = OffsetMap(tuple(pieces))
    return Rendering("".join(parts), origin, None, _italic(italic_original, origin))


def _italic(ranges: list[tuple[int, int]], origin: OffsetMap | None) -> tuple[Span, ...] | None:
    """Map italic ranges of the original text into the rendered text.

    A draft with no emphasis at all does not use formatting: None, not "nothing italic".
    """
    if not ranges:
        return None
    if origin is None:
        return tuple(Span(start, end) for start, end in sorted(ranges))
    originals = [piece[1] for piece in origin.pieces]

    def rendered(offset: int) -> int:
        index = max(0, bisect.bisect_right(originals, offset) - 1)
        view, original, length = origin.pieces[index]
        return view + max(0, min(offset - original, length))

    return tuple(Span(rendered(start), rendered(end)) for start, end in sorted(ranges))


def read(path: Path, data: bytes, encoding: str | None) -> Extraction:
    """Read a Markdown file."""
    return text_extraction(data, encoding, render_markdown, "markdown")
