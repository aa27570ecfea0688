"""Closing clauses: agenda and consideration closers, and "remain seized"."""

from __future__ import annotations

import re
from typing import Iterator

from reslint import patterns
from reslint.closers import SessionNamed
from reslint.lexicon import load_lexicon, normalise
from reslint.model import Document, Node
from reslint.rule import Rule
from reslint.sessions import numbering as session_numbering
from reslint.sessions import session_year
from reslint.text import Span
from reslint.violations import Applicability, Fix, Severity, Violation
from reslint.vocabulary import ordinal_words


def _body(node: Node) -> tuple[str, int]:
    """Return the normalised text after the paragraph number, and its offset."""
    offset = 0
    if node.label_span is not None and node.number is not None:
        match = re.match(patterns.CLOSING_NUMBER_START, node.text)
        offset = match.end() if match else 0
    return normalise(node.text[offset:]), offset


def own_session(document: Document) -> tuple[int | None, bool]:
    """Return the resolution's own session and whether it is a year (``reslint.sessions``)."""
    numbering = session_numbering(document.organ)
    if numbering.by == "none":
        return None, False
    if numbering.by == "year":
        return session_year(document.symbol, document.text), True
    return document.session, False


def closer_sessions(document: Document, node: Node, by_year: bool) -> list[SessionNamed]:
    """Return the sessions that the closing clauses in ``node`` name, wherever they stand
    in the paragraph ("…, and decides to include the item in the provisional agenda of
    its seventy-second session"): the first named after each decision."""
    forms = load_lexicon(document.language).closing
    if forms is None:
        return []
    text, _ = _body(node)
    found: dict[int, SessionNamed] = {}
    for action in forms.actions_in(text):
        named = [s for s in forms.sessions(text, action.end()) if s.by_year == by_year]
        if named:
            found.setdefault(named[0].start, named[0])
    return [found[start] for start in sorted(found)]


def closes_the_part(document: Document, node: Node) -> bool:
    """Return whether ``node`` is a clause that closes the operative part."""
    forms = load_lexicon(document.language).closing
    return forms is not None and forms.closes(_body(node)[0])


class ClosingSessionOrdinal(Rule):
    """The session named in a closing clause comes after the resolution's own session.

    A closing clause is recognised by its structure (``[closing]`` of each
    lexicon): a decision verb ("Decides", "Also decides", "Décide en outre"),
    an action (include in the agenda, continue the consideration of, consider,
    keep under review, remain seized of …) and, after it, past an item title of
    any length, the session: "at its sixtieth session", "à sa soixante et onzième
    session", "en su sexagésimo período de sesiones", or "at its 2021 session"
    for the Economic and Social Council, which names its sessions by year. The
    resolution's own session comes from its number (``59/187`` → 59, ``45/15``
    of the Human Rights Council → 45, ``2020/7`` → 2020), its symbol or its
    session line; how each organ numbers its sessions is in ``reslint.sessions``.
    A session named as the time within which to act ("keep under review during
    its seventy-second session", "avant la fin de sa soixante-douzième session")
    may be the resolution's own (``within`` of each lexicon's ``[closing]``).

    ## Why
    An item can only be placed on the agenda of a future session: normally the
    next one, or a later one for biennial or triennial items.

    ## Example
    ```text
    59/187. …
    10. Décide de poursuivre l'examen de la question à sa cinquante-huitième session.
    ```

    ## Use instead
    ```text
    59/187. …
    10. Décide de poursuivre l'examen de la question à sa soixantième session.
    ```

    ## Fix safety
    Unsafe: the fix names the next session; a biennial item may need a later one.
    """

    code = "CL001"
    name = "closing-session-ordinal"
    summary = "Closing clause names a session that is not after the resolution's"
    languages = ("en", "fr", "es")  # the lexicons with closing clauses ([closing])
    severity = Severity.ERROR
    fix_availability = Applicability.UNSAFE

    def check(self, document: Document) -> Iterator[Violation]:
        own, by_year = own_session(document)
        if own is None:
            return
        for node in document.operative:
            for named in closer_sessions(document, node, by_year):
                if named.number > own or (named.within and named.number == own):
                    continue  # a later session, or the current one as the time to act in
                _, offset = _body(node)
                span = node.view.original_span(offset + named.start, offset + named.end)
                words = node.view.text[offset + named.start : offset + named.end]
                wanted = str(own + 1) if by_year else ordinal_words(own + 1, document.language)
                yield self.violation(
                    span,
                    f"'{words}' session ({named.number}) is not after this resolution's "
                    f"session ({own})",
                    Fix.replace(span, wanted, f"Use '{wanted}'", Applicability.UNSAFE),
                )


class ClosingClauseNotLast(Rule):
    """A closing clause is the last operative paragraph.

    GA agenda closers ("Decides to include in the provisional agenda of its …
    session", "Décide de poursuivre l'examen de la question à sa … session") and
    the Security Council's "Decides to remain seized of the matter" close the
    operative part.

    ## Why
    By UN practice these clauses come last (observed in adopted GA and SC texts).

    ## Example
    ```text
    1. Decides to remain seized of the matter;
    2. Requests the Secretary-General to report.
    ```

    ## Use instead
    ```text
    1. Requests the Secretary-General to report;
    2. Decides to remain seized of the matter.
    ```

    ## Fix safety
    No fix: moving paragraphs renumbers the text.
    """

    code = "CL002"
    name = "closing-clause-not-last"
    summary = "Closing clause is not the last operative paragraph"
    languages = ("en", "fr", "es")  # the lexicons with closing clauses ([closing])

    def check(self, document: Document) -> Iterator[Violation]:
        operative = document.operative
        last_by_part: dict[int, int] = {}
        for node in operative:
            last_by_part[node.part] = node.index
        for node in operative:
            if node.index == last_by_part[node.part]:
                continue
            if closes_the_part(document, node):
                start = node.opener.span.start if node.opener else node.span.start
                yield self.violation(
                    Span(start, node.opener.span.end if node.opener else start + 1),
                    "closing clause is not the last operative paragraph",
                )


RULES = (ClosingSessionOrdinal, ClosingClauseNotLast)
