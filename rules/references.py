"""References: Security Council citations, dates, GA citations and their sessions, symbols."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterator

from reslint_rules._shared import anchored_finditer, roman_value

from reslint import patterns
from reslint.lexicon import words_table
from reslint.model import Document, Node, NodeKind
from reslint.rule import Rule
from reslint.sessions import (
    general_assembly_session_window,
    human_rights_council_session_year,
)
from reslint.text import Span
from reslint.violations import Applicability, Edit, Fix, Severity, Violation
from reslint.vocabulary import (
    arabic_session_ordinal,
    chinese_numeral,
    month_names,
    ordinal_words,
    russian_feminine_ordinal,
)

_TEXT_KINDS = (NodeKind.PREAMBULAR, NodeKind.OPERATIVE, NodeKind.SUBPARAGRAPH)


def _roman(text: str) -> int | None:
    """Return the value of an uppercase roman numeral (the session of "3363 (XXX)")."""
    return roman_value(text.lower()) if text.isupper() else None


def _loose(word: str) -> str:
    """Return a pattern for ``word`` that also accepts it without accents (OCR)."""
    pieces = []
    for char in word:
        plain = {"é": "e", "è": "e", "ê": "e", "û": "u", "ô": "o", "à": "a"}.get(char)
        pieces.append(f"[{char}{plain}]" if plain else re.escape(char))
    return "".join(pieces)


_ARABIC_MARKS = "\u064b-\u0652\u0640"
"""Arabic vowel marks, shadda and the tatweel that stretches a word ("تمــوز"): optional."""


def _arabic_word(word: str) -> str:
    return "".join(re.escape(char) + f"[{_ARABIC_MARKS}]*" for char in word)


def _arabic_month(name: str) -> str:
    """Return the pattern of an Arabic month as the UN writes it, its Syriac and its Latin
    name ("كانون الأول/ديسمبر"), or the second alone; marks and spaces round the slash."""
    first, second = name.split("/")
    syriac = r"\s+".join(_arabic_word(word) for word in first.split())
    return rf"(?:{syriac}\s*/\s*)?{_arabic_word(second)}"


@cache
def _months(language: str) -> tuple[str, dict[str, int]]:
    """Return an alternation of month names and a lookup (accent-folded) to 1..12.

    Arabic months are the lexicon's (``[words] months``, the UN's double names with its
    spelling "يونيه", "يوليه"), not CLDR's; Chinese months are figures ("12月")."""
    if language == "zh":
        return r"1[0-2]|0?[1-9]", {}
    names = tuple(words_table(language).get("months", ())) or month_names(language)
    if language == "en":
        alternation = "|".join(name.capitalize() for name in names)
    elif language == "ar":
        alternation = "|".join(_arabic_month(name) for name in names)
    else:
        alternation = "|".join(_loose(name) for name in names)
    lookup: dict[str, int] = {}
    for index, name in enumerate(names, 1):
        name = name.rsplit("/", 1)[-1]
        lookup[name] = index
        lookup[_fold(name)] = index
    return alternation, lookup


def _fold(word: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _month_number(language: str, word: str) -> int | None:
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    if language == "ar":
        word = re.sub(f"[{_ARABIC_MARKS}]", "", word.rsplit("/", 1)[-1]).strip()
    lookup = _months(language)[1]
    return lookup.get(word.casefold()) or lookup.get(_fold(word))


@cache
def _date_pattern(language: str, year: bool = False) -> str:
    """Return a pattern for a date with named groups day, month and year (optional unless
    ``year``)."""
    months = _months(language)[0]
    optional = "" if year else "?"
    # the day opens with a figure written as a character class ("\d\d?", not "\d{1,2}"; the
    # "er" of "1er" after the figure): the search skips to the figures instead of trying
    # the pattern at every character
    if language == "fr":
        return (
            rf"(?P<day>\d(?:(?<=1)\s?er|\d)?)\s+(?P<month>{months})\b"
            rf"(?:\s+(?P<year>\d{{4}})\b){optional}"
        )
    if language == "es":
        return (
            rf"(?P<day>\d\d?)\s+de\s+(?P<month>{months})\b"
            rf"(?:\s+de\s+(?P<year>\d{{4}})\b){optional}"
        )
    if language == "ar":  # "22 كانون الأول/ديسمبر 2003"
        return (
            rf"(?P<day>\d\d?)\s+(?P<month>{months})(?![\w{_ARABIC_MARKS}])"
            rf"(?:\s+(?P<year>\d{{4}})\b){optional}"
        )
    if language == "zh":  # "2003年12月22日"
        return (
            rf"(?:(?P<year>\d{{4}})\s*年\s*){optional}(?P<month>{months})\s*月\s*"
            r"(?P<day>\d{1,2})\s*日"
        )
    # "22 December 2003", Russian "22 декабря 2003 года"
    return rf"(?P<day>\d\d?)\s+(?P<month>{months})\b(?:,?\s+(?P<year>\d{{4}})\b){optional}"


@cache
def _date_regex(language: str) -> re.Pattern[str]:
    flags = re.I if language != "en" else 0
    # no leading look-behind: a pattern that starts with the day's digits lets the
    # regex engine skip ahead to digits; the character before is checked by callers
    return re.compile(_date_pattern(language), flags)


def _date_start_ok(text: str, start: int) -> bool:
    """Return whether a date match at ``start`` is not glued to a word or number (Chinese
    writes no spaces: there only a figure before it counts)."""
    if start == 0:
        return True
    before = text[start - 1]
    if "\u3400" <= before <= "\u9fff":
        return True
    if before == "و" and (start == 1 or not text[start - 2].isalnum()):
        return True  # the Arabic conjunction written on the day: "و31 آب/أغسطس"
    return not (before.isalnum() or before in "_/.,-")


def _day(text: str) -> int:
    return 1 if text.replace(" ", "").lower() == "1er" else int(text)


def _span(node: Node, start: int, end: int):
    return node.view.original_span(start, end)


# --------------------------------------------------------------------------- RF001

_SC_SLASH = patterns.LazyPattern(patterns.sc_slash_citation)
_SC_LIST_ITEM = re.compile(patterns.SC_LIST_ITEM)
_SLASH_YEAR = re.compile(patterns.SLASH_YEAR)
"""Few paragraphs have one; the citation's expression opens with a word boundary, tried at
every character."""

# First Security Council resolution number of some years; a number/year pair is
# read as a Security Council citation only when it fits this table (± 2 years),
# which keeps out the number/year resolutions of other bodies (FAO "7/2019").
_SC_ANCHORS = (
    (1946, 1),
    (1960, 134),
    (1970, 276),
    (1980, 461),
    (1990, 647),
    (2000, 1285),
    (2010, 1904),
    (2020, 2505),
    (2030, 3200),
)


def _sc_plausible(number: int, year: int) -> bool:
    if number < 100 or not 1946 <= year <= 2030:
        return False
    for (y0, n0), (y1, n1) in zip(_SC_ANCHORS, _SC_ANCHORS[1:]):
        if n0 <= number < n1:
            estimate = y0 + (number - n0) * (y1 - y0) / (n1 - n0)
            return abs(estimate - year) <= 2.5
    return False


class ScResolutionCitation(Rule):
    """Security Council resolutions are cited as number and year in parentheses.

    Security Council resolutions are identified by their number and, in
    parentheses, the year of adoption: ``resolution 1244 (1999)``, FR
    ``résolution 1244 (1999)``, ES ``resolución 1244 (1999)``. A
    ``number/year`` pair after "resolution" is reported when the number and the
    year fit the Security Council's numbering (resolution numbers of 100 and
    above, within a couple of years of when that number was reached), so that
    the ``number/year`` resolutions of other bodies ("FAO Conference resolution
    7/2019") are left alone.

    ## Why
    The year in parentheses is part of the identifier (Dag Hammarskjöld Library
    guide; the French Security Council compilations have 2,265 "résolution NNNN
    (YYYY)" and no "NNNN/YYYY"). A slash reads as a General Assembly, Human
    Rights Council or ECOSOC number.

    ## Example
    ```text
    The General Assembly,
    Recalling Security Council resolution 1244/1999,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling Security Council resolution 1244 (1999),
    ```

    ## Fix safety
    Safe: the fix only rewrites ``1244/1999`` as ``1244 (1999)``.
    """

    code = "RF001"
    name = "sc-resolution-citation"
    summary = "Security Council resolution cited as number/year instead of number (year)"
    # the lexicons with the word before a cited resolution; Arabic and Chinese name the
    # Council between the word and the number ("قرار مجلس الأمن 1244", "第1244(1999)号决议")
    languages = ("en", "fr", "es", "ru")
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.nodes:
            text = node.text
            if "/" not in text or _SLASH_YEAR.search(text) is None:
                continue
            for found in _SC_SLASH.finditer(text):
                # every number/year pair of the list that the keyword governs
                for item in _SC_LIST_ITEM.finditer(text, found.end("word"), found.end()):
                    number, year = int(item.group("number")), int(item.group("year"))
                    if not _sc_plausible(number, year):
                        continue
                    span = _span(node, item.start(), item.end())
                    wanted = f"{number} ({year})"
                    yield self.violation(
                        span,
                        f"Security Council resolution '{item.group(0)}' is cited as '{wanted}'",
                        Fix.replace(span, wanted, f"Write '{wanted}'"),
                    )


# --------------------------------------------------------------------------- RF002


class ImpossibleDate(Rule):
    """A date names a day that the month does not have.

    Checks dates written the UN way in each language: ``22 December 2003``,
    ``22 décembre 2003`` (``1er`` for the first day), ``22 de diciembre de
    2003``, ``22 декабря 2003 года`` (the month in the genitive), ``22 كانون
    الأول/ديسمبر 2003`` (the Syriac and the Latin name of the month, vowel marks
    and the tatweel optional) and ``2003年12月22日``. Month names come from the
    CLDR data (Babel), the Arabic ones from the lexicon (the UN writes "يونيه",
    "يوليه"). Without a year, the 29th of February is accepted.

    ## Why
    "31 June" or "30 février" is a typing or OCR error in a date, usually the
    date of a cited resolution or of a meeting, and the reader cannot tell which
    day was meant.

    ## Example
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 31 June 2003,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 22 December 2003,
    ```

    ## Fix safety
    No fix: only the drafter knows the right date.
    """

    code = "RF002"
    name = "impossible-date"
    summary = "Date that does not exist"
    severity = Severity.ERROR
    languages = ("en", "fr", "es", "ar", "ru", "zh")

    def check(self, document: Document) -> Iterator[Violation]:
        pattern = _date_regex(document.language)
        for node in document.nodes:
            for found in pattern.finditer(node.text):
                if not _date_start_ok(node.text, found.start()):
                    continue
                day = _day(found.group("day"))
                month = _month_number(document.language, found.group("month"))
                if month is None or day == 0 or day > 31:
                    continue
                year = int(found.group("year")) if found.group("year") else 2000
                if day <= calendar.monthrange(year, month)[1]:
                    continue
                span = _span(node, found.start(), found.end())
                yield self.violation(span, f"'{' '.join(found.group(0).split())}' does not exist")


# --------------------------------------------------------------------------- RF003 / RF004

_QUALIFIER = {
    "en": r"(?P<qualifier>\s+of\s+the\s+General\s+Assembly)?",
    "fr": r"(?P<qualifier>\s+de\s+l['’]\s?Assemblée(?:\s+générale)?)?",
    "es": r"(?P<qualifier>\s+de\s+la\s+Asamblea(?:\s+General)?)?",
    "ru": r"(?P<qualifier>\s+Генеральной\s+Ассамблеи)?",
    "ar": r"(?P<qualifier>\s+للجمعية\s+العامة)?",
}


@cache
def _connector(language: str) -> str | None:
    """Return the connector between a citation and its date in ``language`` (its lexicon's
    ``citation_connectors``), or None where there is none."""
    words = words_table(language).get("citation_connectors")
    return patterns.citation_connector(words) if words else None


_KEYWORD = patterns.LazyPattern(patterns.cited_text_word)
_KEYWORDS = {
    # "резолюцию", "резолюции", "решение": every case of the noun
    "ru": re.compile(r"\b(?:резолюци|решени)[а-яё]*", re.I),
    # "قرار", "قرارها" (its, the feminine Assembly's), "قراراتها", "وقراري", "مقرره"
    "ar": re.compile(r"(?<![\w])(?:[وبل])?(?:ال)?م?قرار[\w]*"),
}
"""The word before a cited resolution where it inflects (the lexicons' words are English,
French and Spanish)."""
_OWN_SUFFIX = {"ar": re.compile(r"(?:ها|هما)$")}
"""A possessive written on the word ("قرارها": its resolution, of a feminine organ)."""
_OWN = {
    "en": re.compile(r"\bits\s+$"),
    "fr": re.compile(r"\b(?:sa|ses)\s+$", re.I),
    "es": re.compile(r"\b(?:su|sus)\s+$", re.I),
    "ru": re.compile(r"\b(?:свою|своей|своих|свои|своими|своем|своём|свое|своё)\s+$", re.I),
}
_GA_BEFORE = {
    "en": re.compile(r"\b(?:General\s+)?Assembly(?:\s+in)?(?:\s+its)?\s+$"),
    "fr": re.compile(r"\bAssemblée(?:\s+générale)?,?\s+(?:dans|par)\s+(?:sa|ses)\s+$"),
    "es": re.compile(r"\bAsamblea(?:\s+General)?,?\s+en\s+(?:su|sus)\s+$"),
    "ru": re.compile(r"\bГенеральн[а-я]+\s+Ассамбле[а-я]+(?:\s+в)?(?:\s+сво[а-я]+)?\s+$"),
    "ar": re.compile(r"الجمعية\s+العامة\s+(?:في|ب)?\s*$"),
}
_GA_BETWEEN = re.compile(r"\s*(?:Генеральной\s+Ассамблеи|الجمعية\s+العامة)\s*")
"""The Assembly named between the word and the number: "резолюцию Генеральной Ассамблеи
58/170", "قرار الجمعية العامة 58/170"."""
# Another body named right before "its resolution" / "dans sa résolution".
_OTHER_BEFORE = re.compile(
    r"\b(?:Council|Commission|Conference|Committee|Board|Forum|Organization|Assembly"
    r"|Conseil|Conférence|Comité|Organisation|Consejo|Comisión|Conferencia|Junta"
    r"|Organización|Совет[а-я]*|Комисси[а-я]*|Конференци[а-я]*|Комитет[а-я]*"
    r"|Организаци[а-я]*|Форум[а-я]*|Ассамбле[а-я]*)\b[^.;]{0,60}$"
    r"|(?:المجلس|مجلس|اللجنة|لجنة|المؤتمر|مؤتمر|الهيئة|هيئة|المنظمة|منظمة|الجمعية)[^.؛]{0,60}$"
)
_GA_NAME = re.compile(
    r"General\s+Assembly|Assemblée\s+générale|Asamblea\s+General|Assembly"
    r"|Assemblée|Asamblea|Генеральн[а-я]+\s+Ассамбле[а-я]+|الجمعية"
)
_BETWEEN_WORDS = re.compile(
    r"(?:\s|,|\d|/|\(|\)|\b[A-Z]\b|\b[IVXLC]+\b|\b(?:and|to|of|et|à|y|a|du|de|del|en|date|dated"
    r"|1er|S|ES|и|от|года|г)\b|-|و|،|المؤرخ|المؤرخة)*"
)


@cache
def _citation_regex(language: str) -> re.Pattern[str]:
    date = _date_pattern(language, year=True)
    flags = 0 if language == "en" else re.I
    return re.compile(
        patterns.cited_resolution()
        + _QUALIFIER[language]
        + _connector(language)
        + r"(?P<date>"
        + date
        + r")",
        flags,
    )


@dataclass(frozen=True)
class _Citation:
    node: Node
    match: re.Match[str]
    general_assembly: bool


def _between_ok(language: str, between: str) -> bool:
    months = _months(language)[0]
    stripped = re.sub(months, " ", between, flags=0 if language == "en" else re.I)
    return bool(_BETWEEN_WORDS.fullmatch(stripped))


_NEVER = re.compile(r"(?!)")
_FIGURES = re.compile(r"\d+")
"""A run of figures: where a cited number starts (see ``anchored_finditer``)."""

_LAST_CITATIONS: list[tuple[Document, tuple[_Citation, ...]]] = []


def _citations(document: Document) -> tuple[_Citation, ...]:
    """Return the resolution citations with a date (computed once per document)."""
    if _LAST_CITATIONS and _LAST_CITATIONS[0][0] is document:
        return _LAST_CITATIONS[0][1]
    found = tuple(_find_citations(document))
    _LAST_CITATIONS[:] = [(document, found)]
    return found


@cache
def _chinese_citation_regex() -> re.Pattern[str]:
    """Return a resolution cited in Chinese, its date first: "大会2003年12月22日第58/170号
    决议", "其2004年12月20日第59/187号和…" (group ``qualifier``: the Assembly named)."""
    return re.compile(
        r"(?P<qualifier>大会\s*)?(?P<date>"
        + _date_pattern("zh", year=True)
        + r")\s*第\s*(?:(?P<session>\d{1,3})/(?P<number>\d{1,4})"
        r"|(?P<oldnumber>\d{1,4})\s*[(（]\s*(?P<roman>[IVXLC]+)\s*[)）])"
        r"(?:\s*[A-Z](?:\s*[和至]\s*[A-Z])?)?\s*号(?=决议|和|、|及)"
    )


_CHINESE_OTHER_BODY = re.compile(r"理事会|委员会|(?<!届)会议|组织|论坛|机构|缔约方")
"""Another body named in the clause before a Chinese citation (a session, "届会议", is
not one)."""


def _find_chinese_citations(document: Document) -> Iterator[_Citation]:
    """Yield the Chinese citations with a date: the Assembly's when the clause before the
    date names it ("回顾大会关于…的2003年…"), or says "其" (its) in an Assembly text, and
    names no other body."""
    pattern = _chinese_citation_regex()
    for node in document.nodes:
        text = node.text
        if "号" not in text:
            continue
        for found in pattern.finditer(text):
            before = text[max(0, found.start() - 60) : found.start()]
            clause = re.split(r"[，；。、和]", before)[-1]
            ga = bool(found.group("qualifier")) or (
                ("大会" in clause or (document.organ == "ga" and "其" in clause))
                and not _CHINESE_OTHER_BODY.search(clause)
            )
            yield _Citation(node, found, ga)


def _find_citations(document: Document) -> Iterator[_Citation]:
    """Yield the resolution citations with a date, and whether they are the GA's."""
    language = document.language
    if language == "zh":
        yield from _find_chinese_citations(document)
        return
    if _connector(language) is None:
        return
    pattern = _citation_regex(language)
    for node in document.nodes:
        text = node.text
        if "/" not in text and "(" not in text:
            continue  # a citation has a slash (58/170) or a parenthesis (3363 (XXX))
        # a citation starts a run of figures, after no letter, figure, slash, point or hyphen
        for found in anchored_finditer(pattern, _FIGURES, text):
            if found.group("roman") and _roman(found.group("roman")) is None:
                continue
            keyword_re = _KEYWORDS.get(language, _KEYWORD)
            keywords = list(keyword_re.finditer(text, max(0, found.start() - 400), found.start()))
            if not keywords:
                continue
            keyword = keywords[-1]
            between = text[keyword.end() : found.start()]
            named = _GA_BETWEEN.match(between) if language in ("ru", "ar") else None
            if named:
                between = between[named.end() :]
            if not _between_ok(language, between):
                continue
            if re.search(r"(?:^|\s)(?:S|ES)-\s*$", between) or re.search(r"\bA/", between):
                continue
            before = text[max(0, keyword.start() - 120) : keyword.start()]
            ga = bool(found.group("qualifier")) or named is not None
            if not ga and _GA_BEFORE[language].search(before):
                ga = True
            if not ga and language == "en" and re.search(r"\bGeneral\s+Assembly\s+$", before):
                ga = True
            own = _OWN.get(language, _NEVER).search(before)
            if language in _OWN_SUFFIX and _OWN_SUFFIX[language].search(keyword.group(0)):
                own = re.search(r"$", before)
            if not ga and document.organ == "ga" and own:
                head = before[: own.start()].split(";")[-1].split("؛")[-1]
                other = _OTHER_BEFORE.search(head[-110:])
                ga = other is None or bool(_GA_NAME.search(other.group(0)[:30]))
            yield _Citation(node, found, ga)


def _human_rights_council(found: re.Match[str], date: datetime.date) -> bool:
    """Return whether a ``session/number`` citation fits the Human Rights Council's sessions.

    The Council (from 2006) holds about three sessions a year; a citation whose
    date fits that is the Council's, whatever the wording around it suggests.
    """
    if not found.group("session"):
        return False
    session = int(found.group("session"))
    estimate = human_rights_council_session_year(session)
    return date.year >= 2006 and abs(date.year + (date.month - 1) / 12 - estimate) <= 1.5


def _session_window(session: int) -> tuple[datetime.date, datetime.date]:
    return general_assembly_session_window(session)


class CitationDateSession(Rule):
    """A cited General Assembly resolution's date falls within its session.

    A General Assembly resolution ``58/170`` (or ``1514 (XV)`` before the
    thirty-first session) belongs to the session in its number; the session runs
    from September of 1945 + session to September of the next year. The check
    reads "resolution 58/170 of 22 December 2003", "résolution 58/170 du 22
    décembre 2003", "resolución 58/170, de 22 de diciembre de 2003",
    "резолюцию 58/170 от 22 декабря 2003 года", "قرارها 58/170 المؤرخ 22 كانون
    الأول/ديسمبر 2003" and "2003年12月22日第58/170号决议" (the date first) and
    reports a date outside 1 September 1945 + N to 30 September 1946 + N. Only
    citations that are certainly the Assembly's are read: "its resolution" in a
    General Assembly text ("свою резолюцию", "قرارها" with the possessive written
    on the word, "其…决议"), or "General Assembly resolution" / "résolution …
    de l'Assemblée générale" / "резолюция Генеральной Ассамблеи" / "قرار الجمعية
    العامة" / "大会…决议" in any text. Human Rights Council (``13/15``) and
    special-session (``S-26/2``, ``ES-10/24``) numbers are left alone, and so
    is a citation whose date fits the Human Rights Council's sessions (about
    three a year from 2006: "sa résolution 32/28 du 1er juillet 2016", where
    "sa" is the Council's).

    ## Why
    A mismatch means that the number or the date of the citation is wrong
    (conventions: REF-005, SESS-001/002).

    ## Example
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 22 December 2005,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 22 December 2003,
    ```

    ## Fix safety
    No fix: either the number or the date may be the wrong part.
    """

    code = "RF003"
    name = "citation-date-session"
    summary = "Cited General Assembly resolution dated outside its session"
    languages = ("en", "fr", "es", "ar", "ru", "zh")

    def check(self, document: Document) -> Iterator[Violation]:
        for citation in _citations(document):
            if not citation.general_assembly:
                continue
            found = citation.match
            if found.group("session"):
                session = int(found.group("session"))
                if session < 31:
                    continue  # number/session before the thirty-first session: not a GA number
            else:
                session = _roman(found.group("roman")) or 0
                if session >= 31:
                    continue
            month = _month_number(document.language, found.group("month"))
            if month is None:
                continue
            try:
                date = datetime.date(int(found.group("year")), month, _day(found.group("day")))
            except ValueError:
                continue  # an impossible date is RF002's
            first, last = _session_window(session)
            if first <= date <= last or _human_rights_council(found, date):
                continue
            node = citation.node
            span = _span(node, found.start(), found.end())
            cited = " ".join(found.group(0).split())
            yield self.violation(
                span,
                f"'{cited}': a resolution of session {session} is dated between "
                f"{first:%B %Y} and {last:%B %Y}",
            )


@dataclass(frozen=True)
class ConnectorOptions:
    """Options of RF004."""

    french_en_date_du: bool = field(
        default=False,
        metadata={"doc": "also report the French 'en date du' (common in adopted texts)"},
    )


class CitationConnector(Rule):
    """The date of a cited resolution is joined with "of", "du", ", de".

    English writes ``resolution 58/170 of 22 December 2003``, French
    ``résolution 58/170 du 22 décembre 2003`` and Spanish ``resolución 58/170,
    de 22 de diciembre de 2003`` (comma, then ``de``). Reported: English
    "dated", Spanish "del" and a Spanish "de" without the comma. The French
    "en date du" is accepted unless the option ``french-en-date-du`` is set: it
    is frequent in adopted French texts (172 citations in 491 modern French
    resolutions of the corpus).

    ## Why
    Observed UN practice (conventions: REF-004): the English corpus never writes
    "resolution … dated"; Spanish texts put a comma before "de".

    ## Example
    ```text
    The General Assembly,
    Recalling its resolution 58/170 dated 22 December 2003,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170 of 22 December 2003,
    ```

    ## Fix safety
    Safe: the fix only replaces the connector.

    ## Options
    `french-en-date-du`: also report "résolution … en date du" (fix: "du").
    """

    code = "RF004"
    name = "citation-connector"
    summary = "Date of a cited resolution joined with a non-standard connector"
    severity = Severity.INFO
    languages = ("en", "fr", "es")
    fix_availability = Applicability.SAFE
    Options = ConnectorOptions

    def check(self, document: Document) -> Iterator[Violation]:
        language = document.language
        for citation in _citations(document):
            found = citation.match
            node = citation.node
            connector = " ".join(found.group("connector").split())
            lowered = connector.casefold()
            comma = found.group("comma") or ""
            if language == "en":
                wrong, wanted = lowered == "dated", "of"
            elif language == "fr":
                wrong = lowered == "en date du" and self.options.french_en_date_du
                wanted = "du"
            else:
                wrong = lowered in ("del", "con fecha", "de fecha", "en fecha") or not comma
                wanted = "de"
            if not wrong:
                continue
            if language == "es":
                span = _span(node, found.start("connector"), found.end("connector"))
                edits = []
                if not comma:
                    point = _span(node, _space_before(found) - 1, _space_before(found)).end
                    edits.append(Edit(Span(point, point), ","))
                if lowered != "de":
                    edits.append(Edit(span, "de"))
                shown = f"'{connector}'" if lowered != "de" else "'de' without a comma"
                yield self.violation(
                    span,
                    f"{shown} before the date of a cited resolution; write ', de'",
                    Fix(tuple(edits), Applicability.SAFE, "Write ', de'"),
                )
                continue
            span = _span(node, found.start("connector"), found.end("connector"))
            yield self.violation(
                span,
                f"'{connector}' before the date of a cited resolution; write '{wanted}'",
                Fix.replace(span, wanted, f"Write '{wanted}'"),
            )


def _space_before(found: re.Match[str]) -> int:
    """Return the start of the whitespace before the connector."""
    start = found.start("connector")
    text = found.string
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


# --------------------------------------------------------------------------- RF005

_SESSION_FIGURES = {
    "en": re.compile(
        r"(?<![^\s(])(?P<figure>(?P<number>\d{1,3})(?:st|nd|rd|th))\s+"
        r"(?:(?:regular|special|emergency\s+special|substantive|organizational|annual|ordinary)"
        r"\s+)?sessions?\b"
    ),
    "fr": re.compile(
        r"(?<![^\s(])(?P<figure>(?P<number>\d{1,3})\s?(?:e|ème|eme|è|re|ère|er))\s+sessions?\b"
    ),
    "es": re.compile(
        r"(?<![^\s(])(?P<figure>(?P<number>\d{1,3})\s?\.?(?:º|°|ᵒ|o|er|avo|ª))\s+"
        r"períodos?\s+(?:extraordinarios?\s+)?de\s+sesiones\b",
        re.I,
    ),
}


_SESSION_FIGURES.update(
    {
        # "на своей 58-й сессии", "58-ю сессию"
        "ru": re.compile(
            r"(?<![^\s(])(?P<figure>(?P<number>\d{1,3})\s?[-\u2011]?\s?"
            r"(?:й|ой|ий|ый|ей|го|ого|м|ом|я|ая|е|ю|ую))\s+(?P<noun>сесси(?:я|и|ю|ей))\b",
            re.I,
        ),
        # "في دورتها 58", "الدورة 58"
        "ar": re.compile(
            r"(?<![\w])(?:الدورة|دورت(?:ها|ه|هما|يها))\s+(?P<figure>(?P<number>\d{1,3}))(?![\d/]|[.,]\d)"
        ),
        # "第58届会议"
        "zh": re.compile(r"第\s*(?P<figure>(?P<number>\d{1,3}))\s*届"),
    }
)

_SESSION_WORD = {"en": "session", "fr": "session"}
"""The word every ordinal in figures of ``_SESSION_FIGURES`` is followed by, where the
expression is case-sensitive: a paragraph without it is not searched."""


def _session_figures(pattern: re.Pattern[str], language: str, text: str) -> Iterator[re.Match[str]]:
    """Yield the session ordinals in figures of ``text``; where the ordinal opens the match
    (after a space, a parenthesis or nothing), only runs of figures are tried."""
    if language in ("ar", "zh"):
        return pattern.finditer(text)
    return anchored_finditer(pattern, _FIGURES, text)


_RU_SESSION_CASE = {"сессия": "nominative", "сессию": "accusative"}

_ES_ASSEMBLY_AFTER = re.compile(r"\s*(?:de\s+la\s+Asamblea\s+General|de\s+la\s+Asamblea)\b")
_ES_OWN = re.compile(r"\b(?:su|sus)\s+$", re.I)
_ES_OTHER_BODY = re.compile(
    r"\b(?:Sub[Cc]omisión|Comisión|Conferencia|Consejo|Comité|Junta|Foro|Liga|Asamblea\s+Mundial|Reunión|"
    r"Grupo|Organización|Unión|Cumbre|Parlamento|Congreso|Órgano|Mecanismo|Plataforma|Partes)\b"
)


def _assembly_session(text: str, found: re.Match[str]) -> bool:
    """Return whether a Spanish session in figures is one of the General Assembly's own.

    Spanish texts spell out the Assembly's sessions ("su septuagésimo quinto período de
    sesiones") and write other bodies' in figures ("el 14º período de sesiones de la
    Conferencia", "la Comisión … en su 64º período de sesiones"): only a session "de la
    Asamblea General", or "su" session with no other body named before it in the
    sentence, is the Assembly's.
    """
    if _ES_ASSEMBLY_AFTER.match(text, found.end()):
        return True
    before = text[: found.start()]
    if not _ES_OWN.search(before):
        return False
    clause = re.split(r"[;:]", before)[-1]
    return _ES_OTHER_BODY.search(clause) is None


def session_ordinal(number: int, language: str, noun: str = "") -> str:
    """Return the spelled-out ordinal of a session (FR feminine, ES before 'período', RU
    feminine in the case of ``noun``, AR feminine with its article, ZH numerals)."""
    if language == "fr" and number == 1:
        return "première"  # "session" is feminine
    if language == "ru":
        return russian_feminine_ordinal(number, _RU_SESSION_CASE.get(noun.casefold(), "oblique"))
    if language == "ar":
        return arabic_session_ordinal(number)
    if language == "zh":
        return chinese_numeral(number)
    return ordinal_words(number, language)


class SessionOrdinalFigures(Rule):
    """Session ordinals are spelled out in the text of a resolution.

    "at its 58th session" is written "at its fifty-eighth session" (FR
    ``58e session`` → ``cinquante-huitième session``; ES ``58º período de
    sesiones`` → ``quincuagésimo octavo período de sesiones``). Meeting numbers
    stay in figures ("57th plenary meeting", "74e séance"), and so do the
    ordinals of headers, footnotes and adoption lines: only preambular and
    operative paragraphs are read. Ordinals of 100 and above stay in figures
    (adopted texts write "the International Labour Conference at its 103rd
    session"). Security Council texts are not checked: the Council has no
    sessions and writes other bodies' sessions their way ("the AU Assembly at
    its 24th ordinary session"). Russian, Arabic and Chinese spell sessions out
    too ("на своей пятьдесят восьмой сессии", the ordinal feminine in the case of
    "сессия"; "في دورتها الثامنة والخمسين"; "第五十八届会议"). Spanish is checked in
    General Assembly texts only, and there for the Assembly's own sessions:
    adopted Spanish texts write other bodies' sessions in figures ("el 14º período de sesiones de la
    Conferencia", "la Comisión … en su 64º período de sesiones") and the
    Assembly's in words ("en su septuagésimo séptimo período de sesiones").

    ## Why
    UN practice (conventions: NUM-003): sessions are spelled out, meetings are
    figures.

    ## Example
    ```text
    The General Assembly,
    1. Decides to include the item in the provisional agenda of its 60th session.
    ```

    ## Use instead
    ```text
    The General Assembly,
    1. Decides to include the item in the provisional agenda of its sixtieth session.
    ```

    ## Fix safety
    Safe: the number is written out in words (num2words, UN spelling: FR
    "cinquante et unième", "première"; ES "tercer", "cuadragésimo").
    """

    code = "RF005"
    name = "session-ordinal-figures"
    summary = "Session ordinal in figures instead of words"
    languages = ("en", "fr", "es", "ar", "ru", "zh")
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        language = document.language
        if document.organ == "sc" or (language == "es" and document.organ not in ("ga", None)):
            return  # the Council has no sessions: it names other bodies', in their style
        pattern = _SESSION_FIGURES[language]
        word = _SESSION_WORD.get(language, "")
        for node in document.of_kind(*_TEXT_KINDS):
            text = node.text
            if word not in text:
                continue
            for found in _session_figures(pattern, language, text):
                number = int(found.group("number"))
                if not 1 <= number < 100 or found.start() == 0:
                    continue
                if language == "es" and not _assembly_session(text, found):
                    continue
                noun = found.groupdict().get("noun") or ""
                words = session_ordinal(number, language, noun)
                span = _span(node, found.start("figure"), found.end("figure"))
                yield self.violation(
                    span,
                    f"session ordinal '{found.group('figure')}' in figures; write '{words}'",
                    Fix.replace(span, words, f"Write '{words}'"),
                )


# --------------------------------------------------------------------------- RF006

_OCR_MODIFIER = re.compile(patterns.SYMBOL_MODIFIER_SLIP)
_SYMBOL = re.compile(patterns.CITED_SYMBOL)
_SYMBOL_HEAD = re.compile(r"(?:A|S|E|ST|TD|DP|CRC)/")
"""The series and slash a cited symbol opens with (``patterns.CITED_SYMBOL``): the search
skips to these letters; no symbol starts inside one ("T/", "D/", "P/", "C/" open none)."""
_BAD_COMPONENT = re.compile(patterns.SYMBOL_COMPONENT_SLIP)


class DocumentSymbolSyntax(Rule):
    """Document symbols carry figures where OCR or typing put letters.

    Conservative checks of UN document symbols: a modifier numbered with a letter
    "l" or "I" (``Rev.l``, ``Add.l``, ``Corr.I``) and a numeric component of a
    symbol with a lowercase "l" or a capital "O" among its figures
    (``A/RES/58/l70``, ``A/58/1O5``).

    ## Why
    Revisions, addenda and corrigenda are numbered; "Rev.l" is the usual OCR or
    typing slip for "Rev.1" (conventions: REF-007) and makes the symbol
    unfindable.

    ## Example
    ```text
    The General Assembly,
    Taking note of the report of the Secretary-General (A/58/170/Rev.l),
    ```

    ## Use instead
    ```text
    The General Assembly,
    Taking note of the report of the Secretary-General (A/58/170/Rev.1),
    ```

    ## Fix safety
    Safe: a letter "l"/"I" after "Rev.", "Add.", "Corr." or "Amend." and a letter
    among the figures of a numeric component can only stand for a figure ("l" →
    "1", "O" → "0").
    """

    code = "RF006"
    name = "document-symbol-syntax"
    summary = "Letter instead of a figure in a document symbol"
    fix_availability = Applicability.SAFE

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.nodes:
            text = node.text
            if "/" not in text and "." not in text:
                continue
            reported: set[int] = set()
            for found in _OCR_MODIFIER.finditer(text):
                if found.start() and (
                    text[found.start() - 1].isalnum() or text[found.start() - 1] in "_.-"
                ):
                    continue
                start = found.start("bad")
                reported.add(start)
                span = _span(node, start, found.end("bad"))
                modifier = found.group("modifier")
                yield self.violation(
                    span,
                    f"'{modifier}.{found.group('bad')}': the {modifier.lower()}. number is "
                    f"'{modifier}.1'",
                    Fix.replace(span, "1", "Write '1'"),
                )
            for symbol in anchored_finditer(_SYMBOL, _SYMBOL_HEAD, text):
                offset = symbol.start()
                cited = symbol.group(0).rstrip(".")  # "2 A/75/l00.": the note's full stop
                for component in cited.split("/"):
                    start = offset
                    offset += len(component) + 1
                    if start in reported or not _BAD_COMPONENT.fullmatch(component):
                        continue
                    if not any(ch.isdigit() for ch in component):
                        continue
                    wanted = component.replace("l", "1").replace("O", "0")
                    span = _span(node, start, start + len(component))
                    yield self.violation(
                        span,
                        f"'{component}' in document symbol '{cited}'; write '{wanted}'",
                        Fix.replace(span, wanted, f"Write '{wanted}'"),
                    )


RULES = (
    ScResolutionCitation,
    ImpossibleDate,
    CitationDateSession,
    CitationConnector,
    SessionOrdinalFigures,
    DocumentSymbolSyntax,
)
