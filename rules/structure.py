"""Structure rules: the skeleton of a resolution."""

from __future__ import annotations

from typing import Iterator

from reslint.model import Document, Node, NodeKind
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Severity, Violation


class MissingOrganLine(Rule):
    """A resolution names its organ before the preamble.

    ## Why
    A resolution is one sentence whose subject is the organ: "The General Assembly,"
    / "L'Assemblée générale," opens the text and every preambular and operative
    paragraph depends on it (UN Editorial Manual, order of elements; AKN4UN
    enacting formula).

    ## Example
    ```text
    Recalling its resolution 58/170 of 22 December 2003,
    1. Decides to continue its consideration of the question;
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 22 December 2003,
    1. Decides to continue its consideration of the question;
    ```

    ## Fix safety
    No fix: which organ adopts the text is for the drafter to say.
    """

    code = "ST001"
    name = "missing-organ-line"
    summary = "Preamble or operative part without an organ line"
    severity = Severity.ERROR

    def check(self, document: Document) -> Iterator[Violation]:
        # each resolution of a file (each part: "A", "B", or the next resolution of a
        # chapter of adopted texts) opens with its own organ line
        with_organ = {n.part for n in document.nodes if n.kind is NodeKind.ORGAN}
        reported: set[int] = set()
        for node in document.nodes:
            if node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
                continue
            if node.part in with_organ or node.part in reported:
                continue
            reported.add(node.part)
            start = node.span.start
            yield self.violation(
                Span(start, start + min(len(node.text), 1)),
                "no organ line (e.g. 'The General Assembly,') before the first paragraph",
            )


class PreambleAfterOperative(Rule):
    """Preambular paragraphs come before the operative part.

    ## Why
    The order of elements is organ, preamble, operative part. A preambular
    paragraph after an operative one is out of place, unless a new section
    (``I``, ``A``…) starts its own preamble, as budget resolutions do.

    ## Example
    ```text
    The General Assembly,
    1. Decides to convene a meeting;
    Recalling its resolution 58/170,
    2. Requests a report.
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170,
    1. Decides to convene a meeting;
    2. Requests a report.
    ```

    ## Fix safety
    No fix: moving paragraphs changes the text's structure.
    """

    code = "ST002"
    name = "preamble-after-operative"
    summary = "Preambular paragraph after an operative paragraph"
    severity = Severity.ERROR

    def check(self, document: Document) -> Iterator[Violation]:
        operative_sections: set[int] = set()
        numbered_sections: set[int] = set()
        first_unnumbered: dict[int, Node] = {}
        reported: set[int] = set()
        for node in document.nodes:
            if node.kind is NodeKind.OPERATIVE:
                operative_sections.add(node.section)
                if node.number is not None:
                    numbered_sections.add(node.section)
                else:
                    first_unnumbered.setdefault(node.section, node)
            elif node.kind is NodeKind.PREAMBULAR and node.section in operative_sections:
                if node.section not in numbered_sections:
                    # only unnumbered operative paragraphs so far: one of them strayed into
                    # the preamble ("Souligne" for "Soulignant"); it is what is out of place
                    stray = first_unnumbered[node.section]
                    if stray.index not in reported and stray.opener is not None:
                        reported.add(stray.index)
                        yield self.violation(
                            stray.opener.span,
                            f"operative paragraph ('{stray.opener.text}') inside the preamble",
                        )
                    continue
                assert node.opener is not None
                yield self.violation(
                    node.opener.span,
                    f"preambular paragraph ('{node.opener.text}') after the operative part",
                )


class UnclassifiedParagraph(Rule):
    """Every paragraph should be recognisable as part of a resolution.

    ## Why
    reslint could not tell what this block is: not a preambular paragraph
    (no known opener), not an operative paragraph (no number, no operative verb),
    not a subparagraph, heading, footnote or adoption line. Often it is a
    paragraph whose opening phrase is misspelt, a stray line, or text pasted in
    the middle of the resolution. Other rules skip such blocks.

    ## Example
    ```text
    The General Assembly,
    this sentence stands on its own
    1. Decides to convene a meeting.
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170,
    1. Decides to convene a meeting.
    ```

    ## Fix safety
    No fix.
    """

    code = "ST003"
    name = "unclassified-paragraph"
    summary = "Block that is not recognisable as part of a resolution"

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.of_kind(NodeKind.UNCLASSIFIED):
            excerpt = node.text[:40] + ("…" if len(node.text) > 40 else "")
            first = node.view.original_span(0, min(len(node.text), 1))
            yield self.violation(first, f"unrecognised paragraph: '{excerpt}'")


RULES = (MissingOrganLine, PreambleAfterOperative, UnclassifiedParagraph)
