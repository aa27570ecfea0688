"""Typography per language: spaces around punctuation, apostrophes, quotes, dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Iterator, Literal

from reslint import patterns
from reslint.model import Document, Node, NodeKind
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Edit, Fix, Severity, Violation
from reslint.vocabulary import month_names

# Typography is checked in the drafter's own text only: preambular, operative
# and subparagraphs and the title.  Quoted text (an amendment, a declaration)
# and everything the extraction of a PDF added are left alone.
_SCANNED = (NodeKind.TITLE, NodeKind.PREAMBULAR, NodeKind.OPERATIVE, NodeKind.SUBPARAGRAPH)

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_SPACE_CHARS = {"nbsp": NBSP, "narrow": NARROW_NBSP, "any": NBSP}
_ACCEPTED = {
    "nbsp": frozenset({NBSP}),
    "narrow": frozenset({NARROW_NBSP}),
    "any": frozenset({" ", NBSP, NARROW_NBSP}),
}
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+", re.I)


def scanned_nodes(document: Document) -> Iterator[Node]:
    """Yield the nodes whose running text typography rules look at."""
    return document.of_kind(*_SCANNED)


def exact_span(document: Document, node: Node, start: int, end: int) -> Span | None:
    """Return the original span of view range ``[start, end)`` when it is copied verbatim.

    None when the range straddles a line break, a removed footnote call or an
    artefact of extraction: a fix there could not be trusted.
    """
    span = node.view.original_span(start, end)
    if document.text[span.start : span.end] != node.view.text[start:end]:
        return None
    for artefact in document.artefacts:
        if artefact.span.start < max(span.end, span.start + 1) and span.start < artefact.span.end:
            return None
    return span


def body_start(document: Document, node: Node) -> int:
    """Return the view offset where the paragraph's text starts (after its label)."""
    text = node.text
    if node.label_span is None:
        return 0
    label = document.text[node.label_span.start : node.label_span.end]
    index = text.find(label)
    if index < 0 or index > 3:
        return 0
    index += len(label)
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _url_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def _inside(ranges: list[tuple[int, int]], index: int) -> bool:
    return any(start <= index < end for start, end in ranges)


def _name(char: str) -> str:
    return {NBSP: "no-break space", NARROW_NBSP: "narrow no-break space", " ": "space"}.get(
        char, repr(char)
    )


@dataclass(frozen=True)
class FrenchSpaceOptions:
    """Options of TY001."""

    space: Literal["nbsp", "narrow", "any"] = "any"
    """Space wanted before ; : ! ? » and after «: "nbsp" (U+00A0), "narrow"
    (U+202F) or "any" (either, or an ordinary space: only a missing space is
    reported; the fix inserts U+00A0)."""


