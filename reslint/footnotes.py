"""Find footnote calls in running text, however the extraction left them.

Calls come as superscript digits (``homme³``), glued to a word (``l'homme3,``),
glued to a year (``20002`` is 2000 + call 2) or detached (``1993 1 ,``).  Glued
and superscript calls are unambiguous; the others are only taken when the
document carries numbered footnote bodies and the number is the next one
expected, so that ``Article 1,`` or ``paragraph 3,`` are never read as calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reslint import patterns
from reslint.lexicon import words_everywhere
from reslint.limits import current, small_number

_DIGIT_RUN = re.compile(patterns.CALL_DIGIT_RUN)
_SPACE_BEFORE_MARK = re.compile(r"[ \t]*(?=[,;:.)])")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT = re.compile(patterns.SUPERSCRIPT_CALL)
_MARKDOWN = re.compile(patterns.MARKDOWN_NOTE_CALL)
_GLUED = re.compile(patterns.GLUED_CALL)
_GLUED_QUOTE = re.compile(patterns.GLUED_QUOTE_CALL)
_GLUED_HAN = re.compile(patterns.GLUED_HAN_CALL)
_TRAILING_CALLS = re.compile(patterns.TRAILING_CALLS)
_AFTER_MARK = re.compile(patterns.CALL_AFTER_MARK)
_YEAR = re.compile(patterns.YEAR_CALL)
_DETACHED = re.compile(patterns.DETACHED_CALL)
_DETACHED_YEAR = re.compile(patterns.DETACHED_YEAR_CALL)
_DETACHED_SPACED = re.compile(patterns.DETACHED_SPACED_CALL)
_AFTER_PUNCT = re.compile(patterns.CALL_AFTER_PUNCTUATION)


@cache
def _numbering_words() -> frozenset[str]:
    """Return the words a figure follows as the text's own ("article 1,", "paragraphe 3,"):
    the ``numbering_words`` of every lexicon's ``[words]`` table."""
    return frozenset(words_everywhere("numbering_words"))


@dataclass(frozen=True, slots=True)
class CallCandidate:
    """A possible footnote call: ``[start, end)`` is what to remove from the block text."""

    start: int
    end: int
    number: int
    style: str
    strong: bool


def _previous_word(text: str, index: int) -> str:
    match = re.search(r"([\w°º]+)\W*$", text[max(0, index - 64) : index])
    return match.group(1).casefold() if match else ""


def candidates(text: str) -> list[CallCandidate]:
    """Return the call candidates of a block's text, in order."""
    found: list[CallCandidate] = []
    superscript = _has_superscript_figure(text)
    for match in _SUPERSCRIPT.finditer(text) if superscript else ():
        number = small_number(match.group(0).translate(_SUPERSCRIPTS), current().footnote_number)
        if number is None:
            continue  # a run of superscript digits too long to be a call number
        found.append(CallCandidate(match.start(), match.end(), number, "superscript", True))
    for match in _MARKDOWN.finditer(text) if "[^" in text else ():
        found.append(
            CallCandidate(match.start(), match.end(), int(match.group(1)), "markdown", True)
        )
    trailing = _TRAILING_CALLS.search(text[-12:]) if text[-1:].isdigit() else None
    if trailing is not None:
        # "…thereof;16,17": calls after the paragraph's final mark
        base = len(text) - len(text[-12:])
        start = base + trailing.start(1)
        found.append(
            CallCandidate(start, base + trailing.end(1), int(trailing.group(1)), "glued", True)
        )
        for extra in re.finditer(patterns.GROUPED_CALL, trailing.group(2)):
            offset = base + trailing.start(2) + extra.start()
            found.append(
                CallCandidate(
                    offset, offset + len(extra.group(0)), int(extra.group(1)), "glued", True
                )
            )
    # Every other kind of call is a run of digits: anchor each pattern there
    # instead of letting it scan every position of the block, and try only the
    # patterns the run can start: a call is one or two figures (a longer run is
    # no call, or a year with a call glued to it, "20002"), glued to the character
    # before it or set apart from it by a space.
    for run in _DIGIT_RUN.finditer(text):
        start = run.start()
        length = run.end() - start
        if length > 2:
            if 5 <= length <= 6:
                _year_call(text, start, found)
            continue
        space_start = start
        while space_start > 0 and text[space_start - 1] in _SPACES:
            space_start -= 1
        if space_start == start:
            _glued_calls(text, start, found)
        else:
            _detached_calls(text, start, space_start, found)
    found.sort(key=lambda c: (c.start, -c.strong))
    unique: list[CallCandidate] = []
    last_end = -1
    for candidate in found:
        if candidate.start >= last_end:
            unique.append(candidate)
            last_end = candidate.end
    return unique


