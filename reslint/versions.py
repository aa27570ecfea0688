"""The language versions of one resolution, paragraph by paragraph, and what anchors them.

Each version is parsed on its own; its preambular and operative paragraphs are
profiled by what survives translation unchanged: the paragraph number, the
ranks of its subparagraph labels (``(a)``, ``a)``, ``(أ)`` and ``(一)`` are all
rank 1), its footnote calls, the document symbols it cites (``A/77/1``,
``46/182``), the dates it gives (read with each language's month names) and the
other figures in it (years, amounts).  Paragraphs are then aligned across
versions by position and by these anchors, so that a paragraph missing from
one version is one gap, not a shift of every paragraph after it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from reslint.model import Document, Node, NodeKind
from reslint.numerals import letter_value, roman_value
from reslint.text import Span
from reslint.vocabulary import month_names

KINDS = ("preambular", "operative")

_SYMBOL = re.compile(
    r"(?<![0-9A-Za-zА-Яа-я/])"
    r"(?:[A-ZА-Я]{1,6}(?:\.\d{1,3})?(?:/[A-Za-zА-Яа-я0-9.\-]+)+|\d{1,4}/\d{1,4})"
    r"(?![0-9A-Za-zА-Яа-я/])"
)
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеосрх", "ABEKMHOPCTXaeocpx")
_ARABIC_SESSION = re.compile(r"\(\s*د\s*(?:إ\s*)?-\s*\d{1,2}\s*\)")
"""Arabic writes the session of old resolutions as (د-18) where others write (XVIII)."""
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.,])\d{1,3}(?:[ \u00a0\u202f,.\u066c]\d{3})+(?![\d.])"
    r"|(?<![0-9A-Za-z])\d+(?:[.,\u066b]\d{1,3})?(?!\d)"
)
_SCALES = (
    (r"多?亿", 10**8),
    (r"多?万", 10**4),
    (r"billion|milliards?|mil\s+millones|миллиард\w*|млрд\.?|مليار|بلايين|بليون", 10**9),
    (r"millions?|millones|миллион\w*|млн\.?|ملايين|مليون", 10**6),
    (r"тыс\.?|тысяч\w*|آلاف", 10**3),
)
_SCALE = re.compile(
    r"\s*(?:" + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(_SCALES)) + ")", re.I
)
"""Amounts counted in thousands, millions, billions or ten thousands (万, 亿) are written
with other figures in each language ("856.4 million", "8.564亿"): they are compared by value."""
_NAMED_YEAR = re.compile(r"(?i)(?:coronavirus|коронавирус\w*|كورونا)\s*2019|2019\s*冠状病毒")
"""COVID-19 is "maladie à coronavirus 2019" and "2019冠状病毒病" but "coronavirus disease" in
English: a year that is part of the disease's name in some languages only."""
_CJK_COUNTED = re.compile(r"[一二三四五六七八九十百零〇]+(?=条|段|款|项)")
"""Chinese numerals before "article", "paragraph", "clause", "item": figures in the other
languages ("第七十三条" is "Article 73"); ordinals of sessions and meetings are spelled out
in every language and are left alone."""
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_ARABIC_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_CJK_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class ParagraphProfile:
    """One preambular or operative paragraph of one version."""

    kind: str
    position: int
    """0-based position among the paragraphs of its kind."""
    node: Node
    number: int | None
    labels: tuple[int, ...]
    """Ranks of its subparagraph labels, in order (0 for a bullet or an unknown label)."""
    calls: int
    symbols: tuple[str, ...]
    dates: tuple[tuple[int, int, int], ...]
    figures: tuple[str, ...]

    @property
    def span(self) -> Span:
        """Return where a finding about the paragraph points: its label or opening."""
        node = self.node
        if node.label_span is not None:
            return node.label_span
        if node.opener is not None and node.opener.span.end > node.opener.span.start:
            return node.opener.span
        return Span(node.span.start, min(node.span.end, node.span.start + 1))

    def anchors(self) -> Counter[str]:
        """Return the paragraph's anchors as one multiset (for alignment)."""
        found: Counter[str] = Counter(self.symbols)
        found.update(f"d{d}" for d in self.dates)
        found.update(f"n{f}" for f in self.figures)
        found[f"calls{self.calls}"] += 1
        found[f"subs{len(self.labels)}"] += 1
        return found


@dataclass(frozen=True)
class VersionProfile:
    """One language version: its document and paragraph profiles."""

    path: str
    document: Document
    paragraphs: dict[str, tuple[ParagraphProfile, ...]]
    footnotes: int

    @property
    def language(self) -> str:
        """Return the version's language."""
        return self.document.language


