"""How each organ numbers its sessions: one table, read by the closing and citation rules.

The General Assembly numbers its regular sessions from 1946: session N opens in
September of 1945 + N and runs to September of the next year (59 → 2004–2005).
The Human Rights Council numbers its sessions from June 2006, about three a
year. The Economic and Social Council names its sessions by year (its
resolutions are numbered ``2020/7``), and the Security Council has no sessions.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from reslint import patterns


@dataclass(frozen=True, slots=True)
class Numbering:
    """How an organ names its sessions: ``ordinal`` (from ``first_year``), ``year`` or ``none``."""

    by: str
    first_year: int = 0
    per_year: float = 1.0


SESSIONS: dict[str, Numbering] = {
    "ga": Numbering("ordinal", 1946),
    "hrc": Numbering("ordinal", 2006, 3.0),
    "chr": Numbering("ordinal", 1947),
    "csw": Numbering("ordinal", 1947),
    "ecosoc": Numbering("year"),
    "sc": Numbering("none"),
}
"""Organ key (as in the lexicons' ``[organs]``) → how it numbers its sessions."""


def numbering(organ: str | None) -> Numbering:
    """Return how ``organ`` numbers its sessions (ordinals when it is not known)."""
    return SESSIONS.get(organ or "", Numbering("ordinal"))


def general_assembly_session_window(session: int) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of the General Assembly's regular session ``session``."""
    start = SESSIONS["ga"].first_year - 1 + session
    first = datetime.date(1946, 1, 1) if session == 1 else datetime.date(start, 9, 1)
    return first, datetime.date(start + 1, 9, 30)


def human_rights_council_session_year(session: int) -> float:
    """Return the (fractional) year in which the Human Rights Council held ``session``."""
    hrc = SESSIONS["hrc"]
    return hrc.first_year + (session - 1) / hrc.per_year


_YEAR_NUMBER = re.compile(patterns.YEAR_NUMBER)


def session_year(symbol: str | None, text: str) -> int | None:
    """Return the year of a resolution numbered by year (``E/RES/2020/7``, ``2020/7``)."""
    for source in (symbol or "", text[:800]):
        found = _YEAR_NUMBER.search(source)
        if found:
            return int(found.group(1))
    return None
