"""Numbering rules: operative paragraphs and subparagraph labels."""

from __future__ import annotations

import re
from typing import Iterator

from reslint_rules._shared import (
    letter_label,
    letter_value,
    roman_label,
    roman_value,
    strayed_into_preamble,
)

from reslint import patterns
from reslint.lexicon import load_lexicon
from reslint.model import Document, Node, NodeKind
from reslint.numerals import alphabet_of
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Edit, Fix, Severity, Violation

_SMALL_ROMAN = re.compile(patterns.SMALL_ROMAN)
_NUMBER_DOT = re.compile(patterns.NUMBER_DOT)
_CROSS_REFERENCE = re.compile(
    r"(?i)\bparagraphs?\s+\d+(?:\s*\([a-z]+\))?\s+(?:above|below)"
    r"|\bparagraphes?\s+\d+(?:\s*[a-z]\))?\s+ci-(?:dessus|dessous)"
    r"|\bpárrafos?\s+\d+\s+(?:supra|infra)"
    r"|\bparagraphs?\s+\d+[^.;]{0,40}\bof the present resolution"
    r"|\bparagraphes?\s+\d+[^.;]{0,40}\bde la présente résolution"
)


def _cross_reference(text: str) -> bool:
    """Return whether ``text`` refers to a paragraph by its number ("paragraph 5 above").

    Every form names the paragraph ("paragraph", "paragraphe", "párrafo", in any case):
    a text without "paragraph" or "párrafo" in lower case is not searched, which spares
    the case-insensitive expression a try at every character of most paragraphs."""
    lower = text.lower()
    if "paragraph" not in lower and "párrafo" not in lower:
        return False
    return _CROSS_REFERENCE.search(text) is not None


def _renumbering_applicability(document: Document) -> Applicability:
    """Return how safe renumbering is: unsafe where the text refers to its own paragraphs
    by number, since those references are not rewritten (worked out only for a document
    that needs renumbering: every paragraph is searched)."""
    if any(_cross_reference(node.text) for node in document.nodes):
        return Applicability.UNSAFE
    return Applicability.SAFE


def _digits_span(node: Node) -> Span:
    assert node.label_span is not None and node.number is not None
    start = node.label_span.start
    return Span(start, start + len(node.number))


def _renumber(nodes: list[Node], first: int, applicability: Applicability) -> Fix:
    edits = tuple(
        Edit(_digits_span(node), str(first + offset))
        for offset, node in enumerate(nodes)
        if node.number != str(first + offset)
    )
    return Fix(edits, applicability, f"Renumber from {first}")


class OperativeNumbering(Rule):
    """Operative paragraphs are numbered 1, 2, 3… without gaps or repeats.

    Numbering restarts in each section (``I``, ``A``…) unless the text clearly
    runs one sequence through its sections (the first paragraph of a section
    continues the previous one). A lone operative paragraph may be unnumbered;
    when there are several, each one carries a number (paragraphs that lost their
    numbers together, one after another, are one finding). An unnumbered lead-in
    followed by paragraphs numbered from 1 starts a sequence of its own: budget
    resolutions say "Resolves that, for the biennium 2018–2019:" and number what
    it resolves 1, 2, 3…, once for the appropriations, again for the income.

    ## Why
    Operative paragraphs are numbered consecutively in arabic numerals so that
    references to them are identical in every language version (UN Editorial
    Manual; AKN4UN).

    ## Example
    ```text
    1. Decides to convene a meeting;
    2. Requests a report;
    4. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```text
    1. Decides to convene a meeting;
    2. Requests a report;
    3. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Safe: the paragraph and those after it in its sequence are renumbered. Unsafe
    when the text refers to its own paragraphs by number ("paragraph 6 above"),
    since those references are not rewritten.
    """

    code = "NU001"
    name = "operative-numbering"
    summary = "Operative paragraphs not numbered 1, 2, 3… consecutively"
    severity = Severity.ERROR
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        operative = document.operative
        if not operative:
            return
        applicability: Applicability | None = None  # worked out for the first fix
        yield from self._dots(document)
        previous_last = 0
        strayed = {n.index for n in strayed_into_preamble(document)}  # ST002 reports them
        for nodes in _sequences(tuple(n for n in operative if n.index not in strayed)):
            numbered = [n for n in nodes if n.number is not None]
            if len(nodes) > 1 and not document.from_pdf:
                # extraction from PDF often loses list numbers: not reported there
                unnumbered = [n for n in nodes if n.number is None and n.opener is not None]
                if unnumbered and not numbered:
                    # none of them numbered: one problem, reported once
                    first = unnumbered[0]
                    yield self.violation(
                        Span(first.span.start, first.span.start + 1),
                        f"the {len(nodes)} operative paragraphs are not numbered",
                    )
                    unnumbered = []
                for run in _runs(nodes, unnumbered):
                    # a run of them lost its numbers together (a list numbered automatically
                    # whose numbers were not kept): one problem, reported once
                    yield self.violation(
                        Span(run[0].span.start, run[0].span.start + 1),
                        "operative paragraph is not numbered"
                        if len(run) == 1
                        else f"{len(run)} operative paragraphs in a row are not numbered",
                    )
            if not numbered:
                previous_last += len(nodes) if previous_last else 0  # numbers all lost
                continue
            slots = {id(n): i for i, n in enumerate(nodes)}  # unnumbered ones hold a place
            first = int(numbered[0].number or 0) - slots[id(numbered[0])]
            expected = previous_last + 1 if first == previous_last + 1 and first != 1 else 1
            previous_slot = -1
            fixed_from = False  # one renumbering fix per sequence covers the rest of it
            for index, node in enumerate(numbered):
                expected += slots[id(node)] - previous_slot - 1
                previous_slot = slots[id(node)]
                number = int(node.number or 0)
                if number != expected:
                    if applicability is None:
                        applicability = _renumbering_applicability(document)
                    problem = (
                        f"duplicate paragraph number {number}"
                        if index and number == int(numbered[index - 1].number or 0)
                        else f"paragraph numbered {number}, expected {expected}"
                    )
                    yield self.violation(
                        _digits_span(node),
                        problem,
                        None
                        if fixed_from
                        else _renumber(numbered[index:], expected, applicability),
                    )
                    fixed_from = True
                expected = number + 1
            # paragraphs after the last number hold their places (numbers lost in extraction)
            previous_last = int(numbered[-1].number or 0) + len(nodes) - 1 - slots[id(numbered[-1])]

    def _dots(self, document: Document) -> Iterator[Violation]:
        """A number typed without its dot in plain text ("5\tEncourages")."""
        if document.source_format != "text" or load_lexicon(document.language).number_style != (
            "dot"
        ):
            return
        for node in document.operative:
            if node.number is None or not node.number.isdigit() or node.label_span is None:
                continue
            label = document.text[node.label_span.start : node.label_span.end]
            if label.startswith(node.number) and not _NUMBER_DOT.match(label):
                digits = _digits_span(node)
                yield self.violation(
                    digits,
                    f"paragraph number {node.number} has no full stop",
                    Fix((Edit(Span(digits.end, digits.end), "."),), Applicability.SAFE, "Add '.'"),
                )


