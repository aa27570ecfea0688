"""Words one typing slip away from an opener: where a misspelt opener still opens a paragraph.

The layout and the parser find paragraphs by their openers; a paragraph whose
opener is misspelt ("Reafirms", "Recaling") would otherwise be glued to the one
before it or left unclassified, and the rules that report the misspelling would
never see it. A first word one letter from the first word of a phrase of the
lexicon (one letter dropped, added, replaced, or two swapped) is taken for that
phrase's kind; whether it is a misspelling is the opener rules' business.

The lookup is a deletion index (every word and its one-letter deletions), built
once per language, so a line costs a few dictionary look-ups and no dictionary
of the language is read.
"""

from __future__ import annotations

import re
from functools import cache

from reslint.lexicon import Lexicon, load_lexicon, normalise

_FIRST = re.compile(r"[^\W\d_]+")
_SHORTEST = 4
"""Shorter words are too close to too many others ("Also" and "Alto")."""

KINDS = ("preambular", "operative")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _slip_at(a: str, b: str) -> int | None:
    """Return where ``a`` and ``b`` differ by one deleted, added, replaced or swapped letter
    (None if they are equal or further apart)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) > len(b):
        a, b = b, a
    at = 0
    while at < len(a) and a[at] == b[at]:
        at += 1
    if len(a) < len(b):
        return at if a[at:] == b[at + 1 :] else None
    if a[at + 1 :] == b[at + 1 :]:
        return at
    swapped = a[at : at + 2] == b[at : at + 2][::-1] and a[at + 2 :] == b[at + 2 :]
    return at if swapped else None


def _one_slip(word: str, opener: str) -> bool:
    """Return whether ``word`` is ``opener`` with one slip inside it.

    A different first letter makes another word ("Voting", "Saving", "Making"), and a
    different ending another form of the same one ("Commit", "Committee", "Adoptée"):
    neither is taken for a slip.
    """
    at = _slip_at(word, opener)
    return at is not None and 0 < at < min(len(word), len(opener)) - 1


@cache
def _index(language: str) -> tuple[dict[str, frozenset[tuple[str, str]]], frozenset[str]]:
    """Return the deletion index of the first words of each kind, and the markers."""
    lexicon = load_lexicon(language)
    index: dict[str, set[tuple[str, str]]] = {}
    for kind, phrases in (
        ("preambular", lexicon.all_preambular),
        ("operative", lexicon.all_operative),
    ):
        for first in {lexicon.fold(w) for w in {p.split()[0] for p in phrases if p.split()}}:
            if len(first) < _SHORTEST or not first.isalpha():
                continue
            for key in (first, *_deletions(first)):
                index.setdefault(key, set()).add((kind, first))
    markers = frozenset(lexicon.fold(m) for m in (*lexicon.also, *lexicon.further) if m.isalpha())
    return {key: frozenset(found) for key, found in index.items()}, markers


def _kinds_of(lexicon: Lexicon, word: str) -> set[str]:
    """Return the kinds of the opener words ``word`` is one slip from (none if it is one)."""
    index, _ = _index(lexicon.language)
    folded = lexicon.fold(word)
    if len(folded) < _SHORTEST or (folded in index and any(w == folded for _, w in index[folded])):
        return set()
    found: set[str] = set()
    for key in (folded, *_deletions(folded)):
        for kind, first in index.get(key, ()):
            if _one_slip(folded, first):
                found.add(kind)
    return found


def _used_again(word: str, document: str) -> bool:
    """Return whether ``word`` occurs more than once in ``document`` (in any case)."""
    found = re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", document, re.I)
    return next(found, None) is not None and next(found, None) is not None


def near_opener(lexicon: Lexicon, text: str, document: str | None = None) -> str | None:
    """Return the kind of opener ``text`` starts with, misspelt by one slip, if any.

    Only for languages whose openers are capitalised words of the lexicon. A misspelt
    "also"/"further" marker ("Furher requests") takes the kind of the phrase after it.
    When the word is near openers of both kinds, the final mark decides (a comma ends
    a preambular paragraph). A word that ``document`` (the whole text) uses more than
    once is a word of the text, not a slip ("Sommet de la Francophonie", "Soumet").
    """
    if lexicon.positional or not text[:1].isupper():
        return None
    norm = normalise(text)
    first = _FIRST.match(norm)
    if first is None:
        return None
    word = first.group(0)
    if norm[first.end() : first.end() + 1] in ("-", "'") or norm[first.end() :][:1].isdigit():
        return None  # a part of a longer word ("Recal-ling", "Nations'")
    rest = norm[first.end() :].lstrip()
    _, markers = _index(lexicon.language)
    if any(_one_slip(lexicon.fold(word), marker) for marker in markers):
        if document is not None and _used_again(word, document):
            return None
        if lexicon.match_operative(rest) is not None:
            return "operative"
        if lexicon.match_preambular(rest) is not None:
            return "preambular"
        return None
    kinds = _kinds_of(lexicon, word)
    if kinds and document is not None and _used_again(word, document):
        return None
    if len(kinds) == 2:
        return "preambular" if norm.rstrip().endswith(lexicon.terminators[0]) else "operative"
    return next(iter(kinds), None)
