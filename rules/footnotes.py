"""Footnote rules: every call has a body, every body a call, calls in order."""

from __future__ import annotations

from typing import Iterator

from reslint.model import Document
from reslint.rule import Rule
from reslint.violations import Severity, Violation


class CallWithoutBody(Rule):
    """A footnote call refers to a footnote that the document does not contain.

    Only checked when the document carries numbered footnote bodies: texts whose
    footnotes were dropped on extraction are not reported. In text extracted from
    a PDF, a call numbered after the last footnote present is not reported either,
    since the extraction may have lost the pages that carry it.

    ## Why
    In resolutions all sources are cited in footnotes (UN Editorial Manual,
    footnotes); a call without its note leaves a citation dangling.

    ## Example
    ```text
    Recalling the Millennium Declaration,3
    _____
    1 See resolution 55/2.
    ```

    ## Use instead
    ```text
    Recalling the Millennium Declaration,1
    _____
    1 See resolution 55/2.
    ```

    ## Fix safety
    No fix.
    """

    code = "FN001"
    name = "call-without-body"
    summary = "Footnote call with no footnote body"
    severity = Severity.ERROR

    def check(self, document: Document) -> Iterator[Violation]:
        if not document.has_footnote_section:
            return
        bodies = {node.number for node in document.footnotes if node.number}
        last_body = max((int(number) for number in bodies), default=0)
        for call in document.calls:
            if document.from_pdf and call.number > last_body:
                continue  # the pages carrying later footnotes may not have been extracted
            if str(call.number) not in bodies:
                yield self.violation(call.span, f"footnote {call.number} is called but has no body")


class BodyWithoutCall(Rule):
    """A footnote body is never called from the text.

    ## Why
    Every note needs a call in the text; an orphan note usually means a call was
    deleted or mistyped.

    ## Example
    ```text
    Recalling the Millennium Declaration,
    _____
    1 See resolution 55/2.
    ```

    ## Use instead
    ```text
    Recalling the Millennium Declaration,1
    _____
    1 See resolution 55/2.
    ```

    ## Fix safety
    No fix.
    """

    code = "FN002"
    name = "body-without-call"
    summary = "Footnote body never called"
    severity = Severity.ERROR

    def check(self, document: Document) -> Iterator[Violation]:
        if not document.has_footnote_section:
            return
        called = {str(call.number) for call in document.calls}
        for node in document.footnotes:
            if node.number and node.number not in called:
                span = node.view.original_span(0, len(node.number))
                yield self.violation(span, f"footnote {node.number} is never called")


class CallsOutOfOrder(Rule):
    """Footnote calls are numbered from 1 in order of first appearance.

    Only checked when the document carries numbered footnote bodies.

    ## Why
    Footnote indicators are consecutive in order of appearance within a document
    (UN Editorial Manual examples; AKN4UN).

    ## Example
    ```text
    Recalling the Millennium Declaration,2 and the Durban Declaration,1
    _____
    1 See A/CONF.189/12.
    2 See resolution 55/2.
    ```

    ## Use instead
    ```text
    Recalling the Millennium Declaration,1 and the Durban Declaration,2
    _____
    1 See resolution 55/2.
    2 See A/CONF.189/12.
    ```

    ## Fix safety
    No fix: renumbering calls means renumbering and moving their notes.
    """

    code = "FN003"
    name = "calls-out-of-order"
    summary = "Footnote calls not numbered in order of appearance"

    def check(self, document: Document) -> Iterator[Violation]:
        if not document.has_footnote_section:
            return  # calls are only reliable where the footnotes came with the text
        highest = 0
        seen: set[int] = set()
        for call in document.calls:
            if call.number in seen:
                continue
            if call.number != highest + 1 and call.number < highest:
                yield self.violation(
                    call.span, f"footnote {call.number} is called after footnote {highest}"
                )
            elif call.number > highest + 1 and highest + 1 not in seen:
                yield self.violation(
                    call.span,
                    f"footnote {call.number} is called before footnote {highest + 1}",
                )
            seen.add(call.number)
            highest = max(highest, call.number)


RULES = (CallWithoutBody, BodyWithoutCall, CallsOutOfOrder)