class FrenchSpaceBeforePunctuation(Rule):
    """French high punctuation is preceded by a space; « » have inner spaces.

    ## Why
    French typography puts a (no-break) space before `;`, `:`, `!` and `?`,
    after `«` and before `»`; UN French texts write `comme suit :` and
    `« La situation à Chypre »` (conventions PUNCT-005).

    The `space` option says which space is wanted: `"any"` (the default)
    accepts an ordinary space, U+00A0 or U+202F and reports only a missing
    space; `"nbsp"` wants U+00A0 and `"narrow"` U+202F, so that an ordinary
    space is reported too. Colons in addresses (`https://…`) and between
    figures (`10:30`) are left alone.

    Off by default: French resolutions extracted from the UN's PDFs very often
    show no space at all before `;` and `:` (`résolution;`, `suit:` in about a
    third of the adopted Human Rights Council and General Assembly texts of
    the evaluation corpus), so that the rule would flood adopted texts. Select
    it (`extend-select = ["TY001"]`) to hold drafts to the printed typography.

    ## Example
    ```text
    L'Assemblée générale,
    1. Prie le Secrétaire général de lui faire rapport sur les points suivants:
    a) Les «mesures prises»;
    b) Les mesures envisagées.
    ```

    ## Use instead
    ```text
    L'Assemblée générale,
    1. Prie le Secrétaire général de lui faire rapport sur les points suivants :
    a) Les « mesures prises » ;
    b) Les mesures envisagées.
    ```

    ## Fix safety
    Safe: only a space is inserted (U+00A0, or U+202F with `space = "narrow"`)
    or an ordinary space is replaced by the configured one.
    """

    code = "TY001"
    name = "french-space-before-punctuation"
    summary = "French high punctuation or guillemet without its space"
    languages = ("fr",)
    fix_availability = Applicability.SAFE
    default_enabled = False
    Options = FrenchSpaceOptions

    def check(self, document: Document) -> Iterator[Violation]:
        accepted = _ACCEPTED[self.options.space]
        wanted = _SPACE_CHARS[self.options.space]
        original = document.text
        for node in scanned_nodes(document):
            text = node.text
            urls = _url_ranges(text)
            for index, char in enumerate(text):
                if char not in ";:!?«»" or _inside(urls, index):
                    continue
                mark = exact_span(document, node, index, index + 1)
                if mark is None:
                    continue
                # the neighbour is read in the original: a footnote call removed
                # from the view may stand between the word and the mark
                after = char == "«"
                at = mark.end if after else mark.start - 1
                if at < 0 or at >= len(original):
                    continue
                other = original[at]
                if other in accepted or other in "\n\r\t":
                    continue
                if char == ":" and other.isdigit() and text[index + 1 : index + 2].isdigit():
                    continue  # a time or a ratio: 10:30, 1:2
                if not after and other in ";:!?.…«":
                    continue  # "?!", "…:": one space before the group is enough
                if after and other == "»":
                    continue
                where = "after" if after else "before"
                if other.isspace():
                    span = Span(at, at + 1)
                    yield self.violation(
                        span,
                        f"{_name(other)} {where} '{char}' should be a {_name(wanted)}",
                        Fix.replace(span, wanted, f"Use a {_name(wanted)}"),
                    )
                    continue
                insert = mark.end if after else mark.start
                yield self.violation(
                    mark,
                    f"missing space {where} '{char}'",
                    Fix.replace(Span(insert, insert), wanted, f"Insert a {_name(wanted)}"),
                )


class EnglishSpaceBeforePunctuation(Rule):
    """No space before a semicolon or a colon in English and Spanish.

    ## Why
    English and Spanish put no space before `;` and `:` (`as follows:`,
    `las siguientes cuestiones:`; conventions PUNCT-006). A space there is
    usually a French habit or a leftover of editing.

    ## Example
    ```text
    The General Assembly,
    1. Requests the Secretary-General to report on the following :
    (a) The measures taken ;
    (b) The measures planned.
    ```

    ## Use instead
    ```text
    The General Assembly,
    1. Requests the Secretary-General to report on the following:
    (a) The measures taken;
    (b) The measures planned.
    ```

    ## Fix safety
    Safe: only the spaces before the mark are removed.
    """

    code = "TY002"
    name = "english-space-before-punctuation"
    summary = "Space before a semicolon or colon in English or Spanish"
    languages = ("en", "es")
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in scanned_nodes(document):
            text = node.text
            for start, end in _spaces_before_marks(text):
                if start < body_start(document, node):
                    continue
                span = exact_span(document, node, start, end)
                if span is None:
                    continue
                mark = text[end]
                yield self.violation(
                    span,
                    f"space before '{mark}'",
                    Fix.replace(span, "", f"Remove the space before '{mark}'"),
                )


_MARK = re.compile(r"[;:]")
_SPACES = " \u00a0\u202f"


def _spaces_before_marks(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each run of spaces (space, no-break, narrow no-break) right
    before a semicolon or colon, after a character that is not a space, '(' or '['.

    The marks are few and spaces everywhere: each mark is found first and the spaces
    before it read backwards, rather than each run of spaces tried against a mark.
    """
    for found in _MARK.finditer(text):
        end = found.start()
        start = end
        while start > 0 and text[start - 1] in _SPACES:
            start -= 1
        if start == end or start == 0:
            continue
        before = text[start - 1]
        if not before.isspace() and before not in "([":
            yield start, end


_LETTER = r"[^\W\d_]"
# an apostrophe between letters; the apostrophe is matched first (the letter before it is
# looked behind afterwards), so that the search skips to apostrophes instead of trying a
# look-behind at every character
_APOSTROPHE = re.compile(rf"['\u2019](?<={_LETTER}['\u2019])(?={_LETTER})")
_APOSTROPHES = {
    char: re.compile(rf"{char}(?<={_LETTER}{char})(?={_LETTER})") for char in ("'", "\u2019")
}
"""Each apostrophe alone between letters, to tell whether a document uses both."""


def _between_letters(nodes: list[Node], char: str) -> bool:
    """Return whether the apostrophe ``char`` stands between letters in any of ``nodes``."""
    pattern = _APOSTROPHES[char]
    return any(char in node.text and pattern.search(node.text) for node in nodes)


class ApostropheConsistency(Rule):
    """One document uses one apostrophe: straight (') or typographic (’).

    ## Why
    A text assembled from several sources mixes `Secretary-General's` and
    `Secretary-General’s`; the printed resolution has one form throughout.
    The form used less often in the document's paragraphs is reported (on a
    tie, the straight one).

    ## Example
    ```text
    The General Assembly,
    Recalling the Secretary-General’s report on the Organization’s work,
    1. Takes note of the Secretary-General's report;
    2. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling the Secretary-General’s report on the Organization’s work,
    1. Takes note of the Secretary-General’s report;
    2. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Safe: one apostrophe character is replaced by the other; the words do not
    change.
    """

    code = "TY003"
    name = "apostrophe-consistency"
    summary = "Straight and typographic apostrophes mixed in one document"
    fix_availability = Applicability.SAFE
    severity = Severity.INFO

    def check(self, document: Document) -> Iterator[Violation]:
        nodes = [n for n in scanned_nodes(document) if "'" in n.text or "\u2019" in n.text]
        if not all(_between_letters(nodes, char) for char in _APOSTROPHES):
            return  # one apostrophe or none: nothing mixed (most documents)
        found: list[tuple[Node, int, str]] = []
        for node in nodes:
            found.extend((node, m.start(), m.group()) for m in _APOSTROPHE.finditer(node.text))
        counts = Counter(char for _, _, char in found)
        if len(counts) < 2:
            return
        majority = "\u2019" if counts["\u2019"] >= counts["'"] else "'"
        for node, index, char in found:
            if char == majority:
                continue
            span = exact_span(document, node, index, index + 1)
            if span is None:
                continue
            yield self.violation(
                span,
                f"apostrophe {char!r} where the document mostly uses {majority!r}",
                Fix.replace(span, majority, f"Use {majority!r}"),
            )


def _month_alternation(capitalised: bool) -> str:
    names = month_names("fr")
    if capitalised:
        names = tuple(name[:1].upper() + name[1:] for name in names)
    return "|".join(re.escape(name) for name in names)


class FrenchMonthCase(Rule):
    """French month names are written in lower case.

    ## Why
    French writes months in lower case: `22 décembre 2003`, never
    `22 Décembre 2003` (conventions NUM-006; no capitalised month in the
    French Security Council corpus). The rule looks at a month name written
    with a capital right after a day number.

    ## Example
    ```text
    L'Assemblée générale,
    Rappelant sa résolution 58/170 du 22 Décembre 2003,
    1. Décide de poursuivre l'examen de la question.
    ```

    ## Use instead
    ```text
    L'Assemblée générale,
    Rappelant sa résolution 58/170 du 22 décembre 2003,
    1. Décide de poursuivre l'examen de la question.
    ```

    ## Fix safety
    Safe: only the first letter of the month is put in lower case.
    """

    code = "TY004"
    name = "french-month-case"
    summary = "Capitalised month name in a French date"
    languages = ("fr",)
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        months = _month_alternation(True)
        pattern = re.compile(rf"\b\d{{1,2}}(?:\s?(?:er|re|e))?\s+(?P<month>{months})\b")
        capitalised = re.compile(months)  # found quickly: a text without one has no such date
        for node in scanned_nodes(document):
            if capitalised.search(node.text) is None:
                continue
            for found in pattern.finditer(node.text):
                month = found.group("month")
                span = exact_span(document, node, found.start("month"), found.end("month"))
                if span is None:
                    continue
                wanted = month.lower()
                yield self.violation(
                    span,
                    f"month '{month}' in lower case in French: '{wanted}'",
                    Fix.replace(Span(span.start, span.start + 1), wanted[0], f"Use '{wanted}'"),
                )


@cache
def _first_of_month() -> re.Pattern[str]:
    """Return a figure 1 (or "1e", "1ème", "1°") before a French month, alone or first of
    a range ("1 juin", "1 au 15 juin"), not part of a number or a list of figures.

    The figure comes first, the characters before it are looked behind afterwards: the
    search skips to the figures instead of trying the look-behinds at every character."""
    months = f"(?:{_month_alternation(False)}|{_month_alternation(True)})"
    return re.compile(
        r"(?P<day>1(?<![\d.,/\-]1)(?<!\d\s1)(?:e|ème|°)?)"
        rf"(?=\s+{months}\b|\s+(?:au|et|-|–)\s*\d{{1,2}}(?:\s?er)?\s+{months}\b)"
    )


class FrenchFirstOfMonth(Rule):
    """The first day of a month is written `1er` in French.

    ## Why
    French writes the first day of a month as an ordinal: `1er juin 2015`,
    `du 1er janvier au 31 décembre`; `1 juin` and `1e juin` are wrong
    (conventions NUM-004 and NUM-006; 1,728 `1er <mois>` against one
    `1 <mois>` in the French Security Council corpus). Text extracted from a
    PDF often shows the superscript apart (`1 er juin`); that is accepted.

    ## Example
    ```text
    L'Assemblée générale,
    1. Prie le Secrétaire général de lui présenter un rapport avant le 1 juin 2025;
    2. Décide de poursuivre l'examen de la question.
    ```

    ## Use instead
    ```text
    L'Assemblée générale,
    1. Prie le Secrétaire général de lui présenter un rapport avant le 1er juin 2025;
    2. Décide de poursuivre l'examen de la question.
    ```

    ## Fix safety
    Safe: `1`, `1e` or `1ème` before a month becomes `1er`.
    """

    code = "TY005"
    name = "french-first-of-month"
    summary = "First of the month not written '1er' in French"
    languages = ("fr",)
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        pattern = _first_of_month()
        for node in scanned_nodes(document):
            for found in pattern.finditer(node.text):
                span = exact_span(document, node, found.start("day"), found.end("day"))
                if span is None:
                    continue
                yield self.violation(
                    span,
                    f"first of the month written '{found.group('day')}', not '1er'",
                    Fix.replace(span, "1er", "Use '1er'"),
                )


class DoubleSpace(Rule):
    """Two or more spaces inside a paragraph.

    ## Why
    A double space is a leftover of editing (a word deleted, two pieces of
    text pasted together) and shows in the printed text.

    Decided per input kind: text extracted from a PDF (`document.from_pdf`:
    page headers, page numbers, job numbers or image placeholders were found)
    carries double spaces everywhere because the PDF's text was justified, so
    the rule stays silent on it, and also on a document where several
    paragraphs show the spread-out spacing of justified text. The space or tab
    after a paragraph number (`1.` + tab) is layout and is not reported, and
    neither are two spaces after a full stop or a colon (the typewriter
    convention).

    Off by default: even the clean (not PDF-extracted) adopted English texts
    of the evaluation corpus carry a stray double space in about one document
    in twenty (0.07 per document), invisible in print and harmless. Select it
    (`extend-select = ["TY006"]`) to clean up a draft.

    ## Example
    ```text
    The General Assembly,
    1. Requests the Secretary-General to submit  a report on the matter;
    2. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```text
    The General Assembly,
    1. Requests the Secretary-General to submit a report on the matter;
    2. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Safe: the run of spaces becomes one space.
    """

    code = "TY006"
    name = "double-space"
    summary = "Two or more spaces inside a paragraph"
    fix_availability = Applicability.SAFE
    default_enabled = False
    severity = Severity.INFO

    _RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
    _JUSTIFIED_RUNS = 3
    # a paragraph number or subparagraph label, or a resolution number in a title
    _LABEL_BEFORE = re.compile(patterns.LABEL_BEFORE_SPACES)

    def _runs(self, document: Document, node: Node) -> list[re.Match[str]]:
        text = node.text
        runs = []
        for found in self._RUN.finditer(text, body_start(document, node)):
            before = text[: found.start()]
            if before[-1] in ".:?!":
                continue  # two spaces after a sentence: the typewriter convention
            if self._LABEL_BEFORE.search(before[-12:]):
                continue  # layout after a number or a label
            runs.append(found)
        return runs

    def check(self, document: Document) -> Iterator[Violation]:
        if document.from_pdf:
            return
        nodes = list(scanned_nodes(document))
        if any(len(self._runs(document, node)) >= self._JUSTIFIED_RUNS for node in nodes):
            return  # justified text extracted without its page furniture
        for node in nodes:
            for found in self._runs(document, node):
                span = exact_span(document, node, found.start(), found.end())
                if span is None:
                    continue
                yield self.violation(
                    span,
                    f"{len(found.group())} spaces in a row",
                    Fix.replace(span, " ", "Use one space"),
                )


_STRAIGHT = '"'
_CURLY = "\u201c\u201d"
_COORDINATE_SECONDS = re.compile(r"\d\s?['\u2032\u2019]\s?\d+(?:[.,]\d+)?$")


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index else ""
    return not before or before.isspace() or before in "([{\u2014\u2013-/"


class EnglishQuoteStyle(Rule):
    """One document uses one style of double quotation marks in English.

    ## Why
    English UN texts quote titles with double quotation marks, typographic
    (“ ”) in print (conventions PUNCT-007). A text that mixes straight `"…"`
    and curly `“…”` quotes was assembled from several sources; the form used
    less often is reported (on a tie, the straight one). Quotation marks
    after coordinates (`12°30'15"`) are seconds, not quotes.

    ## Example
    ```text
    The General Assembly,
    Recalling its resolution 60/1 entitled “2005 World Summit Outcome”,
    1. Decides to include in its provisional agenda the item entitled "Culture of peace".
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 60/1 entitled “2005 World Summit Outcome”,
    1. Decides to include in its provisional agenda the item entitled “Culture of peace”.
    ```

    ## Fix safety
    Safe: each quotation mark is replaced by the same mark of the other style
    (opening or closing after the character before it); a straight mark
    between two spaces is reported without a fix.
    """

    code = "TY007"
    name = "english-quote-style"
    summary = "Straight and curly double quotation marks mixed in one document"
    languages = ("en",)
    fix_availability = Applicability.SAFE
    severity = Severity.INFO

    def check(self, document: Document) -> Iterator[Violation]:
        found: list[tuple[Node, int, str]] = []
        quotes = re.compile("[" + re.escape(_STRAIGHT + "".join(_CURLY)) + "]")
        for node in scanned_nodes(document):
            text = node.text
            for match in quotes.finditer(text):
                index, char = match.start(), match.group()
                if char == _STRAIGHT and _COORDINATE_SECONDS.search(
                    text[max(0, index - 12) : index]
                ):
                    continue
                found.append((node, index, char))
        straight = sum(1 for _, _, char in found if char == _STRAIGHT)
        curly = len(found) - straight
        if not straight or not curly:
            return
        to_curly = curly >= straight
        for node, index, char in found:
            if (char == _STRAIGHT) != to_curly:
                continue
            span = exact_span(document, node, index, index + 1)
            if span is None:
                continue
            if to_curly:
                text = node.text
                after = text[index + 1 : index + 2]
                before = text[index - 1 : index] if index else ""
                fix = None
                if not (before.isspace() and (not after or after.isspace())):
                    wanted = "\u201c" if _opens(text, index) else "\u201d"
                    fix = Fix.replace(span, wanted, f"Use {wanted}")
                yield self.violation(
                    span, "straight quotation mark where the document uses curly ones", fix
                )
            else:
                yield self.violation(
                    span,
                    "curly quotation mark where the document uses straight ones",
                    Fix.replace(span, _STRAIGHT, 'Use "'),
                )


@dataclass(frozen=True)
class FrenchQuotesOptions:
    """Options of TY008."""

    space: Literal["nbsp", "narrow"] = "nbsp"
    """Space put inside the guillemets by the fix: U+00A0 or U+202F."""


class FrenchQuotes(Rule):
    """French running text quotes with guillemets « ».

    ## Why
    French UN texts quote with `« … »` and keep `“ … ”` for a quotation inside
    a quotation (conventions PUNCT-007: `« … section “Sigles et abréviations”
    … »`). English quotation marks (`"…"`, `“…”`) outside guillemets are
    reported. French texts typed or scanned before about 2000 often show
    straight quotes: the rule reports them too (about one document in twenty
    of the adopted French texts of the evaluation corpus, nearly all from
    before 2000).

    ## Example
    ```text
    L'Assemblée générale,
    1. Décide d'examiner la question intitulée "Culture de paix" à sa soixantième session.
    ```

    ## Use instead
    ```text
    L'Assemblée générale,
    1. Décide d'examiner la question intitulée « Culture de paix » à sa soixantième session.
    ```

    ## Fix safety
    Unsafe: the quotation may be a nested one whose outer guillemets open in
    another paragraph, where `“ ”` are right. The fix puts `« »` with a
    no-break space (U+00A0, or U+202F with `space = "narrow"`) inside.
    """

    code = "TY008"
    name = "french-quotes"
    summary = "English quotation marks in French running text"
    languages = ("fr",)
    fix_availability = Applicability.UNSAFE
    Options = FrenchQuotesOptions

    def check(self, document: Document) -> Iterator[Violation]:
        space = NBSP if self.options.space == "nbsp" else NARROW_NBSP
        for node in scanned_nodes(document):
            yield from self._check_node(document, node, space)

    def _check_node(self, document: Document, node: Node, space: str) -> Iterator[Violation]:
        text = node.text
        if "\u201c" not in text and _STRAIGHT not in text:
            return
        first = re.search("[«»]", text)
        depth = 1 if first is not None and first.group() == "»" else 0
        index = 0
        while index < len(text):
            char = text[index]
            if char == "«":
                depth += 1
            elif char == "»":
                depth = max(0, depth - 1)
            elif depth == 0 and (char == "\u201c" or (char == _STRAIGHT and _opens(text, index))):
                closer = "\u201d" if char == "\u201c" else _STRAIGHT
                end = text.find(closer, index + 1)
                if end < 0 or "«" in text[index:end] or "»" in text[index:end]:
                    index += 1
                    continue
                opening = exact_span(document, node, index, index + 1)
                closing = exact_span(document, node, end, end + 1)
                if opening is None or closing is None:
                    index = end + 1
                    continue
                fix = self._fix(document, text, index, end, opening, closing, space, node)
                yield self.violation(
                    opening, "English quotation marks in French text: use « … »", fix
                )
                index = end + 1
                continue
            index += 1

    def _fix(
        self,
        document: Document,
        text: str,
        index: int,
        end: int,
        opening: Span,
        closing: Span,
        space: str,
        node: Node,
    ) -> Fix | None:
        inner = text[index + 1 : end]
        if not inner.strip():
            return None
        lead = len(inner) - len(inner.lstrip(" "))
        trail = len(inner) - len(inner.rstrip(" "))
        open_span = exact_span(document, node, index, index + 1 + lead)
        close_span = exact_span(document, node, end - trail, end + 1)
        if open_span is None or close_span is None:
            return None
        return Fix(
            (Edit(open_span, "«" + space), Edit(close_span, space + "»")),
            Applicability.UNSAFE,
            "Use « … »",
        )


class RussianOpenerCase(Rule):
    """Russian preambular paragraphs open in lower case.

    Checked only with ``--language ru`` (Russian is never detected).

    ## Why
    In the Russian texts of UN resolutions the preambular paragraphs continue the
    sentence begun by the organ, and their opening participle is written in lower
    case: ``ссылаясь на свою резолюцию …``, ``вновь подтверждая …``, ``отмечая с
    серьезной обеспокоенностью …`` (UN drafting conventions, Russian texts).

    ## Example
    ```text
    Генеральная Ассамблея,
    Ссылаясь на свою резолюцию 58/170,
    1. просит Генерального секретаря представить доклад.
    ```

    ## Use instead
    ```text
    Генеральная Ассамблея,
    ссылаясь на свою резолюцию 58/170,
    1. просит Генерального секретаря представить доклад.
    ```

    ## Fix safety
    Safe: only the first letter's case changes.
    """

    code = "TY010"
    name = "russian-opener-case"
    summary = "Russian preambular paragraph opening with a capital letter"
    languages = ("ru",)
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.preambular:
            opener = node.opener
            if opener is None or not opener.text or not opener.text[0].isupper():
                continue
            if len(opener.text) > 1 and opener.text[1].isupper():
                continue  # an abbreviation ("ООН") keeps its capitals
            first = Span(opener.span.start, opener.span.start + 1)
            lower = opener.text[0].lower()
            yield self.violation(
                opener.span,
                f"preambular paragraph opens with '{opener.text}'; "
                f"write '{lower}{opener.text[1:]}'",
                Fix.replace(first, lower, f"Write '{lower}'"),
            )


RULES = (
    FrenchSpaceBeforePunctuation,
    EnglishSpaceBeforePunctuation,
    ApostropheConsistency,
    FrenchMonthCase,
    FrenchFirstOfMonth,
    DoubleSpace,
    EnglishQuoteStyle,
    FrenchQuotes,
    RussianOpenerCase,
)
