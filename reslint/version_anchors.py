"""What survives translation in a paragraph: the symbols, dates and figures it cites.

Each language writes them its own way: thousands separators and decimal commas,
scales in words ("856.4 million", "8.564亿", "un milliard"), Arabic figures and
symbols stored in visual order, ordinals spelled out in one version and in
figures in another, the year in COVID-19's name.  :func:`anchors_of` reads them
alike, so that two versions of one paragraph give the same anchors; dates are
read by :mod:`reslint.version_dates`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reslint.numerals import roman_value
from reslint.version_dates import Date, read_dates

_SYMBOL = re.compile(
    r"(?<![0-9A-Za-zА-Яа-я/])"
    r"(?:[A-ZА-Я]{1,6}(?:\.\d{1,3})?(?:/[A-Za-zА-Яа-я0-9.\-]+)+(?![0-9A-Za-zА-Яа-я/])"
    r"|\d{1,4}/\d{1,4}(?=[A-ZА-Я]?(?![0-9A-Za-zА-Яа-я/])))"
)
"""A document symbol; a resolution number keeps its part letter apart or not ("45/55 B",
"45/55B")."""
_NATIONAL_LAW = re.compile(r"^\d{1,3}/(?:19|20)\d\d$")
""""Law No. 10/2018": a national law numbered within its year, "loi no 10 de 2018" in French;
no United Nations symbol ends in a year."""
_LAW_OF_YEAR = re.compile(
    r"(?i)(?:\blaw|\bloi|\bley|\bdecree|\bdécret|\bdecreto|\bзакон\w*|\bуказ\w*|قانون|مرسوم)"
    r"\s+(?:no\.?|n[°º]\.?|núm\.|№|رقم)?\s*\d{1,4}\s*(?:of|de|del|от|لعام|لسنة)\s+(?:19|20)\d\d"
)
"""The same, written out: "loi no 42 de 2018", "القانون رقم 10 لعام 2018"."""
_YEAR_SPAN = re.compile(r"^((?:19|20)\d\d)/((?:19|20)?\d\d)$")
"""A financial or crop year, "2020/21" or "2020/2021" as each language writes it."""
_ROMAN_DECISION = re.compile(r"^([IVXL]{1,6})/(\d+)$")
"""A decision of a conference of parties, "VII/11", "7/11" in Arabic."""
LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеосрх", "ABEKMHOPCTXaeocpx")
_ARABIC_SESSION = re.compile(r"\(\s*د\s*(?:إ\s*)?-\s*\d{1,2}\s*\)")
"""Arabic writes the session of old resolutions as (د-18) where others write (XVIII)."""
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.,])\d{1,3}(?:[ \u00a0\u202f,.\u066c]\d{3})+(?![\d.])"
    r"|(?<![0-9A-Za-z])\d+(?:[.,\u066b]\d{1,3})?(?!\d)"
    r"|(?<=[A-Za-zА-Яа-я])(?:19|20)\d\d(?!\d)"
)
"""A figure; a year may be written against a name ("Space2030", "Espacio2030")."""
_ORDINAL = re.compile(
    r"(?:st|nd|rd|th|e|er|ère|ème|re|º|°|ª|\.ª|\.º"
    r"|[-\u2010\u2011]?(?:й|я|е|го|м|х|му|ми|ю|ый|ой|ая|ое|ого|ом))(?![^\W\d_])"
)
"""What makes a figure an ordinal ("144th", "144e", "144º", "144-й"): another version spells
it out ("الرابعة والأربعين بعد المائة"), so it is not compared."""
_CJK_ORDINAL = re.compile(r"\s*(?:届|次)")
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
_NAMED_YEAR = re.compile(
    r"(?i)(?:coronavirus|коронавирус\w*|كورونا)\W+(?:[^\W\d]+\W+){0,2}?2019"
    r"|covid-?2019|2019\s*年?\s*冠状病毒"
)
"""COVID-19 is "coronavirus disease 2019", "maladie à coronavirus 2019", "مرض فيروس كورونا لعام
2019" and "2019冠状病毒病" in some places, "коронавирусное заболевание" in others: a year that
is part of the disease's name in some versions only."""
_WORD_AMOUNTS = (
    (r"\b(?:(?P<half>half\s+a)|a|one)\s+(?:(?P<m>million)|(?P<b>billion))\b", "en"),
    (r"\b(?:un|du|le|d[’']un)\s+(?P<half>demi-)?(?:(?P<m>million)|(?P<b>milliard))\b", "fr"),
    (r"\b(?:(?:un|(?P<half>medio))\s+(?P<m>millón)|(?P<b>mil\s+millones))\b", "es"),
    (
        r"\b(?:(?:один|одного|одному|одним)\s+|(?P<half>пол))"
        r"(?:(?P<m>миллион)|(?P<b>миллиард))\w*",
        "ru",
    ),
    (
        r"(?:^|(?<=\s))(?:ال|بال|لل)?(?:(?P<half>نصف\s+)?(?:(?P<m>مليون)|(?P<b>مليار|بليون))"
        r"|(?P<m2>مليونان|مليونين|مليوني)|(?P<b2>ملياران|مليارين|ملياري|بليونان|بليونين|بليوني))"
        r"(?!\w)",
        "ar",
    ),
)
_WORD_AMOUNT = {language: re.compile(pattern, re.I | re.M) for pattern, language in _WORD_AMOUNTS}
"""One million or one billion in words ("un milliard", "مليون", "mil millones"), half of it
("un demi-milliard", "полмиллиарда") or, in Arabic, two ("بليونين") where another version
writes "1 billion", "500 millones" or "10亿"."""
_RANGE = re.compile(
    r"\s*(?:-|–|—|to|and|or|et|ou|à|a|y|o|и|или|до|و|أو|至|到)\s*\d[\d.,\u00a0\u202f ]*"
)
"""The second figure of a range whose scale both share: "720 et 811 millions"."""
_CJK_COUNTED = re.compile(
    r"[一二三四五六七八九十百零〇]+(?=(?:[、和及至][一二三四五六七八九十百零〇]+)*(?:条|段|款|项))"
)
"""Chinese numerals before "article", "paragraph", "clause", "item", alone or in a list:
figures in the other languages ("第一百、一百零四和一百零五条" is "Articles 100, 104 and
105"); ordinals of sessions and meetings are spelled out
in every language and are left alone."""
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
ARABIC_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
CJK_NUMERALS = "一二三四五六七八九十"


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