def _runs(nodes: list[Node], chosen: list[Node]) -> list[list[Node]]:
    """Return the ``chosen`` nodes grouped in runs of neighbours in ``nodes``."""
    picked = {id(n) for n in chosen}
    runs: list[list[Node]] = []
    previous = False
    for node in nodes:
        if id(node) in picked:
            if not previous:
                runs.append([])
            runs[-1].append(node)
        previous = id(node) in picked
    return runs


def _sequences(operative: tuple[Node, ...]) -> list[list[Node]]:
    """Return the operative paragraphs by numbering sequence: by section, and after a lead-in.

    A lead-in is an unnumbered paragraph ending with a colon right before one
    numbered 1 ("Resolves that, for the biennium 2018–2019:"); it belongs to no sequence.
    """
    sequences: dict[tuple[int, int], list[Node]] = {}
    lead_ins = 0
    for index, node in enumerate(operative):
        following = operative[index + 1] if index + 1 < len(operative) else None
        if (
            node.number is None
            and node.terminator == ":"
            and following is not None
            and following.section == node.section
            and following.number == "1"
        ):
            lead_ins += 1
            continue
        sequences.setdefault((node.section, lead_ins), []).append(node)
    return list(sequences.values())


class LoneParagraphNumbered(Rule):
    """A single operative paragraph is not numbered.

    ## Why
    AKN4UN: "Operative paragraphs are numbered with Arabic numerals, but a single
    operative paragraph is not numbered."

    ## Example
    ```text
    The General Assembly,
    1. Adopts the Declaration annexed to the present resolution.
    ```

    ## Use instead
    ```text
    The General Assembly,
    Adopts the Declaration annexed to the present resolution.
    ```

    ## Fix safety
    Safe: only the number and the space after it are removed.
    """

    code = "NU002"
    name = "lone-paragraph-numbered"
    summary = "A single operative paragraph carries a number"
    severity = Severity.INFO
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        operative = document.operative
        if len(operative) != 1 or operative[0].number is None:
            return
        node = operative[0]
        if any(n.kind is NodeKind.SECTION for n in document.nodes):
            return
        assert node.label_span is not None
        opener_start = node.opener.span.start if node.opener else node.label_span.end
        span = Span(node.label_span.start, max(node.label_span.end, opener_start))
        yield self.violation(
            node.label_span,
            "a lone operative paragraph is not numbered",
            Fix.replace(span, "", "Remove the number"),
        )


def _label_text_span(document: Document, node: Node) -> Span:
    """Return the span of a subparagraph label's letters or numeral (without brackets)."""
    assert node.label_span is not None and node.number is not None
    text = document.text[node.label_span.start : node.label_span.end]
    offset = max(0, text.find(node.number))
    start = node.label_span.start + offset
    return Span(start, start + len(node.number))


def _label_value(label: str, roman: bool) -> int | None:
    return roman_value(label) if roman else letter_value(label)


