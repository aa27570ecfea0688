"""Closing clauses: the GA agenda closers and the Security Council's "remain seized"."""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from reslint.lexicon import normalise
from reslint.model import Document, Node
from reslint.rule import Rule
from reslint.text import Span
from reslint.violations import Applicability, Fix, Severity, Violation
from reslint.vocabulary import ordinal_words, parse_ordinal

_AGENDA_TEMPLATES = {
    "en": (
        r"(?:Also\s+|Further\s+)?Decides\s+(?:also\s+|further\s+)?to\s+include\s+in\s+the\s+"
        r"provisional\s+agenda\s+of\s+its\s+(?P<ordinal>{o})\s+session",
        r"(?:Also\s+|Further\s+)?Decides\s+(?:also\s+|further\s+)?to\s+(?:continue\s+(?:its\s+)?"
        r"consideration\s+of|consider|examine|revert\s+to)\s+(?:the|this)\s+(?:question|item|matter"
        r"|issue)[^;.]{0,80}?\s+at\s+its\s+(?P<ordinal>{o})\s+session",
    ),
    "fr": (
        r"Décide\s+(?:également\s+|en\s+outre\s+)?d'inscrire\s+à\s+l'ordre\s+du\s+jour\s+"
        r"provisoire\s+de\s+sa\s+(?P<ordinal>{o})\s+session",
        r"Décide\s+(?:également\s+|en\s+outre\s+)?(?:de\s+poursuivre\s+l'examen\s+de|d'examiner)"
        r"\s+(?:la|cette)\s+question[^;.]{0,80}?\s+à\s+sa\s+(?P<ordinal>{o})\s+session",
    ),
    "es": (
        r"Decide\s+(?:también\s+|además\s+)?incluir\s+en\s+el\s+programa\s+provisional\s+de\s+su\s+"
        r"(?P<ordinal>{o})\s+período\s+de\s+sesiones",
        r"Decide\s+(?:también\s+|además\s+)?(?:seguir\s+examinando|examinar)\s+(?:la|esta)\s+"
        r"cuestión[^;.]{0,80}?\s+en\s+su\s+(?P<ordinal>{o})\s+período\s+de\s+sesiones",
    ),
}
_SEIZED = {
    "en": r"(?:Also\s+)?Decides\s+(?:also\s+)?to\s+remain\s+(?:actively\s+)?seized\s+of\s+the\s+"
    r"(?:matter|question)",
    "fr": r"Décide\s+(?:également\s+)?de\s+(?:rester|demeurer)\s+(?:activement\s+)?saisie?\s+de\s+"
    r"la\s+question",
    "es": r"Decide\s+(?:también\s+)?seguir\s+ocupándose\s+(?:activamente\s+)?de\s+la\s+cuestión",
}


_WORDS = r"[^\W\d][\w'-]*(?:\s+[^\W\d][\w'-]*){0,3}?"
_DECIDES = re.compile(r"(?i)(?:also\s+|further\s+)?d[ée]cid")


@cache
def _agenda_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    # The ordinal is captured as a short run of words and read with parse_ordinal,
    # rather than compiled into a 200-way alternation.
    return tuple(
        re.compile(template.replace("{o}", _WORDS), re.I)
        for template in _AGENDA_TEMPLATES.get(language, ())
    )


def _body(node: Node) -> tuple[str, int]:
    """Return the normalised text after the paragraph number, and its offset."""
    offset = 0
    if node.label_span is not None and node.number is not None:
        match = re.match(r"\s*\d+\s*\.\s*", node.text)
        offset = match.end() if match else 0
    return normalise(node.text[offset:]), offset


def agenda_closer(document: Document, node: Node) -> re.Match[str] | None:
    """Return the match of a GA agenda closer in ``node``, if it is one."""
    text, _ = _body(node)
    if not _DECIDES.match(text):
        return None
    for pattern in _agenda_patterns(document.language):
        found = pattern.match(text)
        if found and parse_ordinal(found.group("ordinal"), document.language) is not None:
            return found
    return None


def seized_closer(document: Document, node: Node) -> bool:
    """Return whether ``node`` is a "remain seized" closer."""
    pattern = _SEIZED.get(document.language)
    text, _ = _body(node)
    if not _DECIDES.match(text):
        return False
    return bool(pattern and re.match(pattern, text, re.I))


class ClosingSessionOrdinal(Rule):
    """The session named in a closing clause comes after the resolution's own session.

    Checks "Decides to include in the provisional agenda of its … session",
    "Décide de poursuivre l'examen de la question à sa … session", "Décide
    d'inscrire à l'ordre du jour provisoire de sa … session" and their Spanish
    forms. The resolution's session is taken from its number (``59/187`` → 59),
    its symbol or its session line.

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
    severity = Severity.ERROR
    fix_availability = Applicability.UNSAFE

    def check(self, document: Document) -> Iterator[Violation]:
        if document.session is None:
            return
        for node in document.operative:
            found = agenda_closer(document, node)
            if not found:
                continue
            words = found.group("ordinal")
            number = parse_ordinal(words, document.language)
            if number is None or number > document.session:
                continue
            _, offset = _body(node)
            start = offset + found.start("ordinal")
            span = node.view.original_span(start, start + len(words))
            wanted = ordinal_words(document.session + 1, document.language)
            yield self.violation(
                span,
                f"'{words}' session ({number}) is not after this resolution's session "
                f"({document.session})",
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

    def check(self, document: Document) -> Iterator[Violation]:
        operative = document.operative
        last_by_part: dict[int, int] = {}
        for node in operative:
            last_by_part[node.part] = node.index
        for node in operative:
            if node.index == last_by_part[node.part]:
                continue
            closer = agenda_closer(document, node) is not None or seized_closer(document, node)
            if closer:
                start = node.opener.span.start if node.opener else node.span.start
                yield self.violation(
                    Span(start, node.opener.span.end if node.opener else start + 1),
                    "closing clause is not the last operative paragraph",
                )


RULES = (ClosingSessionOrdinal, ClosingClauseNotLast)
