"""Closing clauses recognised by their structure (``[closing]`` of each lexicon).

A closer is a decision verb ("Decides", "Also decides", "Décide en outre"),
then an action (include in the agenda, continue the consideration, consider,
keep under review, remain seized …), then, anywhere after it — past an item
title in quotation marks of any length — the session it names: "at its
sixtieth session", "à sa soixante et onzième session", "en su septuagésimo
período de sesiones", or the year for organs that name sessions by year ("at
its 2021 session"). The forms were read off the last operative paragraphs of
the corpus and of the UN's Akoma Ntoso resolutions; the words are in the
lexicons, this module only puts them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reslint.vocabulary import parse_ordinal


@dataclass(frozen=True, slots=True)
class SessionNamed:
    """The session a closer names: a number (ordinal or year) and where its words are."""

    number: int
    start: int
    end: int
    by_year: bool
    within: bool = False
    """Named as the time within which to act ("during its seventy-second session",
    "before the end of its …"): the resolution's own session is right there."""


@dataclass(frozen=True)
class ClosingForms:
    """The closing-clause patterns of one language."""

    language: str
    decision: str
    last: tuple[str, ...]
    seized: str
    actions: tuple[str, ...]
    session: str
    year_session: str
    within: str = ""
    """What comes before a session named as the time within which to act (ends the match)."""
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)

    def _pattern(self, name: str, source: str) -> re.Pattern[str]:
        compiled = self._compiled.get(name)
        if compiled is None:
            compiled = self._compiled[name] = re.compile(source, re.I)
        return compiled

    def closes(self, text: str) -> bool:
        """Return whether ``text`` closes the operative part: an agenda or consideration
        closer naming a session, or "remain seized"."""
        if self.remains_seized(text):
            return True
        found = self.action(text, closing_last=True)
        return found is not None and bool(self.sessions(text, found.end()))

    def remains_seized(self, text: str) -> bool:
        """Return whether ``text`` is the clause by which the organ remains seized."""
        pattern = self._pattern("seized", rf"{self.decision}(?:{self.seized})")
        return bool(self.seized) and pattern.match(text) is not None

    def action(self, text: str, closing_last: bool = False) -> re.Match[str] | None:
        """Match the decision verb and an action at the start of ``text``."""
        actions = self.last if closing_last else self.actions
        if not actions:
            return None
        source = rf"{self.decision}(?:{'|'.join(actions)})"
        return self._pattern(f"action-{closing_last}", source).match(text)

    def actions_in(self, text: str) -> list[re.Match[str]]:
        """Find the decision verb and an action anywhere in ``text`` ("Requests … and
        decides to include …").

        A paragraph is searched only when it holds the words every decision verb holds
        ("decides", "cide", "decide|resuelve", in any case): the expression, which opens
        with a look-behind, would otherwise be tried at every character of every
        operative paragraph, and few of them decide anything."""
        if not self.actions:
            return []
        gate = self._gate
        if gate is not None and gate.search(text) is None:
            return []
        source = rf"(?<![\w'])(?:{self.decision})(?:{'|'.join(self.actions)})"
        return list(self._pattern("actions-in", source).finditer(text))

    @cached_property
    def _gate(self) -> re.Pattern[str] | None:
        """The words every decision verb holds, as an expression (None: none)."""
        words = required_words(self.decision)
        return re.compile("|".join(map(re.escape, sorted(words))), re.I) if words else None

    def sessions(self, text: str, start: int = 0) -> list[SessionNamed]:
        """Return the sessions named in ``text`` after ``start``, in order."""
        found: list[SessionNamed] = []
        ordinal = self._pattern("session", rf"(?=({self.session}))")
        for match in ordinal.finditer(text, start):
            words = " ".join(match.group("ordinal").split())
            number = parse_ordinal(words, self.language) if words else None
            if number is not None:
                at = match.start("ordinal")
                within = bool(self.within) and bool(
                    self._pattern("within", rf"(?:{self.within})\s*$").search(text, 0, at)
                )
                found.append(SessionNamed(number, at, at + len(words), False, within))
        if self.year_session:
            for match in self._pattern("year", self.year_session).finditer(text, start):
                group = "year" if match.groupdict().get("year") else "year2"
                if match.groupdict().get(group):
                    found.append(
                        SessionNamed(
                            int(match.group(group)), match.start(group), match.end(group), True
                        )
                    )
        found.sort(key=lambda s: s.start)
        return found


try:  # the regular-expression parser that re itself uses (imported with it)
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = tuple(
    getattr(sre, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre, name)
)
_USEFUL = 3
"""The shortest word worth searching for before an expression."""


def required_words(source: str) -> frozenset[str] | None:
    """Return words one of which every match of the expression ``source`` contains (as
    written in it; matched without regard to case), or None when it has none of at least
    three letters: "(?:also\\s+)?decides\\s+" → {"decides"}, "d[ée]cide\\s+" → {"cide"},
    "(?:decide|resuelve)\\s+" → {"decide", "resuelve"}.

    Read from the parsed expression: a run of literal characters, or an alternation all of
    whose branches hold such words, in a part that cannot be left out; the longest is kept.
    """
    found = _required(list(_parser.parse(source).data))
    return found if found and min(map(len, found)) >= _USEFUL else None


def _required(items: list[Any]) -> frozenset[str] | None:
    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        consider(frozenset({"".join(run)}) if run else None)
        run = []
        if op is sre.SUBPATTERN:
            consider(_required(list(value[-1].data)))
        elif op is sre.BRANCH:
            branches = [_required(list(branch.data)) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            consider(_required(list(value[2].data)))
    consider(frozenset({"".join(run)}) if run else None)
    return best


def closing_forms_from_data(language: str, data: dict[str, Any]) -> ClosingForms | None:
    """Build the ``[closing]`` table of a lexicon, or None when it has none."""
    if not data.get("decision"):
        return None
    return ClosingForms(
        language=language,
        decision=str(data["decision"]),
        last=tuple(str(a) for a in data.get("last", ())),
        seized=str(data.get("seized", "")),
        actions=tuple(str(a) for a in data.get("actions", ())),
        session=str(data.get("session", r"(?!)(?P<ordinal>)")),
        year_session=str(data.get("year-session", "")),
        within=str(data.get("within", "")),
    )
