"""Opening-phrase lexicons (data in ``reslint/lexicons/*.toml``) and the opener matcher."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from reslint.language import LANGUAGES
from reslint.morphology import Morphology, morphology_from_data

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_ADVERBS = {
    "en": r"(?i:[a-z]{3,}ly)(?![\w'])",
    "fr": r"(?i:[a-zà-ÿ]{3,}ment)(?![\w'])",
    "es": r"(?i:[a-záéíóúñ]{3,}mente)(?![\w'])",
}


def normalise(text: str) -> str:
    """Fold typographic apostrophes, tabs, non-breaking spaces and direction marks for matching.

    Every replacement is one character for one, so offsets are unchanged.
    (A chain of ``str.replace`` is much faster than ``str.translate`` here.)
    """
    return (
        text.replace("\u2019", "'")
        .replace("\u02bc", "'")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("\t", " ")
        .replace("\u200e", " ")
        .replace("\u200f", " ")
    )


@dataclass(frozen=True, slots=True)
class Organ:
    """An organ's identifier, chapeau names and grammatical gender."""

    key: str
    names: tuple[str, ...]
    gender: str


@dataclass(frozen=True, slots=True)
class OpenerMatch:
    """An opener found at the start of a paragraph.

    ``start``/``end`` are offsets into the text handed to the matcher; ``phrase`` is the
    lexicon phrase (as written in the lexicon), ``degree`` is ``""``, ``"also"`` or
    ``"further"`` and ``marker`` the marker text as written.
    """

    start: int
    end: int
    phrase: str
    degree: str = ""
    marker: str = ""
    marker_before: bool = False
    gender: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Opening phrases of one language, with the organs and their genders."""

    language: str
    preambular: tuple[str, ...]
    operative: tuple[str, ...]
    gendered: dict[str, str]
    also: tuple[str, ...]
    further: tuple[str, ...]
    organs: tuple[Organ, ...]
    positional: bool = False
    """No phrase lists: preambular paragraphs are told by their place, not their opener."""
    terminators: tuple[str, str, str] = (",", ";", ".")
    """The marks ending a preambular, an operative and the last operative paragraph."""
    number_style: str = "dot"
    """How operative paragraphs are numbered: ``dot`` ("1. Decides") or ``dash`` ("1 - …")."""
    morphology: Morphology | None = None
    """How an opener outside the phrase lists is judged (``[morphology]``)."""
    _pre_re: PhraseMatcher = field(init=False, repr=False)
    _op_re: PhraseMatcher = field(init=False, repr=False)
    _marker_re: re.Pattern[str] = field(init=False, repr=False)
    _phrase_gender: dict[str, str] = field(init=False, repr=False)
    _canonical: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        gender: dict[str, str] = {}
        for masculine, feminine in self.gendered.items():
            gender[masculine.casefold()] = "m"
            gender[feminine.casefold()] = "f"
        pre = set(self.preambular) | set(self.gendered) | set(self.gendered.values())
        markers = sorted(set(self.also) | set(self.further), key=len, reverse=True)
        pattern = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers) or r"(?!)"
        object.__setattr__(self, "_phrase_gender", gender)
        canonical = {}
        for entry in (*sorted(pre), *self.operative):
            canonical.setdefault(" ".join(normalise(entry).casefold().split()), entry)
        object.__setattr__(self, "_canonical", canonical)
        object.__setattr__(self, "_pre_re", PhraseMatcher(pre, pattern))
        object.__setattr__(self, "_op_re", PhraseMatcher(set(self.operative), pattern))
        object.__setattr__(
            self, "_marker_re", re.compile(rf"(?i)(?<![\w'])(?:{pattern})(?![\w'])[\s,]*")
        )

    @property
    def all_preambular(self) -> tuple[str, ...]:
        """Return every preambular phrase, gendered forms included."""
        return tuple(
            sorted(set(self.preambular) | set(self.gendered) | set(self.gendered.values()))
        )

    def degree_of(self, marker: str) -> str:
        """Return ``also`` or ``further`` for a marker."""
        folded = " ".join(marker.casefold().split())
        if folded in {m.casefold() for m in self.further}:
            return "further"
        return "also"

    def match_preambular(self, text: str) -> OpenerMatch | None:
        """Match a preambular opener at the start of ``text``."""
        return self._match(self._pre_re, text)

    def match_operative(self, text: str) -> OpenerMatch | None:
        """Match an operative verb phrase at the start of ``text``."""
        return self._match(self._op_re, text)

    def _match(self, phrase_re: PhraseMatcher, text: str) -> OpenerMatch | None:
        norm = normalise(text)
        before = self._marker_re.match(norm)
        offset = before.end() if before else 0
        found = phrase_re.match(norm, offset)
        if found is None:
            adverb = re.match(self.adverb_pattern + r"[ ,]+", norm[offset:])
            if adverb is not None:
                found = phrase_re.match(norm, offset + adverb.end())
        if found is None:
            return None
        phrase, inner = self.split_marker(found.group(0))
        end = found.end()
        marker = inner
        marker_before = False
        if before and not inner:
            marker, marker_before = before.group(0).strip(" ,"), True
        elif not inner:
            rest = re.match(r"\s+", norm[end:])
            after = self._marker_re.match(norm, end + (rest.end() if rest else 0))
            if after:
                marker = after.group(0).strip(" ,")
                end = after.start() + len(after.group(0).rstrip(" ,"))
        degree = self.degree_of(marker) if marker else ""
        gender = self._phrase_gender.get(" ".join(phrase.casefold().split()), "")
        return OpenerMatch(0, end, phrase, degree, marker, marker_before, gender)

    @property
    def before_opener(self) -> re.Pattern[str]:
        """Return the regex of a word that may precede an opener: an adverb or a marker."""
        markers = "|".join(re.escape(m) for m in (*self.also, *self.further) if " " not in m)
        return re.compile(rf"(?i:{self.adverb_pattern}|{markers or '(?!)'})")

    @property
    def adverb_pattern(self) -> str:
        """Return the regex of an adverb that may stand before a verb ("Strongly urges")."""
        return _ADVERBS.get(self.language, r"(?!)")

    def split_marker(self, phrase: str) -> tuple[str, str]:
        """Split a marker out of the middle of a matched phrase: (phrase, marker)."""
        words = phrase.split()
        if len(words) < 3:
            return phrase, ""
        inner = self._marker_re.search(phrase, len(words[0]))
        if inner is None or inner.end() >= len(phrase.rstrip()):
            return phrase, ""
        marker = inner.group(0).strip(" ,")
        rest = phrase[: inner.start()] + phrase[inner.end() :]
        return " ".join(rest.split()), marker

    def gender_of(self, phrase: str) -> str:
        """Return ``m`` or ``f`` for a gendered preambular phrase, else ``""``."""
        return self._phrase_gender.get(" ".join(normalise(phrase).casefold().split()), "")

    def canonical(self, phrase: str) -> str:
        """Return the lexicon spelling of a matched phrase (whitespace and case folded)."""
        return self._canonical.get(" ".join(normalise(phrase).casefold().split()), phrase)

    def organ_for(self, name: str) -> Organ | None:
        """Return the organ whose chapeau name is ``name`` (case and spacing folded)."""
        key = " ".join(normalise(name).casefold().split())
        for organ in self.organs:
            if any(" ".join(n.casefold().split()) == key for n in organ.names):
                return organ
        return None


_KEY_LENGTH = 3


def _key(text: str, pos: int) -> str:
    """Return the group key of a phrase starting at ``pos``: its first letters, within a word."""
    head = text[pos : pos + _KEY_LENGTH]
    return head.split(None, 1)[0].casefold() if head[:1].strip() else head.casefold()


class PhraseMatcher:
    """Match any of many phrases at a position; a marker may stand between their words.

    One alternation of every phrase (hundreds of them) costs about a tenth of a
    second to compile, at every start of the program.  Phrases are grouped by
    their first three letters instead, and a group's expression is compiled the
    first time a text starts with those letters: the same longest-first match,
    for the few groups a document needs.
    """

    def __init__(self, phrases: set[str], markers: str) -> None:
        self._gap = rf"\s+(?:(?:{markers})\s+)?"
        groups: dict[str, list[str]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            norm = normalise(phrase)
            groups.setdefault(_key(norm, 0), []).append(norm)
        self._groups = groups
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def _group(self, key: str) -> re.Pattern[str] | None:
        try:
            return self._compiled[key]
        except KeyError:
            pass
        members = self._groups.get(key)
        compiled = None
        if members:
            body = "|".join(re.escape(p).replace(r"\ ", self._gap) for p in members)
            compiled = re.compile(rf"(?i)(?:{body})(?![\w'-])")
        self._compiled[key] = compiled
        return compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Match a phrase at ``pos`` of normalised ``text`` (None if none starts there)."""
        compiled = self._group(_key(text, pos))
        return compiled.match(text, pos) if compiled is not None else None


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in (value or ()))