def label_rank(label: str | None) -> int:
    """Return the rank of a subparagraph label in any of the six languages (0: unknown)."""
    if not label:
        return 0
    core = label.strip("()（）. ")
    if core in _CJK_NUMERALS:
        return _CJK_NUMERALS.index(core) + 1
    if len(core) == 1 and core in _ARABIC_LETTERS:
        return _ARABIC_LETTERS.index(core) + 1
    core = core.translate(_LOOKALIKES).lower()
    value = letter_value(core) if core.isascii() else None
    if value is not None and not (len(core) > 1 and roman_value(core)):
        return value
    return roman_value(core) or 0


_UN_MONTHS = {
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل إبريل",
        "مايو",
        "يونيه يونيو",
        "يوليه يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "ru": (
        "январь января январе",
        "февраль февраля феврале",
        "март марта марте",
        "апрель апреля апреле",
        "май мая мае",
        "июнь июня июне",
        "июль июля июле",
        "август августа августе",
        "сентябрь сентября сентябре",
        "октябрь октября октябре",
        "ноябрь ноября ноябре",
        "декабрь декабря декабре",
    ),
}
"""Month names as the UN writes them where the CLDR's differ (Arabic ``يونيه``, ``يوليه``)
or more forms are needed (Russian "в марте 2018 года"), space-separated alternatives; Arabic
puts the Levantine name first ("حزيران/يونيه")."""


@cache
def _months(language: str) -> dict[str, int]:
    names = {name: index + 1 for index, name in enumerate(month_names(language))}
    for index, spellings in enumerate(_UN_MONTHS.get(language, ())):
        names.update({name: index + 1 for name in spellings.split()})
    return names


@cache
def _date_pattern(language: str) -> re.Pattern[str]:
    months = "|".join(re.escape(m) for m in sorted(_months(language), key=len, reverse=True))
    if language == "zh":
        # "2007年6月18和19日", "2008年1月7至9日": the day a range ends on
        # "2016年5月31日至6月2日": the date a range ends on, as the other languages give it
        return re.compile(
            r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月"
            r"(?:\s*\d{1,2}\s*(?:和|至|、|-|–)\s*)?(?:(?P<day>\d{1,2})\s*日)?"
            r"(?:\s*(?:至|和|、|-|–)\s*(?:(?P<month2>\d{1,2})\s*月\s*)?(?P<day2>\d{1,2})\s*日)?"
        )
    before = r"(?:(?P<day>\d{1,2})(?:er|º|st|nd|rd|th)?\s+(?:de\s+)?)?"
    arabic = r"(?:[^\s\d/]+(?:\s[^\s\d/]+)?\s*/\s*)?" if language == "ar" else ""
    return re.compile(
        rf"(?i){before}{arabic}(?P<name>{months})\s*(?:de\s+|del\s+)?(?:(?P<day2>\d{{1,2}}),?\s+)?"
        r"(?P<year>\d{4})"
    )


