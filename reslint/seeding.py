"""Errors seeded into real resolutions, to measure how many reslint catches.

Each seeder takes a parsed document and returns the text with one error put in
and the rule codes that must then report more than they did on the clean text
(or None when the document offers no place for that error). The errors are the
ones drafters and extraction make: a skipped or duplicated paragraph number,
a wrong final mark, a misspelt opener (under headings too), "also" before the
bare form, a closing clause naming a past session or moved up, a footnote body
deleted or a call to a note that does not exist, the organ line removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from reslint.lexicon import load_lexicon
from reslint.model import Document, FootnoteCall, Node, NodeKind
from reslint.vocabulary import ordinal_words, parse_ordinal


@dataclass(frozen=True, slots=True)
class Seeded:
    """A text with one error put in, and the rules expected to report it."""

    kind: str
    text: str
    codes: tuple[str, ...]


Seeder = Callable[[Document], "Seeded | None"]


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _numbered(document: Document) -> list[Node]:
    """Operative paragraphs numbered with a plain figure, in order, in the first part."""
    return [
        n
        for n in document.operative
        if n.number is not None
        and n.number.isdigit()
        and n.label_span is not None
        and n.part == document.operative[0].part
    ]


def _middle(nodes: list[Node]) -> Node | None:
    return nodes[len(nodes) // 2] if len(nodes) >= 3 else None


def _number_span(document: Document, node: Node) -> tuple[int, int] | None:
    assert node.label_span is not None and node.number is not None
    label = document.text[node.label_span.start : node.label_span.end]
    found = label.find(node.number)
    if found < 0:
        return None
    return node.label_span.start + found, node.label_span.start + found + len(node.number)


def skipped_number(document: Document) -> Seeded | None:
    """Renumber the paragraphs from the middle one on, one higher: a number is skipped."""
    nodes = _numbered(document)
    middle = _middle(nodes)
    if middle is None:
        return None
    text = document.text
    for node in reversed(nodes[nodes.index(middle) :]):
        span = _number_span(document, node)
        if span is None:
            return None
        text = _replace(text, *span, str(int(node.number or 0) + 1))
    return Seeded("skipped-number", text, ("NU001",))


def duplicated_number(document: Document) -> Seeded | None:
    """Give the middle paragraph the number of the one before it."""
    nodes = _numbered(document)
    middle = _middle(nodes)
    if middle is None:
        return None
    span = _number_span(document, middle)
    if span is None:
        return None
    before = nodes[nodes.index(middle) - 1].number or ""
    return Seeded("duplicated-number", _replace(document.text, *span, before), ("NU001",))


def _terminated(node: Node, mark: str) -> bool:
    return node.terminator == mark and node.terminator_span is not None


def wrong_final_mark(document: Document) -> Seeded | None:
    """End the last operative paragraph with the operative mark instead of the final one."""
    lexicon = load_lexicon(document.language)
    _, operative, final = lexicon.terminators
    candidates = [n for n in document.operative if not document.children(n)]
    if not candidates or candidates[-1] is not document.operative[-1]:
        return None
    last = candidates[-1]
    if not _terminated(last, final) or last.terminator_span is None:
        return None
    span = last.terminator_span
    return Seeded(
        "wrong-final-mark", _replace(document.text, span.start, span.end, operative), ("PU003",)
    )


def wrong_preambular_mark(document: Document) -> Seeded | None:
    """End a preambular paragraph in the middle of the preamble with a full stop."""
    lexicon = load_lexicon(document.language)
    nodes = [n for n in document.preambular if _terminated(n, lexicon.terminators[0])]
    middle = _middle(nodes)
    if middle is None or middle.terminator_span is None:
        return None
    span = middle.terminator_span
    return Seeded(
        "wrong-preambular-mark", _replace(document.text, span.start, span.end, "."), ("PU001",)
    )


def _misspell(word: str) -> str:
    """Drop a letter from the middle of a word ("Requests" → "Reqests")."""
    middle = len(word) // 2
    return word[:middle] + word[middle + 1 :]


def _misspelt_opener(document: Document, nodes: list[Node], code: str) -> Seeded | None:
    for node in nodes[1:]:
        opener = node.opener
        if opener is None or not opener.known:
            continue
        word = document.text[opener.span.start : opener.span.end].split()[0]
        if len(word) < 5 or not word.isalpha():
            continue
        start = opener.span.start
        return Seeded(
            "misspelt-opener",
            _replace(document.text, start, start + len(word), _misspell(word)),
            (code,),
        )
    return None


def misspelt_operative_verb(document: Document) -> Seeded | None:
    """Misspell the verb of an operative paragraph (one under a heading when there is one)."""
    nodes = list(document.operative)
    headed = [n for n in nodes if n.section]
    return _misspelt_opener(document, headed or nodes, "OP002")


def misspelt_preambular_opener(document: Document) -> Seeded | None:
    """Misspell the opener of a preambular paragraph."""
    return _misspelt_opener(document, list(document.preambular), "OP001")


def also_before_bare(document: Document) -> Seeded | None:
    """Add the "also" marker to the first paragraph of a series opening with a bare form."""
    lexicon = load_lexicon(document.language)
    if not lexicon.also:
        return None
    seen: set[tuple[int, str]] = set()  # verbs already opening a paragraph, per part
    for node in document.preambular:
        opener = node.opener
        if opener is None or not opener.known:
            continue
        verb = (node.part, lexicon.fold(opener.phrase.split()[0]))
        if verb in seen:
            continue  # "Rappelant que …" came first: "Rappelant aussi" here is right
        seen.add(verb)
        if opener.degree or opener.marker or len(opener.phrase.split()) != 1:
            continue
        end = opener.span.end
        return Seeded(
            "also-out-of-order",
            _replace(document.text, end, end, f" {lexicon.also[0]}"),
            ("OP003",),
        )
    return None


def _closer(document: Document) -> tuple[Node, int, int, int] | None:
    """The closing clause naming the session in words: (node, start, end, number)."""
    forms = load_lexicon(document.language).closing
    if forms is None or document.session is None:
        return None
    for node in document.operative:
        body = node.view.text
        action = re.search(forms.decision, body, re.I)
        if action is None:
            continue
        match = forms.action(body[action.start() :])
        if match is None:
            continue
        for named in forms.sessions(body, action.start() + match.end()):
            if named.by_year:
                continue
            span = node.view.original_span(named.start, named.end)
            return node, span.start, span.end, named.number
    return None


def past_session_in_closer(document: Document) -> Seeded | None:
    """Name, in the closing clause, the session before the resolution's own."""
    found = _closer(document)
    if found is None or document.session is None or document.session < 2:
        return None
    _, start, end, number = found
    if parse_ordinal(document.text[start:end], document.language) != number:
        return None
    wanted = ordinal_words(document.session - 1, document.language)
    return Seeded("past-session", _replace(document.text, start, end, wanted), ("CL001",))


