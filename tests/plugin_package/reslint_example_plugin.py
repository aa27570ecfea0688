"""An example third-party reslint plugin (used by reslint's own tests).

It is published through the ``reslint`` entry-point group::

    [project.entry-points.reslint]
    example = "reslint_example_plugin"
"""

from __future__ import annotations

import re
from typing import Iterator

import reslint
from reslint import Rule

_PAIR = re.compile(r"\[[^\[\]]*\]")
_BRACKET = re.compile(r"[\[\]]")


class NoSquareBrackets(Rule):
    """Square brackets are removed from the text before adoption.

    During negotiations, text that is not yet agreed is put in square brackets
    (``[strongly] condemns``) and alternatives are bracketed side by side. A
    bracket that is still there when the text goes for adoption means that a
    negotiation point was left open, or that an editing mark was forgotten.

    ## Why
    A resolution is adopted as a clean text: brackets mark language that is not
    agreed, so a draft with brackets left in it is not ready to be tabled.

    ## Example
    ```text
    1. [Strongly] condemns all acts of violence;
    ```

    ## Use instead
    ```text
    1. Strongly condemns all acts of violence;
    ```

    ## Fix safety
    No fix: whether the bracketed words are kept or dropped is for the
    negotiators to decide.
    """

    code = "XP001"
    name = "no-square-brackets"
    summary = "Square brackets left in the text"

    def check(self, document: reslint.Document) -> Iterator[reslint.Violation]:
        for node in (*document.preambular, *document.operative):
            text = node.text
            paired: set[int] = set()
            for match in _PAIR.finditer(text):
                paired.update((match.start(), match.end() - 1))
                yield self.violation(
                    node.view.original_span(match.start(), match.end()),
                    f"bracketed text '{match.group()}' left in the paragraph",
                )
            for match in _BRACKET.finditer(text):
                if match.start() not in paired:
                    yield self.violation(
                        node.view.original_span(match.start(), match.end()),
                        f"stray '{match.group()}' left in the paragraph",
                    )


@reslint.hookimpl
def reslint_rules() -> list[type[Rule]]:
    """Return the rules of this plugin."""
    return [NoSquareBrackets]


@reslint.hookimpl
def reslint_read(path, data, encoding):  # type: ignore[no-untyped-def]
    """Read negotiation drafts with printed line numbers (``.lined``: ``  12  text``).

    The numbers are left out of the text checked, and findings are reported at
    the printed line numbers, which are what negotiators quote.
    """
    if path.suffix != ".lined":
        return None
    from reslint.readers import Anchor, SourceMap

    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise reslint.ReadError(f"not UTF-8: {error.reason}") from None
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for line in text.splitlines():
        number, _, content = line.strip().partition(" ")
        if not number.isdigit():
            raise reslint.ReadError(f"line without a printed number: {line[:30]!r}")
        anchors.append(Anchor(offset, int(number), f"printed line {number}"))
        parts.append(content.strip() + "\n")
        offset += len(parts[-1])
    rendering = reslint.Rendering("".join(parts), locations=SourceMap(tuple(anchors)))
    return reslint.Extraction(rendering, "lined")