def lexicon_from_data(data: dict[str, Any]) -> Lexicon:
    """Build a lexicon from parsed TOML data."""
    markers = data.get("markers", {})
    organs = tuple(
        Organ(key, _tuple(entry.get("names")), str(entry.get("gender", "")))
        for key, entry in data.get("organs", {}).items()
    )
    preambular = data.get("preambular", {})
    punctuation = data.get("punctuation", {})
    return Lexicon(
        language=str(data["language"]),
        preambular=_tuple(preambular.get("phrases")),
        operative=_tuple(data.get("operative", {}).get("phrases")),
        gendered={str(k): str(v) for k, v in preambular.get("gendered", {}).items()},
        also=_tuple(markers.get("also")),
        further=_tuple(markers.get("further")),
        organs=organs,
        positional=bool(data.get("positional", False)),
        terminators=(
            str(punctuation.get("preambular", ",")),
            str(punctuation.get("operative", ";")),
            str(punctuation.get("final", ".")),
        ),
        number_style=str(punctuation.get("number", "dot")),
        morphology=morphology_from_data(data.get("morphology", {})),
    )


@cache
def load_lexicon(language: str) -> Lexicon:
    """Load the built-in lexicon of ``language`` (cached)."""
    if language not in LANGUAGES:
        raise KeyError(f"no lexicon for language {language!r}")
    raw = resources.files("reslint.lexicons").joinpath(f"{language}.toml").read_text("utf-8")
    return lexicon_from_data(tomllib.loads(raw))
