"""Fingerprints of violations that survive re-wrapping and moving a paragraph.

A violation is identified by its rule code and the normalised text of the
blank-line-separated paragraph around it: whitespace collapsed and a leading
operative number (``3.``) dropped, so re-wrapping, re-indenting, moving or
renumbering the paragraph keeps the fingerprint. Several violations of one rule
in one paragraph are told apart by their rank (``hash:1``, ``hash:2``…).
"""

from __future__ import annotations

import bisect
import hashlib
import re

from reslint.violations import Violation

_BLANK_LINE = re.compile(r"\n[ \t\f\v\r]*\n")
_WHITESPACE = re.compile(r"\s+")
_LEADING_NUMBER = re.compile(r"^\d+\.\s+")


class Paragraphs:
    """The blank-line-separated paragraphs of a text, found once, looked up in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        separators = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
        self._starts = [start for start, _ in separators]
        self._ends = [end for _, end in separators]

    def around(self, offset: int) -> str:
        """Return the paragraph around ``offset`` (as :func:`paragraph_at`)."""
        offset = max(0, min(offset, len(self.text)))
        # the last separator ending by ``offset`` (a separator must lie wholly before it)
        before = bisect.bisect_right(self._ends, offset) - 1
        start = self._ends[before] if before >= 0 else 0
        # the first separator starting at or after ``offset``; inside a separator, the
        # search from ``offset`` may find one the scan of the whole text does not
        after = bisect.bisect_left(self._starts, offset)
        if after > 0 and self._ends[after - 1] > offset:
            following = _BLANK_LINE.search(self.text, offset)
            end = following.start() if following else len(self.text)
        else:
            end = self._starts[after] if after < len(self._starts) else len(self.text)
        return self.text[start:end]


def paragraph_at(text: str, offset: int) -> str:
    """Return the blank-line-separated paragraph of ``text`` around ``offset``."""
    return Paragraphs(text).around(offset)


def normalise(paragraph: str) -> str:
    """Return ``paragraph`` with whitespace collapsed and a leading number dropped."""
    collapsed = _WHITESPACE.sub(" ", paragraph).strip()
    return _LEADING_NUMBER.sub("", collapsed)


def paragraph_hash(code: str, text: str | Paragraphs, offset: int) -> str:
    """Return the hash of ``code`` and the normalised paragraph around ``offset``."""
    paragraphs = text if isinstance(text, Paragraphs) else Paragraphs(text)
    data = f"{code}\0{normalise(paragraphs.around(offset))}".encode()
    return hashlib.sha256(data).hexdigest()[:32]


def fingerprints(text: str, violations: tuple[Violation, ...]) -> list[str]:
    """Return one fingerprint per violation, in order (``hash:rank``)."""
    seen: dict[str, int] = {}
    result = []
    paragraphs = Paragraphs(text)
    for violation in violations:
        digest = paragraph_hash(violation.code, paragraphs, violation.span.start)
        seen[digest] = seen.get(digest, 0) + 1
        result.append(f"{digest}:{seen[digest]}")
    return result
