"""Dates as each language version of a resolution writes them, read alike.

The versions of a resolution give the same dates in different shapes: one
language repeats the year where another gives it once ("du 4 juillet et du 19
décembre 1967", "4 July and 19 December 1967"), lists days where another writes
each date in full ("des 14 et 15 décembre 1960"), puts the year first and a
weekday in a range ("2021年4月12日星期一至4月15日星期四"), or names a month
twice in Arabic ("10 كانون الأول/ديسمبر 2020").  A date is therefore read from a
*run*: day numbers, month names and years joined only by connectors (spaces,
commas, "and", "to", "et", "au", "y", "и", "و", "至", "和", weekday names …).
Every day of a run is a date, with the month and year the run gives it; a month
named with a year but no day is a date of month precision (day 0).
"""

from __future__ import annotations

import re
from functools import cache

from reslint.vocabulary import month_names

Date = tuple[int, int, int]
"""(year, month, day); day 0 for a month named without a day."""

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

_CONNECTORS = {
    "en": "and to from between through on respectively",
    "fr": "et au à du des de le les entre respectivement",
    "es": "y e al a del de el los entre respectivamente",
    "ru": "и по до с со от в во года г соответственно"
    " понедельник вторник среду четверг пятницу субботу воскресенье",
    "ar": "و من ومن إلى وإلى الى حتى يوم ويوم يومي يومَي ويومي في وفي على التوالي",
    "zh": "和 至 到 及 与",
}
"""Words that join the days, months and years of one run of dates."""


@cache
def _months(language: str) -> dict[str, int]:
    names = {name: index + 1 for index, name in enumerate(month_names(language))}
    for index, spellings in enumerate(_UN_MONTHS.get(language, ())):
        names.update({name: index + 1 for name in spellings.split()})
    return names


@cache
def _weekdays(language: str) -> tuple[str, ...]:
    if language == "zh":
        return tuple("星期" + d for d in "一二三四五六日天")
    try:
        from babel.dates import get_day_names

        names = tuple(n.lower() for n in get_day_names("wide", locale=language).values())
    except Exception:  # an unknown locale: no weekday is skipped
        return ()
    return names + tuple("و" + n for n in names) if language == "ar" else names


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _token_pattern(language: str) -> re.Pattern[str]:
    if language == "zh":
        return re.compile(
            r"(?P<year>\d{4})\s*年|(?P<month>\d{1,2})\s*月"
            r"|(?P<day>\d{1,2})(?:\s*日|(?=\s*(?:和|至|、|-|–|到)\s*\d{1,2}\s*日))"
        )
    # English capitalises its months: "may" is a verb
    months = (
        _alternation(_months(language))
        if language != "en"
        else _alternation(name.capitalize() for name in _months(language))
    )
    flags = "(?i)" if language != "en" else ""
    levantine = r"(?:[^\s\d/]+(?:\s[^\s\d/]+)?\s*/\s*)?" if language == "ar" else ""
    return re.compile(
        rf"{flags}(?P<month>{levantine}(?:{months}))(?![^\W\d_])"
        r"|(?<![\d/.,])(?P<year>19\d\d|20\d\d)(?![\d/.,]\d)"
        r"|(?<![\w/.,(\-\u2010\u2011])(?P<day>\d{1,2})(?:er|º|°|st|nd|rd|th|-?го|-?е)?"
        r"(?![\d/.,]?\d|\))"
    )


@cache
def _gap_pattern(language: str) -> re.Pattern[str]:
    words = _alternation((*_CONNECTORS.get(language, "").split(), *_weekdays(language)))
    boundary = "" if language == "zh" else r"(?![^\W\d_])"  # Chinese has no spaces
    return re.compile(rf"(?i)(?:[\s,，、،()（）\-\u2010-\u2015]|(?:{words}){boundary})*")