_SPACES = " \t\n\u00a0"
"""What sets a detached call apart from the word before it."""

_GLUED_TO = re.compile(patterns.CALL_GLUED_AFTER)


def _has_superscript_figure(text: str) -> bool:
    # ten substring tests, without a generator: this is asked of every block
    return (
        "¹" in text
        or "²" in text
        or "³" in text
        or "⁴" in text
        or "⁵" in text
        or "⁶" in text
        or "⁷" in text
        or "⁸" in text
        or "⁹" in text
        or "⁰" in text
    )


def _glued_calls(text: str, start: int, found: list[CallCandidate]) -> None:
    """Add the calls glued to the character before the figures at ``start``."""
    if not start or _GLUED_TO.match(text, start - 1) is None:
        return
    for pattern in (_GLUED, _GLUED_QUOTE, _AFTER_MARK):
        match = pattern.match(text, start)
        if match is None:
            continue
        group = 1 if match.group(1) is not None else 2
        if int(match.group(group)):
            found.append(
                CallCandidate(
                    match.start(group), match.end(group), int(match.group(group)), "glued", True
                )
            )
    match = _GLUED_HAN.match(text, start)
    if match is not None and int(match.group(1)):
        # figures follow Han characters in running text too ("至2030年" does not, its
        # figures run on): only a number the footnote bodies expect is a call
        number = int(match.group(1))
        found.append(CallCandidate(match.start(1), match.end(1), number, "glued", False))


def _year_call(text: str, start: int, found: list[CallCandidate]) -> None:
    """Add the call glued to a year at ``start`` ("20002" is 2000 and call 2)."""
    match = _YEAR.match(text, start)
    if match is not None:
        number = int(match.group(2))
        if number and not (len(match.group(2)) == 2 and match.group(2).startswith("0")):
            found.append(CallCandidate(match.start(2), match.end(2), number, "year", False))


def _detached_calls(text: str, start: int, space_start: int, found: list[CallCandidate]) -> None:
    """Add the calls at ``start`` set apart by the spaces from ``space_start``."""
    for pattern in (_DETACHED_YEAR, _DETACHED, _DETACHED_SPACED, _AFTER_PUNCT):
        match = pattern.match(text, space_start)
        if match is None or match.start(2) != start:
            continue
        number = int(match.group(2))
        if not number:
            continue
        if pattern is _DETACHED and _previous_word(text, match.start()) in _numbering_words():
            continue
        end = match.end(2)
        space = _SPACE_BEFORE_MARK.match(text, end)
        if space:
            end = space.end()
        found.append(CallCandidate(match.start(1), end, number, "detached", False))


def lost_notes(regions: tuple[tuple[int, ...], ...]) -> frozenset[int]:
    """Return the note numbers skipped at the foot of a page between the notes just before
    and just after them ("1, 2, 4, 5": note 3; a wider gap is not a note lost but a
    number misread, "7, 8, 9, 10, 39")."""
    return frozenset(
        number - 1
        for numbers in regions
        for number in numbers
        if number - 2 in numbers and number - 1 not in numbers
    )


def select_calls(
    blocks: list[list[CallCandidate]], bodies: set[int], lost: frozenset[int] = frozenset()
) -> list[list[CallCandidate]]:
    """Keep the plausible calls of each block, walking the document in order.

    Strong candidates are always kept.  A weak one is kept only when the document
    has numbered footnote bodies and its number is the next call expected, or a
    body number not yet called and later than the last call, or a number ``lost``
    (one the notes at the foot of a page skip: "1, 2, 4, 5" lost note 3), so that
    the call of a missing note is found even when a call before it was not.
    """
    expected = 1
    last = 0
    called: set[int] = set()
    chosen: list[list[CallCandidate]] = []
    for block in blocks:
        kept: list[CallCandidate] = []
        for candidate in block:
            number = candidate.number
            if not candidate.strong:
                if not bodies:
                    continue
                plausible = number == expected or (
                    (number in bodies or number in lost) and number not in called and number > last
                )
                if not plausible or number > max(bodies) + 1:
                    continue
            kept.append(candidate)
            called.add(number)
            last = max(last, number)
            expected = number + 1
        chosen.append(kept)
    return chosen
