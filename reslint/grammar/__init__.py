"""The pyparsing grammar of one block (see ``bnf.md`` next to this file).

The grammar is built once per language, lazily, and never touches pyparsing's
process-wide settings (no packrat, no default whitespace changes): every
element sets its own whitespace characters, and tabs are kept so that offsets
index the block text exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Callable

import pyparsing as pp

from reslint import patterns
from reslint.grammar.reader import Reading, compile_production, reading_of
from reslint.lexicon import Lexicon, OpenerMatch, load_lexicon, longest_first, normalise
from reslint.vocabulary import month_names

_WHITE = " \t\u00a0\u202f"
_SECTION_START = re.compile(patterns.SECTION_START)
_LONG_TITLE_SECTION = re.compile(patterns.LONG_TITLE_SECTION_START)
_ARTICLE = patterns.LazyPattern(patterns.article, re.I)


@dataclass(frozen=True, slots=True)
class BlockParse:
    """What the grammar recognised in a block; offsets index the block text."""

    category: str
    number: str | None = None
    label: str | None = None
    label_start: int = 0
    label_end: int = 0
    opener: OpenerMatch | None = None
    rest_start: int = 0
    detail: str = ""


def _scoped(pattern: str) -> str:
    """Turn a pattern with a leading global ``(?i)`` into a scoped ``(?i:…)`` group."""
    return f"(?i:{pattern[4:]})" if pattern.startswith("(?i)") else pattern


def _el(expr: pp.ParserElement) -> pp.ParserElement:
    return expr.set_whitespace_chars(_WHITE, copy_defaults=False)


def _rx(pattern: str, name: str, flags: int = 0) -> pp.ParserElement:
    return _el(pp.Regex(pattern, flags)).set_name(name)


class BlockGrammar:
    """Grammar of the blocks of one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        organ_names = sorted(
            {normalise(name) for organ in lexicon.organs for name in organ.names},
            key=longest_first,
        )
        organ_alt = (
            "|".join(
                re.escape(n).replace(r"\ ", r"\s+").replace("'", r"\s?'\s?") for n in organ_names
            )
            or "(?!)"
        )
        mastheads = sorted({_ARTICLE.sub("", name) for name in organ_names}, key=longest_first)
        masthead_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in mastheads) or "(?!)"
        rest = _el(pp.Regex(r".*", re.S)).set_name("rest")("rest")
        end = _el(pp.StringEnd()).set_name("end")

        def opener(kind: str) -> pp.ParserElement:
            # The lexicon's own matcher (one compiled expression per kind, shared with the
            # gates) returns the opener with its markers, adverb, degree and gender.
            return _el(_OpenerToken(lexicon, kind)).set_name(f"{kind}_opener")("opener")

        opener_pre = opener("preambular")
        opener_op = opener("operative")
        words = r"(?:[^\W\d][\w'-]*\s+){0,3}?[^\W\d][\w'-]*"

        self.organ_line = (
            _rx(rf"(?i)(?:«\s*|\"\s*|“\s*)?(?:{organ_alt})\s*[,،，]?", "organ_name")("organ") + end
        ).set_name("organ_line")
        self.operative = (
            _el(pp.Regex(patterns.operative_number(lexicon.number_style), as_match=True)).set_name(
                "op_number"
            )("label")
            + pp.Opt(opener_op)
            + rest
        ).set_name("operative")
        self.subparagraph = (
            _el(pp.Regex(patterns.SUB_LABEL + r"(?=\s)", as_match=True)).set_name("sub_label")(
                "label"
            )
            + rest
        ).set_name("subparagraph")
        self.title = (
            _rx(patterns.resolution_title_number(), "res_number")("resno") + rest
            | _rx(patterns.sc_resolution_title(), "sc_number")("resno") + rest
        ).set_name("title")
        self.adoption = (
            _rx(rf"(?i){patterns.meeting_line()}", "meeting_line")("meeting") + rest
            | _rx(patterns.vote_line(), "vote_line")("vote") + rest
            | _rx(patterns.CJK_DATE_LINE, "cjk_date")("meeting") + end
            | _rx(patterns.DATE_LINE, "date_line")("date") + end
        ).set_name("adoption")
        self.annex = (_rx(patterns.annex_heading(), "annex_word")("annex") + end).set_name(
            "annex_heading"
        )
        self.section = (
            _rx(patterns.SECTION_LABEL, "section_label")("section")  # "== II =="
            + _rx(r"[^;]{0,600}", "heading_text")("heading")
            + end
        ).set_name("section_heading")
        self._define_gates(organ_alt)
        self.preambular = (opener_pre + rest).set_name("preambular")
        self.unnumbered_operative = (opener_op + rest).set_name("unnumbered_operative")
        self.header = (
            _rx(patterns.header_line(words), "header_line")("header") + rest
            | _rx(rf"(?i)(?:{organ_alt}|{masthead_alt})\s*$", "masthead_organ")("header") + rest
        ).set_name("header_line")

    def parse(self, text: str) -> BlockParse:
        """Return what block ``text`` can be (``category`` is ``"unknown"`` if nothing).

        Each production has a cheap regular-expression gate; only the productions
        whose gate lets the block through are tried, so most blocks are read once
        instead of failing through every alternative.  The productions are read by
        functions compiled from the pyparsing elements (``reader.py``), which read
        as pyparsing does, without its cost.
        """
        return self._parse(text, self._readers)

    def parse_with_pyparsing(self, text: str) -> BlockParse:
        """Return what :meth:`parse` returns, read by pyparsing itself (the reference)."""
        return self._parse(text, self._pyparsing_readers)

    def _parse(self, text: str, readers: tuple[Callable[[str], Reading | None], ...]) -> BlockParse:
        norm = normalise(text)
        for (category, _, gate), read in zip(self._productions, readers):
            if not gate(norm):
                continue
            result = read(norm)
            if result is None:
                continue
            if category == "adoption" and not self._real_date(result):
                continue
            if category == "subparagraph" and not self._tabbed_if_dotted(result, text):
                continue
            return self._build(category, result)
        return BlockParse("unknown")

    @cached_property
    def _readers(self) -> tuple[Callable[[str], Reading | None], ...]:
        return tuple(compile_production(expr) for _, expr, _ in self._productions)

    @cached_property
    def _pyparsing_readers(self) -> tuple[Callable[[str], Reading | None], ...]:
        def reader(expr: pp.ParserElement) -> Callable[[str], Reading | None]:
            def read(text: str) -> Reading | None:
                try:
                    return reading_of(expr.parse_string(text, parse_all=False))
                except pp.ParseException:
                    return None

            return read

        return tuple(reader(expr) for _, expr, _ in self._productions)

    def _define_gates(self, organ_alt: str) -> None:
        organ = re.compile(rf"(?i)[«“\"]?\s*(?:{organ_alt})\s*[,،，]?\s*$")
        lexicon = self.lexicon
        annex_prefixes = patterns.annex_prefixes()

        def starts(pattern: str) -> Callable[[str], bool]:
            compiled = re.compile(pattern)
            return lambda text: compiled.match(text) is not None

        self._gates: dict[str, Callable[[str], bool]] = {
            "organ": lambda text: len(text) < 160 and organ.match(text) is not None,
            "operative": starts(patterns.OPERATIVE_NUMBER_GATE),
            "subparagraph": starts(patterns.SUBPARAGRAPH_GATE),
            "title": starts(patterns.title_gate()),
            "adoption": starts(patterns.adoption_gate()),
            "annex": lambda text: (
                len(text) < 20
                and any(text[:n].lower() in found for n, found in annex_prefixes.items())
            ),
            "section": lambda text: (
                (
                    len(text) < 320
                    or (
                        len(text) < 600
                        and not text.rstrip().endswith(".")
                        and _LONG_TITLE_SECTION.match(text) is not None
                    )
                )
                and not text.rstrip().endswith((",", ";"))
                and _SECTION_START.match(text) is not None
            ),
            "preambular": lambda text: lexicon.match_preambular(text) is not None,
            "unnumbered_operative": lambda text: lexicon.match_operative(text) is not None,
            "header": lambda text: len(text) < 600,
        }

    @cached_property
    def _productions(self) -> tuple[tuple[str, pp.ParserElement, Callable[[str], bool]], ...]:
        gates = self._gates
        return (
            ("organ", self.organ_line, gates["organ"]),
            ("operative", self.operative, gates["operative"]),
            ("subparagraph", self.subparagraph, gates["subparagraph"]),
            ("title", self.title, gates["title"]),
            ("adoption", self.adoption, gates["adoption"]),
            ("annex", self.annex, gates["annex"]),
            ("section", self.section, gates["section"]),
            ("preambular", self.preambular, gates["preambular"]),
            ("unnumbered_operative", self.unnumbered_operative, gates["unnumbered_operative"]),
            ("header", self.header, gates["header"]),
        )

    @staticmethod
    def _tabbed_if_dotted(result: Reading, text: str) -> bool:
        """Return whether a label with a dot ("b.") has its tab (``patterns.DOTTED_LABEL``)."""
        found = next((t for t in result.tokens if isinstance(t, re.Match)), None)
        if found is None or found.group("dotted") is None:
            return True
        return text[found.end() : found.end() + 1] == "\t"

    def _real_date(self, result: Reading) -> bool:
        if "date" not in result.names:
            return True
        found = re.search(r"[^\W\d]{3,}", str(result.names["date"]))
        return bool(found) and found.group(0).lower() in month_names(self.lexicon.language)

    def _build(self, category: str, result: Reading) -> BlockParse:
        number = label = None
        label_start = label_end = 0
        label_match = next((t for t in result.tokens if isinstance(t, re.Match)), None)
        if label_match is not None:
            label_start, label_end = label_match.start(), label_match.end()
            if category == "operative":
                number = label_match.group("number")
            else:
                decimal = label_match.group("decimal") or label_match.group("quoted")
                enclosed = label_match.group("enclosed")
                label = (
                    _decimal_label(decimal)
                    if decimal
                    else _CHINESE_NUMERALS[ord(enclosed) - 0x3220]
                    if enclosed
                    else (
                        label_match.group("label")
                        or label_match.group("dotted")
                        or label_match.group("bullet")
                        or ""
                    ).strip()
                )
        opener = next((t for t in result.tokens if isinstance(t, OpenerMatch)), None)
        detail = ""
        names = result.names
        for key in ("resno", "organ", "meeting", "date", "vote", "section", "annex", "header"):
            if key in names:
                detail = str(names[key]).strip()
                break
        rest = names.get("rest")
        rest_start = 0
        if rest is not None:
            rest_start = -len(str(rest))  # negative: counted from the end of the text
        return BlockParse(
            category, number, label, label_start, label_end, opener, rest_start, detail
        )