def read_dates(text: str, language: str) -> tuple[list[Date], list[tuple[int, int]]]:
    """Return the dates of ``text`` and the spans of the days, months and years read as them."""
    names = _months(language)
    gap = _gap_pattern(language)
    dates: list[Date] = []
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    last_year = 0
    pending: list[tuple[int, int, list[tuple[int, int]]]] = []  # (month, day, spans)
    pending_end = 0
    before: tuple[int, int] = (0, 0)  # the year of the pending dates given before them
    year_seen: tuple[int, int] = (0, 0)  # a year just read alone, and where it ends

    def settle() -> None:
        """Date the pending days by the year given alone just before them, as no year
        follows ("en 2015, qui s’est tenue du 27 avril au 22 mai")."""
        nonlocal pending
        if before[0]:
            for month, day, where in pending:
                dates.append((before[0], month, day))
                spans.extend(where)
        pending = []

    def close() -> None:
        nonlocal pending, pending_end, before, year_seen
        if language != "zh":  # days after the year belong to what follows ("2019, 1 250 000")
            while run and run[-1].lastgroup == "day":
                run.pop()
        if not run:
            return
        same_year = language == "zh" and _SAME_YEAR.search(text, 0, run[0].start()) is not None
        found = _interpret(run, names, language, last_year if same_year else 0)
        year = next((t.group("year") for t in run if t.lastgroup == "year"), None)
        near = bool(pending) and _SHARED_YEAR.fullmatch(text, pending_end, run[0].start())
        if near and year:
            for month, day, where in pending:
                dates.append((int(year), month, day))
                spans.extend(where)
            pending = []
        elif not near:
            settle()
        if not pending:
            given = year_seen[0] and _SHARED_YEAR.fullmatch(text, year_seen[1], run[0].start())
            before = (year_seen[0], 0) if given else (0, 0)
        for date in found:
            where = [run[i].span() for i in date[3:] if i >= 0]
            if date[0] and date[1]:
                dates.append((date[0], date[1], date[2]))
                spans.extend(where)
            elif date[1] and date[2]:
                pending.append((date[1], date[2], where))
        pending_end = run[-1].end()
        # a year alone ("en 2015, qui s’est tenue du 27 avril au 22 mai") is the year of the
        # dates after it; the year of a full date is that date's ("du 25 juillet 2019, dans
        # laquelle elle a proclamé le 5 avril": a day of every year)
        alone = len(run) == 1 and run[0].lastgroup == "year"
        year_seen = (int(run[0].group("year")), run[0].end()) if alone else (0, 0)

    for token in _token_pattern(language).finditer(text):
        if run and not gap.fullmatch(text, run[-1].end(), token.start()):
            close()
            last_year = next(
                (int(t.group("year")) for t in reversed(run) if t.lastgroup == "year"),
                last_year,
            )
            run = []
        run.append(token)
    if run:
        close()
    settle()
    return dates, spans


_SHARED_YEAR = re.compile(r"[^.;:\n]{1,30}")
"""What may stand between dates and the year they share: "27–31 мая и Луанде 25–29 ноября
2019 года" (a place between the dates of a run)."""
_SAME_YEAR = re.compile(r"(?:同年|当年|该年|是年)\s*$")
"""Chinese "the same year" before a month: the year of the date before it."""


def _interpret(
    run: list[re.Match[str]], names: dict[str, int], language: str, year: int = 0
) -> list[list[int]]:
    """Return the dates one run gives as [year, month, day, indexes of the tokens read…]
    (year 0: the run gives none)."""
    found: list[list[int]] = []  # [year, month, day, token indexes…], year 0 until given
    days: list[tuple[int, int]] = []  # (day, token index) waiting for their month
    month, month_at, year_at = 0, -1, -1 if not year else -2
    year_first = language == "zh"
    for index, token in enumerate(run):
        kind = token.lastgroup
        value = token.group(kind or 0)
        if kind == "year":
            year, year_at = int(value), index
            if not year_first:
                for date in found:
                    if not date[0]:
                        date[0] = year
                        date.append(index)
                if month and not days and not any(d[1] == month for d in found):
                    found.append([year, month, 0, month_at, index])
        elif kind == "month":
            month = int(value) if year_first else names.get(_month_key(value, names), 0)
            month_at = index
            if not year_first and days:
                found.extend([0, month, d, at, index] for d, at in days)
                days = []
            elif year_first and year:
                found.append([year, month, 0, index, year_at])
        elif kind == "day":
            day = int(value)
            if not 1 <= day <= 31:
                continue
            if year_first:
                if month and year:
                    if found and found[-1][2] == 0 and found[-1][1] == month:
                        found[-1][2] = day
                        found[-1].append(index)
                    else:
                        found.append([year, month, day, index, month_at, year_at])
            elif month and not days and found and found[-1][1] == month and found[-1][2] == 0:
                found[-1][2] = day  # "December 13, 2019"
                found[-1].append(index)
            elif month and not days and not found:
                found.append([0, month, day, month_at, index])
            else:
                days.append((day, index))
    return found


def _month_key(written: str, names: dict[str, int]) -> str:
    written = written.lower()
    if written in names:
        return written
    return written.rsplit("/", 1)[-1].strip().lower()
