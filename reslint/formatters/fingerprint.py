"""Fingerprints of violations that survive re-wrapping and moving a paragraph.

A violation is identified by its rule code and the normalised text of the
blank-line-separated paragraph around it: whitespace collapsed and a leading
operative number (``3.``) dropped, so re-wrapping, re-indenting, moving or
renumbering the paragraph keeps the fingerprint. Several violations of one rule
in one paragraph are told apart by their rank (``hash:1``, ``hash:2``…).
"""

from __future__ import annotations

import hashlib
import re

from reslint.violations import Violation

_BLANK_LINE = re.compile(r"\n[ \t\f\v\r]*\n")
_WHITESPACE = re.compile(r"\s+")
_LEADING_NUMBER = re.compile(r"^\d+\.\s+")


def paragraph_at(text: str, offset: int) -> str:
    """Return the blank-line-separated paragraph of ``text`` around ``offset``."""
    offset = max(0, min(offset, len(text)))
    start = 0
    for match in _BLANK_LINE.finditer(text, 0, offset):
        start = match.end()
    following = _BLANK_LINE.search(text, offset)
    end = following.start() if following else len(text)
    return text[start:end]


def normalise(paragraph: str) -> str:
    """Return ``paragraph`` with whitespace collapsed and a leading number dropped."""
    collapsed = _WHITESPACE.sub(" ", paragraph).strip()
    return _LEADING_NUMBER.sub("", collapsed)


def paragraph_hash(code: str, text: str, offset: int) -> str:
    """Return the hash of ``code`` and the normalised paragraph around ``offset``."""
    data = f"{code}\0{normalise(paragraph_at(text, offset))}".encode()
    return hashlib.sha256(data).hexdigest()[:32]


def fingerprints(text: str, violations: tuple[Violation, ...]) -> list[str]:
    """Return one fingerprint per violation, in order (``hash:rank``)."""
    seen: dict[str, int] = {}
    result = []
    for violation in violations:
        digest = paragraph_hash(violation.code, text, violation.span.start)
        seen[digest] = seen.get(digest, 0) + 1
        result.append(f"{digest}:{seen[digest]}")
    return result
