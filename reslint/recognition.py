"""Is there a resolution in a document at all?

A repository of resolutions also holds READMEs, reports, letters and budget
fascicles.  Linting those as resolutions gives pages of nonsense, so a file in
which the parser finds no resolution structure is skipped with one line.  The
evidence is structural, not a share of words:

* an organ line ("The General Assembly,", "L'Assemblée générale,") — which also
  finds a draft resolution carried in the annex of a report;
* a resolution's own heading: its symbol (``A/RES/73/3``) or a title line
  numbered as a resolution ("73/3. Political declaration …");
* failing those, paragraphs that open as a resolution's do — a known
  preambular opener or operative verb — making up a fair share of the body
  (:data:`KNOWN_SHARE`): a report's numbered paragraphs ("12.3 The Office will
  …") open with anything but an operative verb, and a text that mentions
  "Recalling" or "Decides" here and there has far more paragraphs that are
  neither.  On the evaluation material, resolutions that lost their organ line
  (OCR extracts of compilations) have a share of 0.24 or more; READMEs, design
  notes and budget fascicles 0.04 or less.
"""

from __future__ import annotations

import re

from reslint import patterns
from reslint.model import Document, NodeKind

SKIPPED = "no resolution found; skipped (--lint-non-resolutions lints it anyway)"
"""What is said of a file in which no resolution was found."""

_RESOLUTION_SYMBOL = re.compile(patterns.RESOLUTION_SERIES)
KNOWN_SHARE = 0.2
"""Share of body paragraphs with a known opener above which a text reads as a resolution."""
_BODY = frozenset({NodeKind.PREAMBULAR, NodeKind.OPERATIVE, NodeKind.UNCLASSIFIED})
_RESOLUTION_NUMBER = re.compile(patterns.RESOLUTION_TITLE_START)


def resolution_found(document: Document) -> bool:
    """Return whether ``document`` holds a resolution (or a draft of one)."""
    if any(node.kind is NodeKind.ORGAN for node in document.nodes):
        return True
    if document.symbol and _RESOLUTION_SYMBOL.search(document.symbol):
        return True
    if any(
        node.kind is NodeKind.TITLE and _RESOLUTION_NUMBER.match(node.text)
        for node in document.nodes
    ):
        return True
    body = [node for node in document.nodes if node.kind in _BODY]
    known = sum(1 for node in body if node.opener is not None and node.opener.known)
    return known >= 1 and known >= KNOWN_SHARE * len(body)