def closer_moved_up(document: Document) -> Seeded | None:
    """Swap the closing clause (the last paragraph, when it is one) with the one before."""
    lexicon = load_lexicon(document.language)
    forms = lexicon.closing
    nodes = _numbered(document)
    if forms is None or len(nodes) < 3 or nodes[-1] is not document.operative[-1]:
        return None
    last, before = nodes[-1], nodes[-2]
    if document.children(before) or document.children(last):
        return None
    if not forms.closes(re.sub(r"^\s*\d+\s*\.\s*", "", last.view.text)):
        return None
    text = document.text
    last_body = _after_label(document, last)
    before_body = _after_label(document, before)
    if last_body is None or before_body is None:
        return None
    final, operative = lexicon.terminators[2], lexicon.terminators[1]
    moved = text[last_body[0] : last_body[1]].rstrip().rstrip(final) + operative
    kept = text[before_body[0] : before_body[1]].rstrip().rstrip(operative) + final
    text = _replace(text, last_body[0], last_body[1], kept)
    text = _replace(text, before_body[0], before_body[1], moved)
    return Seeded("closer-moved-up", text, ("CL002",))


def _after_label(document: Document, node: Node) -> tuple[int, int] | None:
    if node.label_span is None:
        return None
    end = node.span.end
    while end > node.label_span.end and document.text[end - 1].isspace():
        end -= 1
    return node.label_span.end, end


_UNAMBIGUOUS_CALLS = frozenset({"glued", "superscript", "markdown"})


def _detectable(document: Document, call: FootnoteCall) -> bool:
    """Return whether a missing note of this call can be told from a note never extracted.

    In text extracted from a PDF, a call written as a detached number may be an
    ordinary number, and a page's notes may be lost: the error is seeded only
    where a reader could see it, a call glued to its word or a note between two
    notes of the same page.
    """
    if not document.from_pdf or call.style in _UNAMBIGUOUS_CALLS:
        return True
    return any(min(r) < call.number < max(r) for r in document.footnote_regions if r)


def footnote_body_deleted(document: Document) -> Seeded | None:
    """Delete the text of a footnote that is called."""
    calls = {c.number: c for c in document.calls}
    for node in document.footnotes:
        if node.number is None or not node.number.isdigit():
            continue
        call = calls.get(int(node.number))
        if call is None or not _detectable(document, call):
            continue
        return Seeded(
            "footnote-deleted",
            _replace(document.text, node.span.start, node.span.end, ""),
            ("FN001",),
        )
    return None


def call_to_missing_note(document: Document) -> Seeded | None:
    """Renumber a footnote call to a note that does not exist."""
    numbers = [int(n.number) for n in document.footnotes if n.number and n.number.isdigit()]
    for call in document.calls:
        written = document.text[call.span.start : call.span.end]
        if written != str(call.number) or not numbers:
            continue
        if document.from_pdf and call.style not in _UNAMBIGUOUS_CALLS:
            continue
        missing = str(max(numbers) + 1)
        if len(missing) != len(written):
            continue
        return Seeded(
            "call-to-missing-note",
            _replace(document.text, call.span.start, call.span.end, missing),
            ("FN001", "FN003"),
        )
    return None


def organ_line_removed(document: Document) -> Seeded | None:
    """Delete the organ line ("The General Assembly,")."""
    span = document.organ_span
    if span is None:
        return None
    organ = next((n for n in document.nodes if n.kind is NodeKind.ORGAN), None)
    if organ is None:
        return None
    return Seeded(
        "organ-removed", _replace(document.text, organ.span.start, organ.span.end, ""), ("ST001",)
    )


SEEDERS: tuple[Seeder, ...] = (
    skipped_number,
    duplicated_number,
    wrong_final_mark,
    wrong_preambular_mark,
    misspelt_operative_verb,
    misspelt_preambular_opener,
    also_before_bare,
    past_session_in_closer,
    closer_moved_up,
    footnote_body_deleted,
    call_to_missing_note,
    organ_line_removed,
)
"""Every kind of seeded error, in the order they are reported."""