_CHINESE_NUMERALS = "一二三四五六七八九十"
"""The numerals of the parenthesised ideographs ㈠ … ㈩ (U+3220 …), in order."""


def _decimal_label(typed: str) -> str:
    """Return a label of figures as the readers give it: "1.1." and Arabic "1-1-" as "1.1",
    Arabic "’26‘" as "26", Arabic-Indic figures as Western ones."""
    return ".".join(str(int(figures)) for figures in re.findall(r"\d+", typed))


class _OpenerToken(pp.Token):
    """An opening phrase, matched by the lexicon (returns an :class:`OpenerMatch`)."""

    reads_directly = True
    """``parseImpl`` returns the one token, and can be called without pyparsing's machinery."""

    def __init__(self, lexicon: Lexicon, kind: str) -> None:
        super().__init__()
        self._match = lexicon.match_preambular if kind == "preambular" else lexicon.match_operative
        self.mayReturnEmpty = False
        self.mayIndexError = False

    def parseImpl(
        self, instring: str, loc: int, do_actions: bool = True
    ) -> tuple[int, OpenerMatch]:
        found = self._match(instring[loc:] if loc else instring)
        if found is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        if not loc:
            return found.end, found  # at the start of the block: its offsets are the block's
        shifted = OpenerMatch(
            found.start + loc,
            found.end + loc,
            found.phrase,
            found.degree,
            found.marker,
            found.marker_before,
            found.gender,
        )
        return loc + found.end, shifted


@cache
def grammar_for(language: str) -> BlockGrammar:
    """Return the (cached) block grammar of ``language``."""
    return BlockGrammar(load_lexicon(language))
