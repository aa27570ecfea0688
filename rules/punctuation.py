"""Terminal punctuation of preambular and operative paragraphs."""

from __future__ import annotations

from typing import Iterator

from reslint_rules._shared import last_descendant, statement_sections, strayed_into_preamble

from reslint.lexicon import load_lexicon
from reslint.model import Document, Node, NodeKind
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Fix, Severity, Violation

_MARKS = ",;:.!?،؛，；：。"


def _describe(mark: str) -> str:
    return f"'{mark}'" if mark in _MARKS else "no punctuation"


def _mark(document: Document, which: int) -> str:
    """Return the language's mark ending a preambular (0), operative (1) or last (2) paragraph."""
    return load_lexicon(document.language).terminators[which]


def terminal_fix(node: Node, wanted: str) -> tuple[Span, Fix] | None:
    """Return the span to report and the fix that puts ``wanted`` at the end of ``node``."""
    span = node.terminator_span
    if span is None:
        return None
    if node.terminator in _MARKS:
        return span, Fix.replace(span, wanted, f"Use '{wanted}'")
    end = _after_closers(node, span.end)
    insertion = Span(end, end)
    return span, Fix.replace(insertion, wanted, f"Add '{wanted}'")


_CLOSING = "\"'”’»)]"


def _after_closers(node: Node, end: int) -> int:
    """Return where a missing mark goes: after the brackets and quotes that close the text.

    ``resolution 1244 (1999)`` takes its comma after the parenthesis, and a title
    in quotation marks after the closing mark: the mark ends the paragraph, not
    what the parenthesis or the quotation holds.
    """
    view = node.view
    text = view.text.rstrip()
    index = len(text)
    while index > 0 and text[index - 1] in _CLOSING:
        index -= 1
    if index == len(text):
        return end
    return view.original_span(len(text) - 1, len(text)).end


def _check_end(
    rule: Rule, document: Document, node: Node, wanted: str, what: str
) -> Iterator[Violation]:
    last = last_descendant(document, node)
    if last.terminator == wanted:
        return
    if last.kind is NodeKind.QUOTED:
        return  # embedded text (an amendment, a declaration) carries its own punctuation
    found = terminal_fix(last, wanted)
    if found is None:
        return
    span, fix = found
    yield rule.violation(
        span, f"{what} ends with {_describe(last.terminator)}, not '{wanted}'", fix
    )


def _last_operative_by_part(document: Document) -> set[int]:
    last: dict[int, int] = {}
    for node in document.operative:
        last[node.part] = node.index
    return set(last.values())


class PreambularTerminator(Rule):
    """Preambular paragraphs end with a comma.

    ## Why
    The preamble and the operative part form one sentence; preambular paragraphs
    are its opening clauses and end with a comma (AKN4UN; observed throughout UN
    texts). A preambular paragraph that introduces subparagraphs ends with a
    colon, and its last subparagraph with the comma.

    ## Example
    ```text
    Recalling its resolution 58/170 of 22 December 2003;
    ```

    ## Use instead
    ```text
    Recalling its resolution 58/170 of 22 December 2003,
    ```

    ## Fix safety
    Safe: only the final punctuation mark is replaced or added.
    """

    code = "PU001"
    name = "preambular-terminator"
    summary = "Preambular paragraph not ending with a comma"
    severity = Severity.ERROR
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.preambular:
            yield from _check_end(self, document, node, _mark(document, 0), "preambular paragraph")


class OperativeTerminator(Rule):
    """Operative paragraphs end with a semicolon, except the last one.

    ## Why
    Operative paragraphs are the clauses of the resolution's single sentence,
    separated by semicolons; only the last one closes the sentence.

    ## Example
    ```text
    1. Decides to convene a high-level meeting.
    2. Requests the Secretary-General to report thereon.
    ```

    ## Use instead
    ```text
    1. Decides to convene a high-level meeting;
    2. Requests the Secretary-General to report thereon.
    ```

    ## Fix safety
    Safe: only the final punctuation mark is replaced or added.
    """

    code = "PU002"
    name = "operative-terminator"
    summary = "Operative paragraph (not the last) not ending with a semicolon"
    severity = Severity.ERROR
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        last = _last_operative_by_part(document)
        statements = statement_sections(document)
        # an operative verb strayed into the preamble ends like its neighbours (ST002)
        strayed = {n.index for n in strayed_into_preamble(document)}
        for node in document.operative:
            if node.index in last or (node.part, node.section) in statements:
                continue
            if node.index in strayed:
                continue
            if node.section and not (node.opener and node.opener.known):
                # under a heading, a numbered sentence with no operative verb belongs to an
                # annexed programme or declaration ("7. Les États … devraient agir.")
                continue
            yield from _check_end(self, document, node, _mark(document, 1), "operative paragraph")


def _cut_off_with_its_page(document: Document, node: Node) -> bool:
    """Return whether the last paragraph of a part is cut off where its page ends.

    A page of a compilation holds several resolutions, each closed by its
    meeting and date lines; the last one runs on to the next page: its last
    paragraph stops with no mark ("5. Requests the Executive Secretaries of the
    Economic"), and no meeting line follows.  Its end is not in the text.
    """
    if last_descendant(document, node).terminator in _MARKS:
        return False
    closed = {n.part for n in document.nodes if n.kind is NodeKind.ADOPTION}
    return bool(closed) and max(closed) < node.part


class FinalTerminator(Rule):
    """The last operative paragraph ends with a full stop.

    ## Why
    The last operative paragraph closes the resolution's single sentence.
    The last resolution of a compilation page that runs on to the next page
    (its paragraph stops with no mark and no meeting line follows, while the
    resolutions before it end with theirs) is not judged: its end is not in
    the text.

    ## Example
    ```text
    3. Decides to remain seized of the matter;
    ```

    ## Use instead
    ```text
    3. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Safe: only the final punctuation mark is replaced or added.
    """

    code = "PU003"
    name = "final-terminator"
    summary = "Last operative paragraph not ending with a full stop"
    severity = Severity.ERROR
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        last = _last_operative_by_part(document)
        for node in document.operative:
            if node.index in last and not _cut_off_with_its_page(document, node):
                yield from _check_end(
                    self, document, node, _mark(document, 2), "last operative paragraph"
                )


class LeadInColon(Rule):
    """A paragraph that introduces subparagraphs ends its lead-in with a colon.

    ## Why
    UN Editorial Manual example: "The actions … are:" followed by "(a) …;"
    "(b) …". The colon announces the list.

    ## Example
    ```text
    1. Requests the Secretary-General,
    (a) To report;
    ```

    ## Use instead
    ```text
    1. Requests the Secretary-General:
    (a) To report;
    ```

    ## Fix safety
    Safe: only the lead-in's final mark is replaced or added.
    """

    code = "PU004"
    languages = ("en", "fr", "es", "ar", "ru")  # Chinese uses the full-width colon
    name = "lead-in-colon"
    summary = "Lead-in to subparagraphs not ending with a colon"
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.nodes:
            if node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
                continue
            children = document.children(node)
            if not children or children[0].kind is not NodeKind.SUBPARAGRAPH:
                continue
            if node.terminator in (":",):
                continue
            found = terminal_fix(node, ":")
            if found is None:
                continue
            span, fix = found
            yield self.violation(
                span,
                f"lead-in to subparagraphs ends with {_describe(node.terminator)}, not ':'",
                fix,
            )


RULES = (PreambularTerminator, OperativeTerminator, FinalTerminator, LeadInColon)