class SubparagraphSequence(Rule):
    """Subparagraph labels run (a), (b), (c)… and (i), (ii), (iii)… without gaps.

    First-degree subparagraphs are lettered, second-degree ones take lowercase
    roman numerals and restart under each lettered subparagraph.

    ## Why
    UN Editorial Manual, paragraphs and subparagraphs: labels by degree and
    language; a gap or repeat breaks references such as "paragraph 4 (b)".

    ## Example
    ```text
    1. Requests the Secretary-General:
    (a) To report;
    (c) To consult.
    ```

    ## Use instead
    ```text
    1. Requests the Secretary-General:
    (a) To report;
    (b) To consult.
    ```

    ## Fix safety
    Safe: the label's letter or numeral is replaced.
    """

    code = "NU003"
    name = "subparagraph-sequence"
    summary = "Subparagraph labels out of sequence"
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.nodes:
            if node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
                continue
            children = [
                c
                for c in document.children(node)
                if c.kind is NodeKind.SUBPARAGRAPH and c.number is not None and c.number.isalpha()
            ]
            yield from self._check_list(document, children)

    def _check_list(self, document: Document, children: list[Node]) -> Iterator[Violation]:
        """Check one paragraph's labels: level 1 and, restarting under each, level 2."""
        # Most texts letter the first level and number the second (i), (ii); some
        # (Security Council mandates) do the reverse. The first label tells which.
        roman_first = bool(children) and children[0].number == "i"
        entries: list[
            tuple[Node, int, bool, int | None, int]
        ] = []  # node, level, roman, value, scope
        scope = 0
        expected_first = 1
        for child in children:
            label = child.number or ""
            as_letter = letter_value(label)
            as_roman = roman_value(label) if _SMALL_ROMAN.fullmatch(label) else None
            first_level = (as_roman if roman_first else as_letter) == expected_first
            if first_level or (as_letter if roman_first else as_roman) is None:
                level, roman, value = 1, roman_first, (as_roman if roman_first else as_letter)
                scope += 1
                if value is not None:
                    expected_first = value + 1
            else:
                level, roman = 2, not roman_first
                value = as_roman if roman else as_letter
            entries.append((child, level, roman, value, 0 if level == 1 else scope))
        expected = {1: 1, 2: 1}
        fixed: set[tuple[int, int]] = set()  # (level, scope) sequences already given a fix
        for index, (child, level, roman, value, where) in enumerate(entries):
            if level == 1:
                expected[2] = 1
            if value is None:
                continue
            want = expected[level]
            if value != want:
                alphabet = alphabet_of(child.number or "")
                wanted = roman_label(want) if roman else letter_label(want, alphabet)
                fix = None
                if (level, where) not in fixed:
                    # one fix relabels the rest of the sequence, so it settles in one pass
                    fixed.add((level, where))
                    rest = [e for e in entries[index:] if e[1] == level and e[4] == where]
                    edits = []
                    for offset, (node, _, is_roman, _, _) in enumerate(rest):
                        label = (
                            roman_label(want + offset)
                            if is_roman
                            else letter_label(want + offset, alphabet)
                        )
                        if label != node.number:
                            edits.append(Edit(_label_text_span(document, node), label))
                    fix = Fix(tuple(edits), Applicability.SAFE, f"Relabel from '{wanted}'")
                yield self.violation(
                    _label_text_span(document, child),
                    f"subparagraph labelled '{child.number}', expected '{wanted}'",
                    fix,
                )
            expected[level] = value + 1


class SubparagraphLabelStyle(Rule):
    """Subparagraph labels take the form of the language: (a) in English, a) in French.

    ## Why
    UN Editorial Manual: English labels are ``(a)``, ``(i)``; French and Spanish
    labels are ``a)``, ``i)``. A label with a dot ("b.") is how a word processor's list
    numbering comes out in exported text; the published document prints the list's own
    form, so the rule leaves it alone.

    ## Example
    ```text
    1. Prie le Secrétaire général :
    (a) De lui présenter un rapport ;
    ```

    ## Use instead
    ```text
    1. Prie le Secrétaire général :
    a) De lui présenter un rapport ;
    ```

    ## Fix safety
    Safe: only the parentheses change.
    """

    code = "NU004"
    languages = ("en", "fr", "es")
    name = "subparagraph-label-style"
    summary = "Subparagraph label not in the language's form"
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        english = document.language == "en"
        for child in document.of_kind(NodeKind.SUBPARAGRAPH):
            if child.label_span is None or child.number is None or not child.number.isalnum():
                continue  # bullets have no form to check
            text = document.text[child.label_span.start : child.label_span.end]
            if text.endswith("."):
                continue  # "b.": a list's numbering as text exports it, not a bracket form
            has_open = text.startswith("(")
            if english and not has_open:
                wanted = f"({child.number})"
            elif not english and has_open:
                wanted = f"{child.number})"
            else:
                continue
            yield self.violation(
                child.label_span,
                f"subparagraph label '{text}' should be written '{wanted}'",
                Fix.replace(child.label_span, wanted, f"Write '{wanted}'"),
            )


RULES = (OperativeNumbering, LoneParagraphNumbered, SubparagraphSequence, SubparagraphLabelStyle)