def cjk_value(numeral: str) -> int:
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


def anchors_of(text: str, language: str) -> tuple[list[str], list[Date], list[str]]:
    """Return the symbols, dates and other figures cited in ``text``."""
    text = text.translate(ARABIC_DIGITS)
    if language == "ar":
        text = text.replace("\u0640", "")  # tatweel, the stretching of a word ("تمــــوز")
        text = _ARABIC_SESSION.sub(lambda m: " " * len(m.group(0)), text)
        text = _VISUAL_ORDER.sub(_logical_order, text)
    if language == "zh":
        text = _CJK_COUNTED.sub(lambda m: str(cjk_value(m.group(0))), text)
    text = _LAW_OF_YEAR.sub(lambda m: " " * len(m.group(0)), text)
    symbols, spans = [], []
    for match in _SYMBOL.finditer(text):
        if not any(c.isdigit() for c in match.group(0)):
            continue  # "HIV/AIDS", "VIH/SIDA": words, not a document symbol
        spans.append(match.span())
        symbol = _symbol(match.group(0))
        if symbol is not None:
            symbols.append(symbol)
    text = _blank(text, spans)
    text = _NAMED_YEAR.sub(lambda m: " " * len(m.group(0)), text)
    dates, spans = read_dates(text, language)
    text = _blank(text, spans)
    figures, spans = _word_amounts(text, language)
    text = _blank(text, spans)
    for match in _NUMBER.finditer(text):
        if _is_ordinal(text, match, language):
            continue
        figures.append(_scaled(_figure(match.group(0), language), text, match.end()))
    return symbols, dates, [f for f in figures if _significant(f)]


_GROUPED = re.compile(r"(?<![\d.,])\d{3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])")
_PAIR = re.compile(r"(?<![\d/])(\d{1,4})/(\d{1,4})(?![\d/])")


def readings_of(text: str) -> tuple[tuple[str, str], ...]:
    """Return the figures and symbols of an Arabic text that may be in visual order, each
    with its other reading: the groups of "500 251 510" or the parts of "156/75" reversed."""
    text = text.translate(ARABIC_DIGITS)
    found = []
    for match in _GROUPED.finditer(text):
        groups = re.split(r"[ \u00a0\u202f]", match.group(0))
        found.append(("".join(groups), "".join(reversed(groups))))
    found.extend((m.group(0), f"{m.group(2)}/{m.group(1)}") for m in _PAIR.finditer(text))
    return tuple(dict.fromkeys(found))


def _symbol(written: str) -> str | None:
    """Return a symbol as it is compared, None for a national law ("10/2018")."""
    symbol = written.translate(LOOKALIKES).rstrip(".-").upper()
    if _NATIONAL_LAW.match(symbol):
        return None
    span = _YEAR_SPAN.match(symbol)
    if span and len(span.group(2)) == 4:
        symbol = f"{span.group(1)}/{span.group(2)[2:]}"
    decision = _ROMAN_DECISION.match(symbol)
    if decision and (roman_value(decision.group(1).lower()) or 99) <= 30:
        symbol = f"{roman_value(decision.group(1).lower())}/{decision.group(2)}"
    return symbol


def _word_amounts(text: str, language: str) -> tuple[list[str], list[tuple[int, int]]]:
    pattern = _WORD_AMOUNT.get(language)
    if pattern is None:
        return [], []
    values, spans = [], []
    for match in pattern.finditer(text):
        if text[: match.start()].rstrip()[-1:].isdigit():
            continue  # "1,7 mil millones": a scale, read with its figure
        groups = match.groupdict()
        scale = 10**6 if groups["m"] or groups.get("m2") else 10**9
        factor = (
            Decimal("0.5") if groups["half"] else 2 if groups.get("m2") or groups.get("b2") else 1
        )
        values.append(format((Decimal(scale) * factor).normalize(), "f"))
        spans.append(match.span())
    return values, spans


def _is_ordinal(text: str, match: re.Match[str], language: str) -> bool:
    if language == "zh":
        before = text[max(0, match.start() - 1) : match.start()]
        return before == "第" and _CJK_ORDINAL.match(text, match.end()) is not None
    return _ORDINAL.match(text, match.end()) is not None


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
    if found is None and not (figure.isdigit() and 1900 <= int(figure) <= 2100):
        second = _RANGE.match(text, end)
        found = _SCALE.match(text, second.end()) if second else None
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
