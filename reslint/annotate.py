"""``reslint annotate``: a reviewed copy of a Word draft, one Word comment per finding.

Drafters work in Word, where a margin comment on the offending words is the
usual way to hand back a review.  The draft is linted as ``reslint check``
would lint it; each finding becomes a comment by "reslint" anchored on exactly
the text it is about (runs are split at the finding's boundaries, keeping
their formatting), saying the rule code, the message and the suggested fix.
A finding inside a footnote is anchored on the footnote's call in the body,
its comment saying which footnote it is about, since Word comments live in
the body.

The original file is never written: the copy goes to a temporary file that
is renamed over the output in one step.
"""

from __future__ import annotations

import bisect
import copy
import io
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from reslint.limits import applied, limits_for, small_number
from reslint.readers.docx import RunMap, Segment, open_document, render_document
from reslint.reading import ReadError, read_bytes
from reslint.violations import Violation
from reslint.writing import write_bytes_atomically

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from reslint.api import FileOutcome, Linter

_FIRST_WORD = re.compile(r"\s*\S+")
AUTHOR = "reslint"
INITIALS = "RL"
_MAX_ID = 2**31 - 2
"""Highest id a Word comment or note takes (a signed 32-bit number, room for one more)."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_COMMENTS_RELATIONSHIP = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
)


class AnnotateError(Exception):
    """The draft cannot be annotated; the message says why (the original is untouched)."""


@dataclass(frozen=True, slots=True)
class Target:
    """The rendered characters ``first`` … ``last`` a comment covers."""

    first: int
    last: int
    footnote: int | None = None
    """The footnote the finding is in, when the comment sits on its call."""


@dataclass(frozen=True)
class Annotated:
    """The outcome of annotating one draft."""

    outcome: FileOutcome
    output: Path
    comments: int
    on_footnote_calls: int

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Return the draft's findings (one comment each, where the draft has text to carry it)."""
        assert self.outcome.result is not None
        return tuple(self.outcome.result.violations)


def default_output(path: Path) -> Path:
    """Return where the reviewed copy of ``path`` goes: ``draft.reviewed.docx`` next to it."""
    return path.with_name(f"{path.stem}.reviewed{path.suffix}")


def annotate(linter: Linter, path: Path, output: Path | None = None) -> Annotated:
    """Lint the Word draft ``path`` and write a copy with one comment per finding.

    Raises:
        AnnotateError: the path is not a readable Word 2007+ file (``.docx``, or a
            ``.DOC`` holding one as the UN serves them), the output is the input,
            or the copy cannot be written.
    """
    output = output if output is not None else default_output(path)
    if _same_file(path, output):
        raise AnnotateError(f"{output}: the output would overwrite the draft; choose another -o")
    outcome = linter.lint_file(path)
    if outcome.error is not None:
        raise AnnotateError(outcome.error)
    assert outcome.result is not None and outcome.extraction is not None
    if outcome.extraction.format != "docx":  # Word 2007+ content, whatever the file's suffix
        raise AnnotateError(f"{path}: not a Word .docx file (annotate writes Word comments)")
    try:
        with applied(limits_for(outcome.settings)):
            data = read_bytes(path)
        document = open_document(data)
    except ReadError as error:
        raise AnnotateError(f"{path}: {error}") from None
    except OSError as error:
        raise AnnotateError(f"{path}: {error.strerror or error}") from None
    rendering, runs = render_document(document)
    if rendering.text != outcome.extraction.rendering.text:
        raise AnnotateError(f"{path}: the draft changed while it was being read; run again")
    violations = outcome.result.violations
    comments = place_comments(document, rendering.text, runs, violations)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        write_bytes_atomically(output, buffer.getvalue(), path.stat().st_mode & 0o777)
    except OSError as error:
        raise AnnotateError(f"{output}: cannot write: {error.strerror or error}") from None
    on_calls = sum(1 for target in comments if target.footnote is not None)
    return Annotated(outcome, output, len(comments), on_calls)


def _same_file(path: Path, output: Path) -> bool:
    if output.resolve() == path.resolve():
        return True
    try:
        return output.exists() and os.path.samefile(path, output)
    except OSError:
        return False


def comment_text(violation: Violation, text: str) -> list[str]:
    """Return the paragraphs of a finding's comment: the finding, then the suggested fix."""
    lines = [f"{violation.code} {violation.message}"]
    fix = violation.fix
    if fix is not None and fix.edits:
        changes = []
        for edit in fix.edits:
            old = text[edit.span.start : edit.span.end]
            if not old:
                changes.append(f"insert “{edit.replacement}”")
            elif not edit.replacement:
                changes.append(f"delete “{old}”")
            else:
                changes.append(f"“{old}” → “{edit.replacement}”")
        title = f"{fix.title}: " if fix.title else ""
        lines.append(f"Suggested fix: {title}{'; '.join(changes)}")
    return lines


def target(runs: RunMap, text: str, violation: Violation) -> Target | None:
    """Return the characters a finding's comment covers (None: no run to anchor it on)."""
    start, end = violation.span.start, violation.span.end
    index = bisect.bisect_right(runs.blocks, start, key=lambda b: b.start) - 1
    if index < 0 or start > runs.blocks[index].end:
        index += 1  # between two blocks: the next one
    if index >= len(runs.blocks):
        return None
    block = runs.blocks[index]
    if block.footnote is not None:
        call = runs.calls.get(block.footnote)
        return Target(call, call, block.footnote) if call is not None else None
    if end > start:
        covered: list[Segment] = []
        for candidate in runs.blocks[index:]:
            if candidate.start >= end or candidate.footnote is not None:
                break
            covered.extend(s for s in candidate.segments if s.end > start and s.start < end)
        if covered:
            return Target(max(start, covered[0].start), min(end, covered[-1].end) - 1)
    # nothing of a run inside the span: an insertion point gets the character before
    # it, an automatic number the first word after it
    before = [s for s in block.segments if s.start < start]
    if before:
        last = min(before[-1].end, start) - 1
        return Target(last, last)
    if not block.segments:
        return None
    first = block.segments[0].start
    word = _FIRST_WORD.match(text, first, block.end)
    return Target(first, word.end() - 1 if word else first)


def place_comments(
    document: WordDocument, text: str, runs: RunMap, violations: Sequence[Violation]
) -> list[Target]:
    """Add one comment per finding, anchored on its text; return the targets commented."""

    placed = [(v, t) for v in violations if (t := target(runs, text, v)) is not None]
    boundaries = {t.first for _, t in placed} | {t.last + 1 for _, t in placed}
    for offset in sorted(boundaries, reverse=True):  # later splits never move earlier text
        segment = runs.segment(offset)
        if segment is not None:
            split_before(segment, offset)
    rendering, split = render_document(document)
    if rendering.text != text:  # pragma: no cover - splitting keeps every character
        raise AnnotateError("splitting runs changed the text of the draft")
    added: list[int] = []
    with _comment_ids_counted():
        _add_comments(document, text, placed, split, added)
    if added:
        _renumber(document, added)
    return [where for _, where in placed]


@contextmanager
def _comment_ids_counted() -> Iterator[None]:
    """Give new comments consecutive ids without searching all comments for each one.

    python-docx finds the next free id by reading every comment's id: adding n
    comments takes time quadratic in n (minutes for ten thousand findings).
    Here the first id is found that way and the next ones counted from it.
    """
    from docx.oxml.comments import CT_Comments

    original = CT_Comments._next_available_comment_id
    issued: list[int] = []

    def next_id(comments: Any) -> int:
        number = issued[-1] + 1 if issued else original(comments)
        if number > _MAX_ID:
            number = original(comments)
        issued.append(number)
        return number

    CT_Comments._next_available_comment_id = next_id  # type: ignore[method-assign]
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = original  # type: ignore[method-assign]


def _add_comments(
    document: WordDocument, text: str, placed: list, split: RunMap, added: list[int]
) -> None:  # type: ignore[type-arg]
    from docx.text.run import Run

    for violation, where in placed:
        first, last = split.segment(where.first), split.segment(where.last)
        assert first is not None and last is not None
        paragraphs = comment_text(violation, text)
        if where.footnote is not None:
            paragraphs[0] = f"Footnote {where.footnote}: {paragraphs[0]}"
        comment = document.add_comment(
            [Run(first.run, document), Run(last.run, document)],
            text=paragraphs[0],
            author=AUTHOR,
            initials=INITIALS,
        )
        for paragraph in paragraphs[1:]:
            comment.add_paragraph(paragraph)
        added.append(comment.comment_id)


def _renumber(document: WordDocument, added: list[int]) -> None:
    """Give the new comments ids above every footnote and endnote id.

    Ids of comments and notes are separate in Word, but LibreOffice (7.4) mixes
    up a comment and a footnote that share an id and shows the wrong footnote
    texts; ids above all of them keep the copy readable there too.
    """
    body = document.element.body
    comments = document.part.part_related_by(_COMMENTS_RELATIONSHIP).element
    # ids are read as the file gives them: one that is not a number (or is out of
    # Word's range) cannot clash with the numbers given here
    found = (
        small_number(element.get(f"{_W}id", "0").strip(), _MAX_ID)
        for element in (
            *body.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"),
            *comments.iterchildren(f"{_W}comment"),
        )
    )
    used = [number for number in found if number is not None]
    base = max(used, default=0) + 1
    renumbered = {str(old): str(base + index) for index, old in enumerate(added)}
    marks = (f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference")
    for element in (*body.iter(*marks), *comments.iterchildren(f"{_W}comment")):
        new = renumbered.get(element.get(f"{_W}id", ""))
        if new is not None:
            element.set(f"{_W}id", new)


def split_before(segment: Segment, offset: int) -> None:
    """Make the character at rendered ``offset`` (in ``segment``) begin a run of its own.

    The run is cut in two: the second part gets a copy of the run properties
    and everything from that character on.
    """
    run, element = segment.run, segment.element
    first_moved: Any = element
    if element.tag == f"{_W}t":
        index = segment.offset + offset - segment.start
        content = element.text or ""
        if 0 < index < len(content):
            tail = copy.deepcopy(element)
            tail.text = content[index:]
            tail.set(_XML_SPACE, "preserve")
            element.text = content[:index]
            element.set(_XML_SPACE, "preserve")
            element.addnext(tail)
            first_moved = tail
    if all(sibling.tag == f"{_W}rPr" for sibling in first_moved.itersiblings(preceding=True)):
        return  # already the first thing in its run
    moved = [first_moved, *first_moved.itersiblings()]
    second = copy.deepcopy(run)
    for child in list(second):
        if child.tag != f"{_W}rPr":
            second.remove(child)
    for child in moved:
        second.append(child)
    run.addnext(second)
