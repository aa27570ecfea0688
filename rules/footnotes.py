"""Footnote rules: every call has a body, every body a call, calls in order."""

from __future__ import annotations

from typing import Iterator

from reslint.model import Document
from reslint.rule import Rule
from reslint.violations import Severity, Violation

_UNAMBIGUOUS = frozenset({"glued", "superscript", "markdown"})


def _inside_a_page(document: Document, number: int) -> bool:
    """Return whether footnotes just before and after ``number`` stand on one page."""
    for numbers in document.footnote_regions:
        if numbers and min(numbers) < number < max(numbers):
            return True
    return False


class CallWithoutBody(Rule):
    """A footnote call refers to a footnote that the document does not contain.

    Only checked when the document carries numbered footnote bodies: texts whose
    footnotes were dropped on extraction are not reported. In text extracted from
    a PDF, a missing footnote called by a detached number is reported only when
    the footnotes before and after it stand at the foot of the same page: whole
    pages of footnotes are often lost by the extraction.

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
        for call in document.calls:
            if (
                document.from_pdf
                and call.style not in _UNAMBIGUOUS
                and not _inside_a_page(document, call.number)
            ):
                continue  # the page carrying this footnote may not have been extracted
            if str(call.number) not in bodies:
                yield self.violation(call.span, f"footnote {call.number} is called but has no body")


class BodyWithoutCall(Rule):
    """A footnote body is never called from the text.

    Not checked in text extracted from a PDF, where footnote calls lose their
    superscript and cannot all be told from ordinary numbers.

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
        if not document.has_footnote_section or document.from_pdf:
            return
        called = {str(call.number) for call in document.calls}
        for node in document.footnotes:
            if node.number and node.number not in called:
                span = node.view.original_span(0, len(node.number))
                yield self.violation(span, f"footnote {node.number} is never called")


class CallsOutOfOrder(Rule):
    """Footnote calls are numbered from 1 in order of first appearance.

    Only checked when the document carries numbered footnote bodies; in text
    extracted from a PDF only the calls that cannot be ordinary numbers (glued to
    a word, superscript) are compared with each other.

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
        calls = document.calls
        if document.from_pdf:
            # a detached number in extracted text may be a call or not: judge the others
            calls = tuple(call for call in calls if call.style in _UNAMBIGUOUS)
            seen = set(range(1, min((c.number for c in calls), default=1)))
            highest = len(seen)
        for call in calls:
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