def _dates(text: str, language: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    names = _months(language)
    found, spans = [], []
    for match in _date_pattern(language).finditer(text):
        groups = match.groupdict()
        if language == "zh":
            month = int(groups.get("month2") or groups["month"])
        else:
            month = names[groups["name"].lower()]
        day = groups.get("day2") or groups.get("day") or 0
        found.append((int(groups["year"]), month, int(day)))
        spans.append(match.span())
    return found, spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


_DECIMAL_COMMA = ("fr", "es", "ru")
"""Languages whose decimal mark is a comma: a full stop before three digits groups thousands
("17.000" in Spanish)."""


def _figure(raw: str, language: str = "en") -> str:
    separators = " \u00a0\u202f,\u066c" + ("." if language in _DECIMAL_COMMA else "")
    groups = re.split(rf"(?<=\d)[{separators}](?=\d{{3}}(?!\d))", raw)
    if len(groups) > 1 and groups[0] == "000":
        groups.reverse()  # "000 120": an Arabic figure stored in visual order
    return "".join(groups).replace(",", ".").replace("\u066b", ".")


def _cjk_value(numeral: str) -> int:
    digits = "零一二三四五六七八九"
    if all(c in digits + "〇" for c in numeral):
        return int("".join(str(digits.index(c)) if c in digits else "0" for c in numeral))
    total, current = 0, 0
    for char in numeral:
        if char in digits:
            current = digits.index(char)
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
    return total + current


def anchors_of(text: str, language: str) -> tuple[list[str], list[tuple[int, int, int]], list[str]]:
    """Return the symbols, dates and other figures cited in ``text``."""
    text = text.translate(_ARABIC_DIGITS)
    if language == "ar":
        text = _ARABIC_SESSION.sub(lambda m: " " * len(m.group(0)), text)
        text = _VISUAL_ORDER.sub(_logical_order, text)
    if language == "zh":
        text = _CJK_COUNTED.sub(lambda m: str(_cjk_value(m.group(0))), text)
    symbols, spans = [], []
    for match in _SYMBOL.finditer(text):
        if not any(c.isdigit() for c in match.group(0)):
            continue  # "HIV/AIDS", "VIH/SIDA": words, not a document symbol
        symbols.append(match.group(0).translate(_LOOKALIKES).rstrip(".-").upper())
        spans.append(match.span())
    text = _blank(text, spans)
    text = _NAMED_YEAR.sub(lambda m: " " * len(m.group(0)), text)
    dates, spans = _dates(text, language)
    text = _blank(text, spans)
    figures = [
        _scaled(_figure(m.group(0), language), text, m.end()) for m in _NUMBER.finditer(text)
    ]
    return symbols, dates, [f for f in figures if _significant(f)]


_VISUAL_ORDER = re.compile(
    r"(?<![\d.,])\d{3}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]\d{1,2}(?![\d.,])"
)
"""An Arabic figure stored in visual order: "005 117 1" for 1 117 005 (groups reversed)."""


def _logical_order(match: re.Match[str]) -> str:
    groups = re.split(r"[ \u00a0\u202f]", match.group(0))
    return " ".join(reversed(groups)).ljust(len(match.group(0)))


def _scaled(figure: str, text: str, end: int) -> str:
    """Return the value of a figure followed by a word of scale ("2.58亿", "17 ألف")."""
    found = _SCALE.match(text, end)
    if found is None:
        return figure
    index = int(next(k for k, v in found.groupdict().items() if v)[1:])
    value = Decimal(figure) * _SCALES[index][1]
    return format(value.normalize(), "f")


def _significant(figure: str) -> bool:
    """Return whether a figure is compared: amounts, years, counts from 100 on.

    Numbers under 100 are spelled out in one language and written in figures in
    another ("seventy-fifth anniversary", "75º aniversario"), and targets are numbered
    "4.1" or "4-1": they are left out."""
    return float(figure) >= 100


def _text_without_calls(document: Document, node: Node) -> str:
    text = node.text
    for call in sorted(node.calls, key=lambda c: c.span.start, reverse=True):
        start = node.view.text.find(document.text[call.span.start : call.span.end])
        if start >= 0:
            text = text[:start] + " " + text[start + call.span.end - call.span.start :]
    return text


def profile(path: str, document: Document) -> VersionProfile:
    """Profile the preambular and operative paragraphs of one version."""
    paragraphs: dict[str, list[ParagraphProfile]] = {kind: [] for kind in KINDS}
    for node in document.nodes:
        if node.parent is not None or node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
            continue
        kind = "preambular" if node.kind is NodeKind.PREAMBULAR else "operative"
        family = [node, *_subparagraphs(document, node)]
        labels = tuple(
            label_rank(child.number) for child in family if child.kind is NodeKind.SUBPARAGRAPH
        )
        text = " ".join(_text_without_calls(document, n) for n in family)
        symbols, dates, figures = anchors_of(text, document.language)
        number = node.number.translate(_ARABIC_DIGITS) if node.number else None
        paragraphs[kind].append(
            ParagraphProfile(
                kind,
                len(paragraphs[kind]),
                node,
                int(number) if number and number.isdigit() else None,
                labels,
                sum(len(n.calls) for n in family),
                tuple(sorted(set(symbols))),
                tuple(sorted(set(dates))),
                tuple(sorted(set(figures))),
            )
        )
    return VersionProfile(
        path,
        document,
        {kind: tuple(found) for kind, found in paragraphs.items()},
        len(document.footnotes),
    )


def _subparagraphs(document: Document, node: Node) -> list[Node]:
    """Return the subparagraphs under ``node`` (not the texts it quotes or adopts)."""
    found = []
    for child in document.children(node):
        if child.kind is NodeKind.SUBPARAGRAPH:
            found.append(child)
            found.extend(_subparagraphs(document, child))
    return found


def _anchor_similarity(a: ParagraphProfile, b: ParagraphProfile) -> float:
    anchors_a, anchors_b = a.anchors(), b.anchors()
    shared = sum((anchors_a & anchors_b).values())
    total = max(sum((anchors_a | anchors_b).values()), 1)
    return 1.0 + shared / total


def align(
    reference: tuple[ParagraphProfile, ...], other: tuple[ParagraphProfile, ...]
) -> list[tuple[int | None, int | None]]:
    """Align two paragraph sequences: pairs of positions, None where one side has a gap.

    Dynamic programming over the pairs: each matched pair scores 1 plus the share
    of anchors the two paragraphs have in common, a gap scores nothing, so the
    alignment keeps as many pairs as the shorter side has and puts the gaps where
    the anchors say a paragraph is missing.
    """
    n, m = len(reference), len(other)

    def _similarity(i: int, j: int) -> float:
        # the first and the last paragraphs of both sides correspond when nothing says
        # otherwise: a paragraph without anchors is missing in the middle, not at an end
        ends = 0.25 * ((i == 0 and j == 0) + (i == n - 1 and j == m - 1))
        return _anchor_similarity(reference[i], other[j]) + ends

    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score[i][j] = max(
                score[i + 1][j + 1] + _similarity(i, j),
                score[i + 1][j],
                score[i][j + 1],
            )
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] == score[i + 1][j + 1] + _similarity(i, j):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs
