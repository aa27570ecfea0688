"""Build the document model: layout, footnote calls, block grammar, position.

``parse_document`` never fails on a broken draft: a block that the grammar
cannot place becomes an ``unclassified`` node and parsing goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Callable

from reslint import patterns
from reslint.footnotes import CallCandidate, candidates, lost_notes, select_calls
from reslint.grammar import BlockGrammar, BlockParse, grammar_for
from reslint.language import detect_language
from reslint.layout import NOTE_START, Block, layout
from reslint.lexicon import Lexicon, load_lexicon, normalise
from reslint.model import (
    Artefact,
    ArtefactKind,
    Document,
    FootnoteCall,
    Node,
    NodeKind,
    Opener,
    TextView,
)
from reslint.near_openers import near_opener
from reslint.numerals import figures_value
from reslint.readers.blocks import BlockRole, DocumentFacts, SourceBlock
from reslint.text import Span
from reslint.vocabulary import parse_ordinal

if TYPE_CHECKING:
    from reslint.readers import Rendering

_ROMAN_LABEL = re.compile(patterns.SMALL_ROMAN)
_FORMAT_MARKS = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_CLOSERS = "\"'\u201d\u2019\u00bb)]*"
_CALL_ENDING = re.compile(patterns.CALL_ENDING_PARAGRAPH)
_SESSION_WORDS = patterns.LazyPattern(patterns.session_of_header)
_RES_NUMBER = re.compile(patterns.RESOLUTION_NUMBER_PARTS)
_SYMBOL_SESSION = re.compile(patterns.SYMBOL_SESSION)
_QUOTE_OPEN = tuple(patterns.QUOTATION_MARKS)
_QUOTE_CLOSE = re.compile(r"[\u201d\u00bb\"\u2019]\s*[.,;:]?\s*$")
_EXTRACTION_SIGNS = frozenset(
    {
        ArtefactKind.PAGE_HEADER,
        ArtefactKind.PAGE_NUMBER,
        ArtefactKind.JOB_NUMBER,
        ArtefactKind.PLACEHOLDER,
        ArtefactKind.DISTRIBUTION,
    }
)
_LABEL_START = re.compile(patterns.LABEL_START)
_NUMBERED = re.compile(patterns.NUMBERED_START)
_NUMBERED_ANY = re.compile(patterns.NUMBERED_ANY_MARK_START)
_ALL_MARKS = ",;:.،؛，；：。"
_LEAD_IN_MARKS = (":", "\uff1a")
_LEAD_IN_TITLES = 4
"""Title lines that may stand between a lead-in and the numbered text it heads."""
_TITLE_LENGTH = 200
_JOINED_HEADING_LENGTH = 300
"""The longest heading read over several lines (the UN's longest run to ~250 characters)."""
_HEADING_LABEL = re.compile(patterns.HEADING_LABEL_START)
"""The colon that ends a lead-in ("… as follows:"), and its full-width Chinese form."""
_FOOTNOTE_LIKE = re.compile(patterns.NOTE_LIKE_START)
_MISPLACED_MARK_NUMBER = re.compile(patterns.MISPLACED_MARK_NUMBER)
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_RESOLUTION_BODY = (NodeKind.PREAMBULAR, NodeKind.OPERATIVE, NodeKind.SUBPARAGRAPH)
"""The kinds of a resolution's own paragraphs."""


def make_view(text: str, segments: list[Span], removed: list[tuple[int, int]]) -> TextView:
    """Join the segments of a block into its clean text, leaving out ``removed`` ranges."""
    if len(segments) == 1 and not removed:
        return _single_line_view(text, segments[0])
    spans: list[tuple[int, int]] = []
    cuts = sorted(removed)
    cut_index = 0
    for segment in segments:
        start = segment.start
        while cut_index < len(cuts) and cuts[cut_index][0] < segment.end:
            cut_start, cut_end = cuts[cut_index]
            if cut_start > start:
                spans.append((start, cut_start))
            start = max(start, cut_end)
            cut_index += 1
        if start < segment.end:
            spans.append((start, segment.end))
        if cut_index and cut_index <= len(cuts) and cuts[cut_index - 1][1] > segment.end:
            cut_index -= 1  # a cut running past this segment also affects the next one
    pieces: list[tuple[int, int, int]] = []
    parts: list[str] = []
    position = 0
    previous_end: int | None = None
    for start, end in spans:
        if previous_end is not None:
            gap = text[previous_end:start]
            if "\n" in gap or "\r" in gap or (gap and gap.isspace()):
                parts.append(" ")
                position += 1
        pieces.append((position, start, end - start))
        parts.append(text[start:end])
        position += end - start
        previous_end = end
    return TextView("".join(parts), tuple(pieces))


def _single_line_view(text: str, segment: Span) -> TextView:
    """Return the view of a one-line block with nothing left out: that line as it is (most
    blocks of text not hard-wrapped, which need none of :func:`make_view`'s joining)."""
    start, end = segment.start, segment.end
    if start >= end:
        return TextView("", ())
    return TextView(text[start:end], ((0, start, end - start),))


def terminator_of(view: TextView) -> tuple[str, Span | None]:
    """Return the terminal punctuation mark of a block and its span (a call after it aside)."""
    text = view.text.rstrip().rstrip(_FORMAT_MARKS).rstrip()
    if text[-1:].isdigit():  # a call after the mark ends with figures: search only then
        text = _CALL_ENDING.sub("", text)
    index = len(text) - 1
    while index >= 0 and text[index] in _CLOSERS:
        if index > 0 and text[index - 1] in ",;:.":
            index -= 1
            break
        index -= 1
    while index >= 0 and text[index].isspace():
        index -= 1
    if index < 0:
        return "", None
    char = text[index]
    return char, view.original_span(index, index + 1)


@cache
def _line_start_pattern(language: str) -> re.Pattern[str]:
    lexicon = load_lexicon(language)
    organs = (
        "|".join(
            re.escape(normalise(name)).replace(r"\ ", r"\s+")
            for organ in lexicon.organs
            for name in organ.names
        )
        or "(?!)"
    )
    sub = patterns.LINE_START_LABEL
    strong = (
        rf"(?P<organ>[«“\"]?\s*(?:{organs})\s*,\s*$)"
        rf"|(?P<strong>{patterns.NUMBERED_START}|{sub}\s|{patterns.paragraph_start()})"
    )
    return re.compile(strong, re.I)


def line_starter(lexicon: Lexicon, text: str = "") -> Callable[[str], str | None]:
    """Return the test that tells whether a line of ``text`` can only start a paragraph."""
    strong = _line_start_pattern(lexicon.language)
    lowercase = lexicon.lowercase_openers  # Russian: "ссылаясь", "рекомендует"

    def starts_paragraph(content: str) -> str | None:
        norm = normalise(content)
        found = strong.match(norm)
        if found and found.group("dotted") and content[found.end("dotted")] != "\t":
            found = None  # "l. Recommande": a number misread, not a list's label (its tab)
        if found:
            return "organ" if found.group("organ") else "strong"
        if (lowercase or norm[:1].isupper()) and (
            lexicon.match_preambular(norm) is not None
            or lexicon.match_operative(norm) is not None
            or near_opener(lexicon, norm, text) is not None  # a misspelt opener starts a line too
        ):
            return "opener"
        return None

    return starts_paragraph


def organ_line(lexicon: Lexicon) -> Callable[[str], bool]:
    """Return the test that tells whether :func:`line_starter`'s test says ``"organ"``
    (without looking for an opener)."""
    strong = _line_start_pattern(lexicon.language)

    def is_organ_line(content: str) -> bool:
        found = strong.match(normalise(content))
        return found is not None and found.group("organ") is not None

    return is_organ_line


class _Builder:
    """Turn blocks into nodes, deciding each block's kind from its position."""

    def __init__(self, text: str, grammar: BlockGrammar, structured: bool = False) -> None:
        self.text = text
        self.grammar = grammar
        self.structured = structured
        """Blocks come from a reader that knows them: none is merged, split or guessed at."""
        self.lexicon = grammar.lexicon
        self.nodes: list[Node] = []
        self.state = "front"
        self.section = 0
        self.part = 0
        self.last_paragraph: int | None = None
        self.quote_parent: int | None = None
        self.organ: str | None = None
        self.organ_gender = ""
        self.organ_span: Span | None = None
        self.session: int | None = None
        self.symbol: str | None = None
        self._parts: dict[int, tuple[list[Span], list[tuple[int, int]]]] = {}
        self._embedded: int | None = None
        self._first_degree_scan: tuple[int, int, int | None] = (-1, -1, None)
        """Where the last first-degree subparagraph was looked for: from, to, found."""
        self._embedded_list = False  # the embedded text is a numbered list ("following: 1. …")
        self._body_seen = False  # an organ line, preambular or operative paragraph so far
        self._last_number: int | None = None  # of the last top-level operative paragraph
        self.front_closing: int | None = None
        """The first meeting or date line read before the organ line (closing what came before)."""

    def add(self, kind: NodeKind, view: TextView, span: Span, **fields: object) -> Node:
        terminator, terminator_span = terminator_of(view)
        node = Node(
            kind=kind,
            span=span,
            view=view,
            index=len(self.nodes),
            terminator=terminator,
            terminator_span=terminator_span,
            section=self.section,
            part=self.part,
            **fields,  # type: ignore[arg-type]
        )
        self.nodes.append(node)
        if kind in (NodeKind.ORGAN, NodeKind.OPERATIVE, NodeKind.PREAMBULAR):
            self._body_seen = True
        if kind is NodeKind.OPERATIVE and node.number and node.parent is None:
            self._last_number = int(node.number)
        return node

    def opener(self, view: TextView, parsed: BlockParse, offset: int = 0) -> Opener:
        match = parsed.opener
        if match is not None:
            return Opener(
                span=view.original_span(match.start, match.end),
                text=view.text[match.start : match.end],
                phrase=self.lexicon.canonical(match.phrase),
                known=True,
                degree=match.degree,
                marker=match.marker,
                marker_before=match.marker_before,
                gender=match.gender,
            )
        word = _FIRST_WORD.search(view.text, offset)
        start, end = (word.start(), word.end()) if word else (offset, offset)
        if word and self.lexicon.orthography.is_particle(word.group(0)):
            verb = _FIRST_WORD.match(view.text, end + 1)
            if verb and view.text[end : end + 1].isspace():
                end = verb.end()  # "وإذ تعي": the particle and its verb
        if self.lexicon.language == "zh":
            end = min(end, start + 2)  # no spaces between words: the verb's two characters
        return Opener(view.original_span(start, end), view.text[start:end], "", False)

    def footnote(self, block: Block, view: TextView, number: str | None = None) -> None:
        if number is None and block.footnote_number is not None:
            number = str(block.footnote_number)
        self.add(NodeKind.FOOTNOTE, view, block.span, number=number)

    def front(self, block: Block, removed: list[tuple[int, int]]) -> None:
        """Add front matter the reader recognised (masthead, symbol, sponsors): never drafting."""
        view = make_view(self.text, block.segments, removed)
        parsed = self.grammar.parse(view.text)
        if parsed.category == "title":
            self._title(parsed.detail)
            self.add(NodeKind.TITLE, view, block.span)
            return
        if parsed.category == "header":
            self._header(parsed.detail, view.text)
        self.add(NodeKind.HEADER, view, block.span)

    def quoted(
        self, block: Block, removed: list[tuple[int, int]], calls: tuple[FootnoteCall, ...]
    ) -> None:
        """Add text the reader recognised as not the resolution's own (an annexed text, a table).

        Right after a paragraph whose lead-in ends with a colon ("… as follows:"),
        the text belongs to that paragraph, like a declaration embedded in it.
        """
        view = make_view(self.text, block.segments, removed)
        parent = None
        if self.last_paragraph is not None and self.nodes:
            previous = self.nodes[-1]
            introduced = (
                previous.index == self.last_paragraph and previous.terminator in _LEAD_IN_MARKS
            )
            if introduced or (
                previous.kind is NodeKind.QUOTED and previous.parent == self.last_paragraph
            ):
                parent = self.last_paragraph
        self.add(NodeKind.QUOTED, view, block.span, parent=parent, calls=calls)

    def paragraph(
        self,
        block: Block,
        removed: list[tuple[int, int]],
        calls: tuple[FootnoteCall, ...],
        source: SourceBlock | None = None,
        view: TextView | None = None,
    ) -> None:
        """Add a paragraph block: joined to the one it continues, or placed by the table.

        ``view`` is the block's view when it is already made (with ``removed`` left out).
        """
        if view is None:
            view = make_view(self.text, block.segments, removed)
        parsed = self._parse(view.text, source)
        if not self.structured:
            target = self._continued_paragraph(view.text, parsed, block.after_page_break)
            if target is not None:
                self._merge(target, block, removed, calls)
                return
            if self._continues_heading(view, parsed):
                self._merge_heading(block, removed, calls)
                return
        self._parts[len(self.nodes)] = (list(block.segments), list(removed))
        incoming = Incoming(view, block.span, parsed, calls, source)
        lead_in = self._lead_in_of_numbered_text(parsed)
        if lead_in is not None:
            self._heads_numbered_text(lead_in)
        if self._embedded is not None and _ends_embedded(self, incoming):
            self._embedded = None
            self._embedded_list = False
        TRANSITIONS.apply(self, incoming)

    def _lead_in_of_numbered_text(self, parsed: BlockParse) -> int | None:
        """Return the lead-in that heads the resolution's numbered paragraphs, if ``parsed``
        is the first of them.

        "Adopts the following declaration:" or "Resolves that, for 2022:", unnumbered,
        before any numbered paragraph of the part, then at most a few title lines, then
        "1.": the UN numbers and cites those paragraphs as the resolution's own (as its
        markup does), and the lead-in and titles head them.  A lead-in closed by the full
        stop ("Decides to adopt the measures …, which are presented below.") heads them too
        when numbered section headings stand between it and "1.".
        """
        if parsed.category != "operative" or parsed.number != "1" or self._last_number:
            return None
        index = len(self.nodes) - 1
        while index >= 0 and self._title_line(self.nodes[index]):
            index -= 1
        titles = self.nodes[index + 1 :]
        if index < 0 or len(titles) > _LEAD_IN_TITLES:
            return None
        lead = self.nodes[index]
        # without opening phrases, a lead-in in the preamble is only guessed from its mark
        kinds = (NodeKind.OPERATIVE, NodeKind.PREAMBULAR) if self.lexicon.positional else ()
        if (
            lead.kind not in (kinds or (NodeKind.OPERATIVE,))
            or lead.number is not None
            or lead.parent is not None
            or not self._lead_in_mark(lead, titles)
            or any(t.kind is NodeKind.QUOTED and t.parent != index for t in titles)
        ):
            return None
        return index

    def _lead_in_mark(self, lead: Node, titles: list[Node]) -> bool:
        """A lead-in ends with a colon; with the full stop only before a text divided in
        sections of its own ("I. Measures …", "A. Legislation …"), which the resolution's
        sentence, now over, presents: before a mere title the full stop ends a paragraph."""
        if lead.terminator in _LEAD_IN_MARKS:
            return True
        return lead.terminator == self.lexicon.terminators[2] and any(
            _HEADING_LABEL.match(t.text) for t in titles
        )

    def _title_line(self, node: Node) -> bool:
        """A title between a lead-in and the text it introduces: quoted, or a short line
        with no final mark that the grammar took for something else."""
        if len(node.text) > _TITLE_LENGTH or node.number is not None:
            return False
        if node.kind is NodeKind.QUOTED:
            return True
        return node.kind in (NodeKind.SECTION, NodeKind.PREAMBULAR) and node.terminator.isalnum()

    def _heads_numbered_text(self, lead: int) -> None:
        """Make a lead-in and the title lines after it headings of the paragraphs that follow."""
        for index in range(lead, len(self.nodes)):
            self.nodes[index] = replace(self.nodes[index], kind=NodeKind.SECTION, parent=None)
        self._embedded = None
        self._embedded_list = False
        self.last_paragraph = None

    def _parse(self, text: str, source: SourceBlock | None) -> BlockParse:
        """Parse a block, taking what the reader knows of it as given."""
        parsed = self.grammar.parse(text)
        if source is None:
            return parsed
        return _as_role(parsed, source, self.lexicon, text)

    def _next_number(self, number: str | None) -> bool:
        """Return whether ``number`` continues the resolution's own operative numbering."""
        last = self._last_number
        return number is not None and last is not None and int(number) == last + 1

    def _continued_paragraph(
        self, text: str, parsed: BlockParse, after_page_break: bool = False
    ) -> int | None:
        """Return the index of the paragraph a block continues (page break), if any."""
        if self.state not in ("preamble", "operative") or not self.nodes:
            return None
        index = len(self.nodes) - 1
        while index > 0 and self.nodes[index].kind in (NodeKind.FOOTNOTE, NodeKind.HEADER):
            index -= 1
        if self._continues(self.nodes[index], text, parsed, after_page_break):
            return index
        return None

    def _continues(
        self, last: Node, text: str, parsed: BlockParse, after_page_break: bool = False
    ) -> bool:
        """Return whether ``text`` is the rest of paragraph ``last``."""
        if last.kind not in _RESOLUTION_BODY:
            return False
        first = text[:1]
        if _LABEL_START.match(text) or _FOOTNOTE_LIKE.match(text):
            return False
        if self.lexicon.positional:
            # no capitalised openers to go by (Arabic, Chinese; Russian openers are lower
            # case): a block continues a paragraph only when that paragraph has no final mark,
            # and, unless a page break parts them, does not open with an opener itself (the
            # paragraph before lost its mark: "… 2019" then "وإذ تحيط علما …")
            opens = parsed.category in ("preambular", "unnumbered_operative")
            return (
                last.terminator not in _ALL_MARKS
                and not _NUMBERED_ANY.match(text)
                and (after_page_break or not opens)
            )
        if last.kind is NodeKind.SUBPARAGRAPH and first.islower() and last.terminator == ";":
            # "(f) … identified;" / "and to report thereon …;": the paragraph's sentence
            # resumes after its list, and ends as a paragraph ends
            ending = text.rstrip().rstrip(_CLOSERS)[-1:]
            return parsed.category == "unknown" and ending in (";", ".")
        if last.terminator not in ";." and (
            first.islower() or (first.isdigit() and not _NUMBERED.match(text))
        ):
            # openers are capitalised: "demande aux États…" here is running text, and so
            # is "l'Autorité … à sa vingt-sixième session", which reads like a header
            return parsed.category in (
                "unknown",
                "preambular",
                "unnumbered_operative",
                "header",
            )
        if last.terminator not in ",;:." and first.isupper():
            # a paragraph whose opener is misspelt starts, like one whose opener is not
            return (
                parsed.category in ("unknown", "header")
                and near_opener(self.lexicon, text, self.text) is None
            )
        return False

    def _merge(
        self,
        index: int,
        block: Block,
        removed: list[tuple[int, int]],
        calls: tuple[FootnoteCall, ...],
    ) -> None:
        previous = self._parts.get(index, ([], []))
        segments = [*previous[0], *block.segments]
        cuts = [*previous[1], *removed]
        self._parts[index] = (segments, cuts)
        view = make_view(self.text, segments, cuts)
        terminator, terminator_span = terminator_of(view)
        last = self.nodes[index]
        self.nodes[index] = replace(
            last,
            span=Span(last.span.start, block.span.end),
            view=view,
            terminator=terminator,
            terminator_span=terminator_span,
            calls=(*last.calls, *calls),
        )

    def _continues_heading(self, view: TextView, parsed: BlockParse) -> bool:
        """Return whether a block is the next line of a heading set over several lines.

        "Section 27B. Office of Programme Planning," / "Budget and Accounts", or
        "I. Measures to prevent … trafficking," / "distribution and diversion of
        precursors used in the illicit manufacture of" / "narcotic drugs and
        psychotropic substances": a heading line that ends with a comma, or one that
        ends with a word and is followed by a line in lower case, goes on in the next
        line when that line has no final mark of its own.
        """
        if self.state not in BODY or not self.nodes:
            return False
        last = self.nodes[-1]
        if last.kind not in (NodeKind.SECTION, NodeKind.UNCLASSIFIED) or last.parent is not None:
            return False
        text = view.text
        if (
            parsed.category not in ("unknown", "section", "title", "header")
            or _LABEL_START.match(text)
            or _FOOTNOTE_LIKE.match(text)
            or terminator_of(view)[0] in _ALL_MARKS
            or len(last.text) + len(text) > _JOINED_HEADING_LENGTH
            or not last.text[:1].isupper()
        ):
            return False
        if last.terminator == ",":
            return last.kind is NodeKind.SECTION or _HEADING_LABEL.match(last.text) is not None
        return last.kind is NodeKind.SECTION and last.terminator.isalnum() and text[:1].islower()

    def _merge_heading(
        self, block: Block, removed: list[tuple[int, int]], calls: tuple[FootnoteCall, ...]
    ) -> None:
        """Join a block to the heading it continues; an unrecognised first line that reads
        as a heading once joined becomes one."""
        index = len(self.nodes) - 1
        self._merge(index, block, removed, calls)
        joined = self.nodes[index]
        if joined.kind is NodeKind.UNCLASSIFIED and self._heading(joined.view):
            self.section += 1
            self.nodes[index] = replace(joined, kind=NodeKind.SECTION, section=self.section)

    def _heading(self, view: TextView) -> bool:
        """Return whether a block is an unnumbered heading inside the body."""
        text = view.text
        terminator, _ = terminator_of(view)
        return (
            len(text) <= 300
            and text[:1].isupper()
            and terminator not in ",;:"
            and not text.endswith(".")
        )

    def _looks_preambular(self, view: TextView) -> bool:
        terminator, _ = terminator_of(view)
        return view.text[:1].isupper() and terminator in (",", ";", ":", ".")

    def _roman_context(self, label: str) -> bool:
        # "i" after "h" is a letter; otherwise a lone roman numeral label is second degree.
        if self.last_paragraph is None:
            return True
        sibling = self._last_first_degree()
        if label == "i" and sibling is not None and sibling.number == "h":
            return False
        if label in ("v", "x") and sibling is not None and sibling.number in ("u", "w"):
            return False
        if label in ("c", "d", "l", "m"):
            return False
        return sibling is not None

    def _last_first_degree(self) -> Node | None:
        """Return the last first-degree subparagraph since the last paragraph (None: none).

        The nodes already looked through are remembered, so that a list of
        thousands of subparagraphs is read once, not once per label.
        """
        assert self.last_paragraph is not None
        start = self.last_paragraph + 1
        seen_from, seen_to, found = self._first_degree_scan
        if seen_from != start or seen_to > len(self.nodes):
            seen_to, found = start, None
        for index in range(seen_to, len(self.nodes)):
            node = self.nodes[index]
            if node.kind is NodeKind.SUBPARAGRAPH and node.depth == 1:
                found = index
        self._first_degree_scan = (start, len(self.nodes), found)
        if found is None:
            return None
        node = self.nodes[found]
        if node.kind is NodeKind.SUBPARAGRAPH and node.depth == 1:
            return node
        self._first_degree_scan = (-1, -1, None)  # replaced since: look through them again
        return next(
            (
                n
                for n in reversed(self.nodes[start:])
                if n.kind is NodeKind.SUBPARAGRAPH and n.depth == 1
            ),
            None,
        )

    def _continues_title(self, text: str) -> bool:
        return (
            bool(self.nodes)
            and self.nodes[-1].kind is NodeKind.TITLE
            and not text.endswith((",", ";"))
        )

    def _title(self, number: str) -> None:
        found = _RES_NUMBER.match(number)
        if found and not found.group(1) and self.session is None:
            first = int(found.group(2))
            if first < 1000:
                self.session = first

    def _header(self, detail: str, text: str) -> None:
        found = _SESSION_WORDS.match(normalise(text))
        if found and self.session is None:
            self.session = parse_ordinal(
                found.group(1).split(".")[-1].strip(), self.lexicon.language
            )


# --- The parser's table -------------------------------------------------------------
#
# A resolution is read block by block in one of five states: ``front`` (masthead, title,
# headers), ``preamble``, ``operative``, ``closing`` (adoption and meeting lines) and
# ``annex`` (annexed text).  Each block arrives with the category the grammar gave it
# (organ, operative, subparagraph, title, adoption, annex, section, preambular,
# unnumbered_operative, header, unknown).  The rows below are tried in order; the first
# row whose states and categories include the current ones, and whose condition holds,
# decides what the block becomes and which state follows.  Text embedded in a paragraph
# (a declaration after "… the following:", a quotation) is read before the rows that
# look at categories.

FRONT, PREAMBLE, OPERATIVE, CLOSING, ANNEX = "front", "preamble", "operative", "closing", "annex"
STATES = frozenset({FRONT, PREAMBLE, OPERATIVE, CLOSING, ANNEX})
BODY = frozenset({PREAMBLE, OPERATIVE})
CATEGORIES = frozenset(
    {
        "organ",
        "operative",
        "subparagraph",
        "title",
        "adoption",
        "annex",
        "section",
        "preambular",
        "unnumbered_operative",
        "header",
        "unknown",
    }
)


@dataclass(frozen=True, slots=True)
class Incoming:
    """A paragraph block on its way into the document, with the grammar's reading of it."""

    view: TextView
    span: Span
    parsed: BlockParse
    calls: tuple[FootnoteCall, ...]
    source: SourceBlock | None

    @property
    def text(self) -> str:
        """Return the block's clean text."""
        return self.view.text

    @property
    def category(self) -> str:
        """Return the grammar's category of the block."""
        return self.parsed.category


Condition = Callable[["_Builder", Incoming], bool]
Action = Callable[["_Builder", Incoming], None]


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the parser's table."""

    name: str
    states: frozenset[str]
    categories: frozenset[str]
    action: Action
    when: Condition | None = None


@dataclass(frozen=True)
class TransitionTable:
    """The rows of the parser's table, tried in order."""

    rows: tuple[Transition, ...]
    _candidates: dict[tuple[str, str], tuple[Transition, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def apply(self, builder: _Builder, incoming: Incoming) -> str:
        """Apply the first row that matches; return its name."""
        for row in self.rows_for(builder.state, incoming.category):
            if row.when is None or row.when(builder, incoming):
                row.action(builder, incoming)
                return row.name
        raise AssertionError("the last row of the table matches every block")  # pragma: no cover

    def rows_for(self, state: str, category: str) -> tuple[Transition, ...]:
        """Return the rows that may apply in ``state`` to a block of ``category``, in order.

        Every block would otherwise test the state and category of a dozen rows before
        the one that applies: the rows of each pair are picked once.
        """
        key = (state, category)
        try:
            return self._candidates[key]
        except KeyError:
            rows = tuple(r for r in self.rows if state in r.states and category in r.categories)
            self._candidates[key] = rows
            return rows


def _ends_embedded(builder: _Builder, incoming: Incoming) -> bool:
    """Return whether a block ends the text embedded in a paragraph (its own numbering resumes)."""
    parsed = incoming.parsed
    return parsed.category in ("adoption", "annex") or (
        parsed.category == "operative"
        and builder._next_number(parsed.number)
        and (not builder._embedded_list or parsed.opener is not None)
    )


def _lead_in_just_before(builder: _Builder, _incoming: Incoming) -> bool:
    """The block follows right after a paragraph ending with a colon."""
    last = builder.last_paragraph
    return (
        last is not None
        and last == len(builder.nodes) - 1
        and builder.nodes[-1].terminator in _LEAD_IN_MARKS
    )


def _restarts_numbering_after_lead_in(builder: _Builder, incoming: Incoming) -> bool:
    return (
        incoming.parsed.number == "1"
        and bool(builder._last_number)
        and _lead_in_just_before(builder, incoming)
    )


def _adopts_a_draft(builder: _Builder, _incoming: Incoming) -> bool:
    """The last paragraph is an operative lead-in ("… adopt the following draft resolution:")."""
    last = builder.last_paragraph
    return (
        last is not None
        and builder.nodes[last].terminator in _LEAD_IN_MARKS
        and _known_opener(builder.nodes[last])
    )


def _opens_quotation(builder: _Builder, incoming: Incoming) -> bool:
    return incoming.text.startswith(_QUOTE_OPEN) and builder.last_paragraph is not None


def _title_under_section(builder: _Builder, incoming: Incoming) -> bool:
    """The title line under a section number ("III" then "Financing"): not a clause ending
    with a comma or semicolon, in the language's own marks too ("،", "，")."""
    clause_marks = (",", ";", *builder.lexicon.terminators[:2])
    return (
        bool(builder.nodes)
        and builder.nodes[-1].kind is NodeKind.SECTION
        and len(incoming.text) <= 400
        and terminator_of(incoming.view)[0] not in clause_marks
    )


def _unmarked_title_under_section(builder: _Builder, incoming: Incoming) -> bool:
    """The title under a section number opening with an opener's word, in plain text: a
    short line with no mark at all ("七" then "纪念《德班宣言和行动纲领》通过二十周年",
    "Commemorating the twentieth anniversary …")."""
    return (
        not builder.structured
        and _title_under_section(builder, incoming)
        and terminator_of(incoming.view)[0].isalnum()
        and len(incoming.text) <= _HEADING_LENGTH
    )


def _numbered_without_its_dot(builder: _Builder, incoming: Incoming) -> BlockParse | None:
    """Read "5\tEncourages States …" after paragraph 4 as paragraph 5, its dot left out."""
    found = _MISPLACED_MARK_NUMBER.match(incoming.text)
    expected = (builder._last_number or 0) + 1
    if builder.structured or found is None or int(found.group(1)) != expected:
        return None
    opener = builder.lexicon.match_operative(normalise(incoming.text[found.end() :]))
    if opener is None:
        return None
    opener = replace(opener, start=opener.start + found.end(), end=opener.end + found.end())
    return BlockParse("operative", found.group(1), None, 0, found.end(), opener, 0, "")


def _number_lost_its_dot(builder: _Builder, incoming: Incoming) -> bool:
    return _numbered_without_its_dot(builder, incoming) is not None


def _add_number_without_its_dot(builder: _Builder, incoming: Incoming) -> None:
    parsed = _numbered_without_its_dot(builder, incoming)
    assert parsed is not None
    _add_operative(builder, replace(incoming, parsed=parsed))


def _footnote_like(builder: _Builder, incoming: Incoming) -> bool:
    return not builder.structured and _FOOTNOTE_LIKE.match(incoming.text) is not None


def _unnumbered_note(builder: _Builder, incoming: Incoming) -> bool:
    """ "Voir A/76/690 et A/HRC/52/69." at the foot of a page, its number lost."""
    return not builder.structured and _is_unnumbered_note(incoming.view)


def _in_embedded(builder: _Builder, _incoming: Incoming) -> bool:
    return builder._embedded is not None


def _in_quotation(builder: _Builder, _incoming: Incoming) -> bool:
    return builder.quote_parent is not None


def _positional(builder: _Builder, _incoming: Incoming) -> bool:
    return builder.lexicon.positional


def _positional_preambular_mark(builder: _Builder, incoming: Incoming) -> bool:
    """A language without opening phrases, and a block ending with the preambular mark."""
    preambular_mark = builder.lexicon.terminators[0]
    return builder.lexicon.positional and terminator_of(incoming.view)[0] == preambular_mark


def _positional_operative_mark(builder: _Builder, incoming: Incoming) -> bool:
    """Plain text of a language without opening phrases, a block opening with an operative
    verb and ending with the final mark or a lead-in's colon (Chinese preambular paragraphs
    end with "；" too)."""
    lexicon = builder.lexicon
    final_mark = lexicon.terminators[2]
    return (
        lexicon.positional
        and not builder.structured  # a reader's preambular paragraph stays one
        and terminator_of(incoming.view)[0] in (final_mark, *_LEAD_IN_MARKS)
        and lexicon.match_operative(incoming.text) is not None
    )


def _has_paragraph(builder: _Builder, _incoming: Incoming) -> bool:
    return builder.last_paragraph is not None


def _no_organ_yet(builder: _Builder, _incoming: Incoming) -> bool:
    return builder.organ_span is None


def _front_text(builder: _Builder, incoming: Incoming) -> bool:
    return incoming.category in ("header", "adoption", "title", "unknown", "section")


def _is_heading(builder: _Builder, incoming: Incoming) -> bool:
    return builder._heading(incoming.view)


def _looks_preambular(builder: _Builder, incoming: Incoming) -> bool:
    return builder._looks_preambular(incoming.view)


def _misspelt_opener(builder: _Builder, incoming: Incoming) -> bool:
    """The block opens with a word one slip from an opener ("Reafirms", "Recaling") and ends
    with a paragraph's mark: a short line with none is a heading, whatever its first word
    ("Tema para la Comisión … en 2025", one slip from "Toma")."""
    return near_opener(
        builder.lexicon, incoming.text, builder.text
    ) is not None and not builder._heading(incoming.view)


def _add_by_misspelt_opener(builder: _Builder, incoming: Incoming) -> None:
    """A paragraph whose opener is misspelt is of the kind of the opener it is close to
    (the opener rules report the misspelling)."""
    if near_opener(builder.lexicon, incoming.text, builder.text) == "preambular":
        _add_preambular(builder, incoming)
    else:
        _add_unnumbered_operative(builder, incoming)


def _add_quoted(builder: _Builder, incoming: Incoming, parent: int | None) -> None:
    """Add text of another document, under the paragraph that carries it (if any)."""
    builder.add(NodeKind.QUOTED, incoming.view, incoming.span, parent=parent, calls=incoming.calls)


def _add_embedded(builder: _Builder, incoming: Incoming) -> None:
    _add_quoted(builder, incoming, builder._embedded)


def _continue_quotation(builder: _Builder, incoming: Incoming) -> None:
    _add_quoted(builder, incoming, builder.quote_parent)
    if _QUOTE_CLOSE.search(incoming.text):
        builder.quote_parent = None


def _add_annexed(builder: _Builder, incoming: Incoming) -> None:
    kind = NodeKind.ANNEX if incoming.category == "annex" else NodeKind.QUOTED
    builder.add(kind, incoming.view, incoming.span, calls=incoming.calls)


def _open_quotation(builder: _Builder, incoming: Incoming) -> None:
    parent = builder.last_paragraph
    _add_quoted(builder, incoming, parent)
    if _leaves_quotation_open(incoming.text):
        builder.quote_parent = parent


def _leaves_quotation_open(text: str) -> bool:
    """Return whether a block that opens with a quotation mark leaves the quotation open:
    not when it ends with a closing mark, nor when it closes the quotation before its end
    ("“空间2030”议程：空间作为可持续发展的驱动因素", a title opening with a quoted name)."""
    if len(text) < 3:
        return True  # a quotation mark alone on its line
    if _QUOTE_CLOSE.search(text):
        return False
    opening = text[0]
    closing = patterns.QUOTATION_MARKS[opening]
    if opening == closing:
        return text.count(opening) % 2 == 1
    return text.count(opening) > text.count(closing)


def _embed_after_lead_in(builder: _Builder, incoming: Incoming) -> None:
    """ "Adopts the following declaration:" followed by the declaration itself."""
    builder._embedded = builder.last_paragraph
    _add_embedded(builder, incoming)


def _embed_numbered_list(builder: _Builder, incoming: Incoming) -> None:
    """ "… towards the following: 1. Resolution of …; 2. …": a list inside the paragraph."""
    builder._embedded = builder.last_paragraph
    builder._embedded_list = True
    _add_embedded(builder, incoming)


def _embed_draft(builder: _Builder, incoming: Incoming) -> None:
    """ "… adopt the following draft resolution:" followed by its text."""
    builder._embedded = builder.last_paragraph
    builder.add(NodeKind.QUOTED, incoming.view, incoming.span, parent=builder._embedded)


def _add_organ(builder: _Builder, incoming: Incoming) -> None:
    """The first organ line, or the organ line of the next resolution (or part) of a file."""
    organ = builder.lexicon.organ_for(incoming.parsed.detail.strip(' ,،，«“"'))
    builder.organ = organ.key if organ else builder.organ
    builder.organ_gender = organ.gender if organ else builder.organ_gender
    builder.organ_span = incoming.view.original_span(0, len(incoming.text))
    if builder._body_seen:
        builder.part += 1
        builder.section += 1
        builder.last_paragraph = None
        builder._last_number = None  # each part numbers its paragraphs from 1
    builder.add(NodeKind.ORGAN, incoming.view, incoming.span)
    builder.state = PREAMBLE


def _add_operative(builder: _Builder, incoming: Incoming) -> None:
    parsed, view = incoming.parsed, incoming.view
    node = builder.add(
        NodeKind.OPERATIVE,
        view,
        incoming.span,
        number=parsed.number,
        label_span=view.original_span(parsed.label_start, parsed.label_end),
        opener=builder.opener(view, parsed, parsed.label_end),
        calls=incoming.calls,
    )
    builder.last_paragraph = node.index
    builder.state = OPERATIVE


def _add_opened(builder: _Builder, incoming: Incoming, kind: NodeKind) -> None:
    """Add a paragraph that opens with an opener (preambular, or operative unnumbered)."""
    node = builder.add(
        kind,
        incoming.view,
        incoming.span,
        opener=builder.opener(incoming.view, incoming.parsed),
        calls=incoming.calls,
    )
    builder.last_paragraph = node.index


def _add_unnumbered_operative(builder: _Builder, incoming: Incoming) -> None:
    _add_opened(builder, incoming, NodeKind.OPERATIVE)
    builder.state = OPERATIVE


def _add_subparagraph(builder: _Builder, incoming: Incoming) -> None:
    parsed, source = incoming.parsed, incoming.source
    assert builder.last_paragraph is not None
    label = parsed.label or ""
    if source is not None and source.level:
        depth = source.level
    else:
        depth = 2 if _ROMAN_LABEL.fullmatch(label) and builder._roman_context(label) else 1
    builder.add(
        NodeKind.SUBPARAGRAPH,
        incoming.view,
        incoming.span,
        number=parsed.label,
        label_span=incoming.view.original_span(parsed.label_start, parsed.label_end),
        parent=builder.nodes[builder.last_paragraph].index,
        depth=depth,
        calls=incoming.calls,
    )
    if _preambular_lead_in(builder, builder.last_paragraph, incoming):
        lead = builder.nodes[builder.last_paragraph]
        builder.nodes[lead.index] = replace(lead, kind=NodeKind.PREAMBULAR)
        builder.state = PREAMBLE


def _preambular_lead_in(builder: _Builder, lead: int, incoming: Incoming) -> bool:
    """Plain text of a language without opening phrases: the unnumbered paragraph before any
    operative one that a verb of both parts and a colon made operative is a preambular
    lead-in when its subparagraphs end with the preambular mark ("重申制定《全球行动计划》
    的目的是：" then "(a) 促进普遍批准…，")."""
    node = builder.nodes[lead]
    lexicon = builder.lexicon
    return (
        lexicon.positional
        and not builder.structured
        and builder._last_number is None
        and node.kind is NodeKind.OPERATIVE
        and node.number is None
        and node.terminator in _LEAD_IN_MARKS
        and terminator_of(incoming.view)[0] == lexicon.terminators[0]
        and lexicon.match_preambular(node.text) is not None
        and not any(n.kind is NodeKind.OPERATIVE for n in builder.nodes[:lead])
    )


def _add_title(builder: _Builder, incoming: Incoming) -> None:
    builder._title(incoming.parsed.detail)
    builder.add(NodeKind.TITLE, incoming.view, incoming.span)
    builder.state = FRONT


def _add_adoption(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.ADOPTION, incoming.view, incoming.span)
    builder.state = CLOSING


def _after_final_closer(builder: _Builder, incoming: Incoming) -> bool:
    """A heading right after the clause that closes the resolution.

    "3. Decides to remain seized of the matter." then "De-listing procedure": the
    resolution's sentence is over, and what follows is the document it annexes,
    printed without the word "Annex".  A closer naming a session closes it only
    with its full stop (sections of a budget resolution may end with one); the
    organ remains seized at the very end, whatever its mark.
    """
    forms = builder.lexicon.closing
    if forms is None or not builder.nodes or builder._embedded is not None:
        return False
    last = builder.nodes[-1]
    if (
        last.kind is not NodeKind.OPERATIVE
        or last.parent is not None
        or last.opener is None
        or len(incoming.text) > _HEADING_LENGTH
        or not builder._heading(incoming.view)
    ):
        return False
    body = normalise(last.text[last.opener.span.start - last.span.start :])
    if last.terminator == builder.lexicon.terminators[2] and forms.closes(body):
        return True
    return forms.remains_seized(body)


def _add_annex_heading(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.ANNEX, incoming.view, incoming.span)
    builder.state = ANNEX


def _add_section(builder: _Builder, incoming: Incoming) -> None:
    builder.section += 1
    builder.add(NodeKind.SECTION, incoming.view, incoming.span)


def _add_section_title(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.SECTION, incoming.view, incoming.span)


def _add_preambular(builder: _Builder, incoming: Incoming) -> None:
    _add_opened(builder, incoming, NodeKind.PREAMBULAR)
    if builder.state == FRONT:
        builder.state = PREAMBLE


_HEADING_LENGTH = 160
"""The longest line read as a heading when it ends with no mark (the UN's run to ~100)."""


def _add_by_final_mark(builder: _Builder, incoming: Incoming) -> None:
    """No opening phrases to go by: the final mark tells a preambular clause ("，") from an
    operative one ("；" or "。"), and the operative part, once begun, goes on.

    A short line with no mark at all is a heading ("2022年7月1日至2023年6月30日期间批款的筹措",
    "Бюджетная смета на период …"), as a title is in the languages with openers; where
    openers are written in lower case (Russian), a capitalised line with no mark is a
    heading as long as in those languages ("Компонент III: меры по укреплению потенциала
    государств …").
    """
    _, operative_mark, final_mark = builder.lexicon.terminators
    terminator = terminator_of(incoming.view)[0]
    if _title_under_section(builder, incoming) and terminator not in (operative_mark, final_mark):
        _add_section_title(builder, incoming)  # "II" then "执行1995年《…协定》"
    elif terminator.isalnum() and (
        len(incoming.text) <= _HEADING_LENGTH
        or (builder.lexicon.lowercase_openers and builder._heading(incoming.view))
    ):
        _add_section(builder, incoming)
    elif builder.state == PREAMBLE and terminator not in (operative_mark, final_mark):
        _add_preambular(builder, incoming)
    else:
        _add_unnumbered_operative(builder, incoming)


def _add_preceding_text(builder: _Builder, incoming: Incoming) -> None:
    """A file cut out of a compilation can start with the last subparagraphs of the
    preceding resolution: text of another document, kept but not checked."""
    _add_quoted(builder, incoming, None)


def _add_front(builder: _Builder, incoming: Incoming) -> None:
    kind = NodeKind.TITLE if builder._continues_title(incoming.text) else NodeKind.HEADER
    if incoming.category == "header":
        builder._header(incoming.parsed.detail, incoming.text)
    if incoming.category == "adoption" and builder.front_closing is None:
        builder.front_closing = len(builder.nodes)  # whatever came before has ended
    builder.add(kind, incoming.view, incoming.span)


def _add_meeting_line(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.ADOPTION, incoming.view, incoming.span)


def _add_header(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.HEADER, incoming.view, incoming.span)


def _add_footnote_like(builder: _Builder, incoming: Incoming) -> None:
    figures = _FOOTNOTE_LIKE.match(incoming.text).group(1)  # type: ignore[union-attr]
    number = str(figures_value(figures))  # "²" is note 2
    builder.add(NodeKind.FOOTNOTE, incoming.view, incoming.span, number=number)


def _add_note(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.FOOTNOTE, incoming.view, incoming.span)


def _add_unclassified(builder: _Builder, incoming: Incoming) -> None:
    builder.add(NodeKind.UNCLASSIFIED, incoming.view, incoming.span, calls=incoming.calls)


def _all(*names: str) -> frozenset[str]:
    return frozenset(names)


_NOT_CLOSING = STATES - {CLOSING}
_BODY_OR_CLOSING = BODY | {CLOSING}

TRANSITIONS = TransitionTable(
    (
        # text embedded in a paragraph, quotations and annexes come first
        Transition("embedded text", STATES, CATEGORIES, _add_embedded, _in_embedded),
        Transition("quotation goes on", STATES, CATEGORIES, _continue_quotation, _in_quotation),
        Transition("annexed text", _all(ANNEX), CATEGORIES, _add_annexed),
        Transition(
            "quotation opens", _all(OPERATIVE), CATEGORIES, _open_quotation, _opens_quotation
        ),
        Transition(
            "text after a lead-in",
            BODY,
            _all("unknown", "header", "title", "section"),
            _embed_after_lead_in,
            _lead_in_just_before,
        ),
        Transition(
            "numbered list after a lead-in",
            BODY,
            _all("operative"),
            _embed_numbered_list,
            _restarts_numbering_after_lead_in,
        ),
        Transition(
            "draft adopted by a paragraph", BODY, _all("organ"), _embed_draft, _adopts_a_draft
        ),
        # the resolution's own blocks
        Transition("organ line", STATES, _all("organ"), _add_organ),
        Transition("numbered paragraph", _NOT_CLOSING, _all("operative"), _add_operative),
        Transition("subparagraph", BODY, _all("subparagraph"), _add_subparagraph, _has_paragraph),
        Transition("title", _all(FRONT, CLOSING), _all("title"), _add_title),
        Transition("adoption line", _BODY_OR_CLOSING, _all("adoption"), _add_adoption),
        Transition("annex heading", STATES - {FRONT}, _all("annex"), _add_annex_heading),
        Transition(
            "heading after the closing clause",
            _all(OPERATIVE),
            _all("unknown", "title"),
            _add_annex_heading,
            _after_final_closer,
        ),
        Transition("section heading", _NOT_CLOSING, _all("section"), _add_section),
        Transition(
            # "七" then "纪念《德班宣言和行动纲领》通过二十周年": a title, not a clause
            "title of a section opening with an opener",
            BODY,
            _all("preambular", "unnumbered_operative"),
            _add_section_title,
            _unmarked_title_under_section,
        ),
        Transition(
            # "建议大会通过以下决议草案：": a verb of both parts, and an operative mark
            "operative verb by its final mark",
            _all(PREAMBLE),
            _all("preambular"),
            _add_unnumbered_operative,
            _positional_operative_mark,
        ),
        Transition("preambular paragraph", _NOT_CLOSING, _all("preambular"), _add_preambular),
        Transition(
            "clause by its final mark", BODY, _all("unknown"), _add_by_final_mark, _positional
        ),
        Transition(
            # Chinese writes "促请" for "calling upon" and "calls upon" alike: in the preamble
            # the final mark tells which
            "verb in the preamble by its final mark",
            _all(PREAMBLE),
            _all("unnumbered_operative"),
            _add_preambular,
            _positional_preambular_mark,
        ),
        Transition(
            "unnumbered operative paragraph",
            _NOT_CLOSING,
            _all("unnumbered_operative"),
            _add_unnumbered_operative,
        ),
        # before the organ line: front matter
        Transition(
            "tail of a preceding resolution",
            _all(FRONT),
            _all("subparagraph"),
            _add_preceding_text,
            _no_organ_yet,
        ),
        Transition("front matter", _all(FRONT), CATEGORIES, _add_front, _front_text),
        Transition("unrecognised front block", _all(FRONT), CATEGORIES, _add_unclassified),
        # after the adoption line
        Transition("meeting lines", _all(CLOSING), CATEGORIES, _add_meeting_line),
        # in the preamble or the operative part, what the grammar could not name
        Transition(
            "paragraph with a misspelt opener",
            BODY,
            _all("unknown"),
            _add_by_misspelt_opener,
            _misspelt_opener,
        ),
        Transition("header", BODY, _all("header"), _add_header),
        Transition(
            "numbered paragraph without its dot",
            _all(OPERATIVE),
            _all("unknown"),
            _add_number_without_its_dot,
            _number_lost_its_dot,
        ),
        Transition("footnote text", BODY, _all("unknown"), _add_footnote_like, _footnote_like),
        Transition(
            "title of a section", BODY, _all("unknown"), _add_section_title, _title_under_section
        ),
        Transition("unnumbered heading", BODY, _all("unknown"), _add_section, _is_heading),
        Transition("note without its number", BODY, CATEGORIES, _add_note, _unnumbered_note),
        Transition(
            "paragraph read as preambular",
            _all(PREAMBLE),
            CATEGORIES,
            _add_preambular,
            _looks_preambular,
        ),
        Transition("unrecognised paragraph", STATES, CATEGORIES, _add_unclassified),
    )
)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """Blocks ready for the builder, with the footnote calls of each paragraph block."""

    blocks: list[Block]
    sources: list[SourceBlock | None]
    calls: list[tuple[list[tuple[int, int]], tuple[FootnoteCall, ...]]]
    artefacts: list[Artefact]
    bodies: set[int]
    views: list[TextView | None]
    """The view of each block when it is made already (a paragraph with no call removed)."""


def parse_document(
    text: str,
    language: str | None = None,
    path: str | None = None,
    *,
    blocks: tuple[SourceBlock, ...] | None = None,
    facts: DocumentFacts | None = None,
    source_format: str = "text",
) -> Document:
    """Parse ``text`` into a :class:`Document` (never raises on bad drafting).

    ``blocks`` are what a reader knows of the text's structure (see
    :mod:`reslint.readers.blocks`): when given, they are taken as they are and the
    text layout heuristics (paragraph joins, page furniture, footnote calls guessed
    from digits) are not used.  ``facts`` are the format's metadata.
    """
    language = language or (facts.language if facts else None) or detect_language(text)
    lexicon = load_lexicon(language)
    grammar = grammar_for(language)
    if blocks is None:
        prepared = _prepare_text(text, lexicon)
    else:
        prepared = _prepare_blocks(text, blocks)
    builder = _Builder(text, grammar, structured=blocks is not None)
    symbol = (facts.symbol if facts else None) or _header_symbol(text)
    all_calls: list[FootnoteCall] = []
    for block, source, (removed, calls), view in zip(
        prepared.blocks, prepared.sources, prepared.calls, prepared.views
    ):
        role = source.role if source is not None else None
        if block.kind == "footnote":
            number = source.number if source is not None else None
            builder.footnote(block, make_view(text, block.segments, []), number)
        elif role is BlockRole.FRONT:
            builder.front(block, removed)
        elif role is BlockRole.QUOTED:
            builder.quoted(block, removed, calls)
            all_calls.extend(calls)
        else:
            builder.paragraph(block, removed, calls, source, view)
            all_calls.extend(calls)
    session = builder.session
    if session is None and facts is not None:
        session = facts.session
    if symbol and session is None:
        found = _SYMBOL_SESSION.match(symbol)
        session = int(found.group(1)) if found else None
    extracted = any(a.kind in _EXTRACTION_SIGNS for a in prepared.artefacts)
    return Document(
        text=text,
        language=language,
        nodes=tuple(_text_around(_preceding_tail(builder.nodes, builder.front_closing))),
        artefacts=tuple(prepared.artefacts),
        organ=builder.organ or (facts.organ if facts else None),
        organ_gender=builder.organ_gender,
        organ_span=builder.organ_span,
        session=session,
        symbol=symbol,
        has_footnote_section=bool(prepared.bodies),
        from_pdf=source_format == "pdf" or (source_format == "text" and extracted),
        path=path,
        calls=tuple(all_calls),
        footnote_regions=_regions(prepared.blocks),
        source_format=source_format,
    )


def parse_rendering(
    rendering: Rendering,
    language: str | None = None,
    path: str | None = None,
    source_format: str = "text",
) -> Document:
    """Parse a reader's rendering with what the reader knows (blocks, metadata, italics)."""
    document = parse_document(
        rendering.text,
        language,
        path,
        blocks=rendering.blocks,
        facts=rendering.facts,
        source_format=source_format,
    )
    if rendering.italic is not None:
        document = replace(document, italic=rendering.italic)
    return document


def _prepare_text(text: str, lexicon: Lexicon) -> _Prepared:
    """Find the blocks of plain text and guess its footnote calls from its digits."""
    result = layout(text, line_starter(lexicon, text), organ_line(lexicon))
    blocks = result.blocks
    bodies = {b.footnote_number for b in blocks if b.kind == "footnote" and b.footnote_number}
    paragraph_blocks = [b for b in blocks if b.kind == "paragraph"]
    first_views = [make_view(text, b.segments, []) for b in paragraph_blocks]
    chosen = select_calls(
        [candidates(v.text) for v in first_views],
        {n for n in bodies if n},
        lost_notes(_regions(blocks)),
    )
    calls_by_block: dict[int, tuple[list[tuple[int, int]], tuple[FootnoteCall, ...]]] = {}
    views: dict[int, TextView] = {}
    for block, view, kept in zip(paragraph_blocks, first_views, chosen):
        removed = [(view.to_original(c.start), view.to_original(c.end - 1) + 1) for c in kept]
        calls = tuple(FootnoteCall(c.number, Span(*_call_span(view, c)), c.style) for c in kept)
        calls_by_block[id(block)] = (removed, calls)
        if not kept:
            views[id(block)] = view  # nothing to leave out: the view is the block's
    return _Prepared(
        blocks,
        [None] * len(blocks),
        [calls_by_block.get(id(b), ([], ())) for b in blocks],
        list(result.artefacts),
        {n for n in bodies if n is not None},
        [views.get(id(b)) for b in blocks],
    )


def _lines(text: str, span: Span) -> list[Span]:
    """Return the lines of a block's span: a line break inside a block reads as a space."""
    segments: list[Span] = []
    start = span.start
    while (end := text.find("\n", start, span.end)) != -1:
        if end > start:
            segments.append(Span(start, end))
        start = end + 1
    if span.end > start or not segments:
        segments.append(Span(start, max(start, span.end)))
    return segments


def _prepare_blocks(text: str, sources: tuple[SourceBlock, ...]) -> _Prepared:
    """Take a reader's blocks as they are, with the footnote calls it found."""
    blocks: list[Block] = []
    calls: list[tuple[list[tuple[int, int]], tuple[FootnoteCall, ...]]] = []
    bodies: set[int] = set()
    for source in sources:
        if source.role is BlockRole.FOOTNOTE:
            number = int(source.number) if source.number and source.number.isdigit() else None
            blocks.append(Block("footnote", _lines(text, source.span), footnote_number=number))
            bodies.add(number if number is not None else 0)
            calls.append(([], ()))
            continue
        blocks.append(Block("paragraph", _lines(text, source.span)))
        calls.append(
            (
                [(call.span.start, call.span.end) for call in source.calls],
                tuple(FootnoteCall(call.number, call.span, call.style) for call in source.calls),
            )
        )
    return _Prepared(blocks, list(sources), calls, [], bodies, [None] * len(blocks))


_ROLE_CATEGORY = {
    BlockRole.TITLE: "title",
    BlockRole.ORGAN: "organ",
    BlockRole.PREAMBULAR: "preambular",
    BlockRole.NUMBERED: "operative",
    BlockRole.ITEM: "subparagraph",
    BlockRole.HEADING: "section",
    BlockRole.ANNEX: "annex",
    BlockRole.ADOPTION: "adoption",
}
_TYPED_NUMBER = re.compile(patterns.TYPED_NUMBER)
_TYPED_LABEL = re.compile(patterns.TYPED_LABEL)


def _as_role(parsed: BlockParse, source: SourceBlock, lexicon: Lexicon, text: str) -> BlockParse:
    """Return the grammar's reading of a block, made to agree with what its reader knows."""
    category = _ROLE_CATEGORY.get(source.role)
    if category is None or parsed.category == category:
        return parsed
    norm = normalise(text)
    if source.role is BlockRole.PREAMBULAR:
        return BlockParse("preambular", opener=lexicon.match_preambular(norm))
    if source.role in (BlockRole.NUMBERED, BlockRole.ITEM):
        typed = (_TYPED_NUMBER if source.role is BlockRole.NUMBERED else _TYPED_LABEL).match(norm)
        label_end = typed.end() if typed and typed.group(0).strip() else 0
        label_start = len(typed.group(0)) - len(typed.group(0).lstrip()) if label_end else 0
        opener = parsed.opener
        if source.role is BlockRole.NUMBERED and opener is None:
            found = lexicon.match_operative(norm[label_end:])
            if found is not None:
                opener = replace(found, start=found.start + label_end, end=found.end + label_end)
        if source.role is BlockRole.NUMBERED:
            return BlockParse(
                "operative", source.number, None, label_start, label_end, opener, 0, ""
            )
        return BlockParse("subparagraph", None, source.number, label_start, label_end, None, 0, "")
    return BlockParse(category, detail=parsed.detail or text.strip())


def _opening_organ(nodes: list[Node]) -> int | None:
    """Return the index of the first organ line with a paragraph after it, if any.

    An organ line with no paragraph after it opens nothing: the organ's name printed
    at the foot of the last page, after the adoption lines ("联合国" then "经济及社会理事会").
    """
    last = next((n.index for n in reversed(nodes) if n.kind in _RESOLUTION_BODY), None)
    if last is None:
        return None
    return next((n.index for n in nodes[:last] if n.kind is NodeKind.ORGAN), None)


def _known_opener(node: Node) -> bool:
    return node.opener is not None and node.opener.known


def _text_around(nodes: list[Node]) -> list[Node]:
    """Set aside the text of a report that carries a resolution after it.

    "2. The Third Committee recommends … the following draft resolution:" and the
    numbered paragraphs before it are the report's, not the resolution's: when
    the first organ line comes after paragraphs none of which opens as a
    resolution's paragraph does, those paragraphs are front matter.
    """
    first_organ = _opening_organ(nodes)
    if first_organ is None:
        return nodes
    body = (*_RESOLUTION_BODY, NodeKind.UNCLASSIFIED)
    before = [n for n in nodes[:first_organ] if n.kind in body]
    if not before or any(_known_opener(n) for n in before):
        return nodes
    return [
        replace(n, kind=NodeKind.HEADER, parent=None, opener=None)
        if n.index < first_organ and n.kind in body
        else n
        for n in nodes
    ]


def _preceding_tail(nodes: list[Node], front_closing: int | None = None) -> list[Node]:
    """Set aside the end of the preceding resolution at the top of a file.

    A file cut out of a compilation can start with the last paragraphs of the
    resolution before it, closed by its adoption line, and only then the organ of
    its own: those paragraphs are text of another document, kept but not checked.
    Paragraphs after the file's own title ("70/101. Questions relating to
    information"), or after a meeting line read among the front matter
    (``front_closing``: the preceding resolution closed there), are the
    resolution's own, its organ line missing or not. An organ line with no paragraph
    after it (the organ's name printed at the foot of the last page) opens nothing.
    """
    first_organ = _opening_organ(nodes)
    if first_organ is None:
        return nodes
    adoption = next((n.index for n in nodes[:first_organ] if n.kind is NodeKind.ADOPTION), None)
    if adoption is None:
        return nodes
    title = next((n.index for n in nodes[:adoption] if n.kind is NodeKind.TITLE), None)
    adoption = min(i for i in (adoption, title, front_closing) if i is not None)
    return [
        replace(n, kind=NodeKind.QUOTED, parent=None)
        if n.index < adoption and n.kind in _RESOLUTION_BODY
        else n
        for n in nodes
    ]


def _is_unnumbered_note(view: TextView) -> bool:
    """Return whether a block is a footnote text that lost its number ("Voir A/73/368.")."""
    text = view.text
    return len(text) < 300 and NOTE_START.match(text) is not None and text.rstrip().endswith(".")


def _regions(blocks: list[Block]) -> tuple[tuple[int, ...], ...]:
    grouped: dict[int, list[int]] = {}
    for block in blocks:
        if block.kind == "footnote" and block.footnote_number is not None:
            grouped.setdefault(block.region, []).append(block.footnote_number)
    return tuple(tuple(numbers) for _, numbers in sorted(grouped.items()))


def _call_span(view: TextView, candidate: CallCandidate) -> tuple[int, int]:
    digits = re.search(patterns.CALL_FIGURES, view.text[candidate.start : candidate.end])
    start = candidate.start + (digits.start() if digits else 0)
    end = candidate.start + (digits.end() if digits else candidate.end - candidate.start)
    span = view.original_span(start, end)
    return span.start, span.end


def _header_symbol(text: str) -> str | None:
    head = text[:2000]
    found = re.search(patterns.RESOLUTION_SYMBOL_LINE, head)
    return found.group(1) if found else None
