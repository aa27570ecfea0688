"""Opening-phrase lexicons (data in ``reslint/lexicons/*.toml``) and the opener matcher."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from reslint import patterns
from reslint.closers import ClosingForms, closing_forms_from_data
from reslint.language import LANGUAGES
from reslint.morphology import Morphology, morphology_from_data
from reslint.orthography import SPACED, Orthography, orthography_from_data
from reslint.startup_cache import parsed_toml

_SPLIT_WORD = re.compile(patterns.SPLIT_FIRST_WORD, re.I)
_SPACES = re.compile(r"\s+")

_ADVERBS = {
    "en": r"(?i:[a-z]{3,}ly)(?![\w'])",
    "fr": r"(?i:[a-zà-ÿ]{3,}ment)(?![\w'])",
    "es": r"(?i:[a-záéíóúñ]{3,}mente)(?![\w'])",
    # "вновь подтверждает", "настоятельно призывает" (adverbs in -о), before the verb
    "ru": r"(?i:вновь|[а-яё]{4,}о)(?![\w'])",
    # "再次重申", "特别强调", "满意地回顾": "again", "particularly" and adverbs in 地, written
    # on the verb; "在这方面，请" ("in this regard, requests"): a fronted phrase
    "zh": r"(?:再次|再度|一再|深入|特别|[\u4e00-\u9fff]{1,3}地|(?:在这方面|为此|因此)，?)",
}


def longest_first(text: str) -> tuple[int, str]:
    """Sort key of the alternatives of a pattern: the longest first, then in text order, so
    that a pattern built from a set is the same in every run (and its compiled form can be
    kept, see ``reslint.startup_cache``)."""
    return -len(text), text


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


_REMEMBERED = 4096
"""How many opener questions a lexicon remembers (a few documents' paragraphs)."""


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
    orthography: Orthography = SPACED
    operative_gendered: dict[str, str] = field(default_factory=dict)
    """Masculine → feminine operative verbs, where verbs agree with the organ (Arabic)."""
    attested: dict[str, int] = field(default_factory=dict, compare=False)
    """Texts of the UN's markup each phrase was seen in (``<lang>-attested.toml``)."""
    closing: ClosingForms | None = None
    """The closing clauses' decision verbs, actions and session phrases (``[closing]``)."""
    same_verb: dict[str, str] = field(default_factory=dict, compare=False)
    """Phrase → the first phrase of its group, for the phrases that are one verb written in
    two ways (``[markers] same_verb``: Arabic "تعيد تأكيد" and "تؤكد من جديد"), folded."""
    adjective_markers: tuple[str, ...] = ()
    """Markers that are also adjectives: after the verb, before a noun, they are not
    markers ("Encourages further steps"; ``[markers] adjectives``)."""
    marker_followers: tuple[str, ...] = ()
    """Lowercase words after which such a marker is still the marker ("Recalling further
    its resolution", "Decides further that"; ``[markers] followers``)."""
    _pre_re: PhraseMatcher = field(init=False, repr=False)
    _op_re: PhraseMatcher = field(init=False, repr=False)
    _marker_re: re.Pattern[str] = field(init=False, repr=False)
    _phrase_gender: dict[str, str] = field(init=False, repr=False)
    _canonical: dict[str, str] = field(init=False, repr=False)
    _matched: dict[tuple[bool, str], OpenerMatch | None] = field(
        init=False, repr=False, compare=False
    )
    _folded: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matched", {})
        object.__setattr__(self, "_folded", {})
        # a phrase the markup attests only with its clitic ("وإذ يضع في اعتباره") opens a
        # section's first paragraph without it: phrases are kept bare, and the matcher
        # takes a clitic off the text
        bare = self.orthography.without_clitic
        gender: dict[str, str] = {}
        for masculine, feminine in (*self.gendered.items(), *self.operative_gendered.items()):
            gender[self.fold(bare(masculine))] = "m"
            gender[self.fold(bare(feminine))] = "f"
        pre = {bare(p) for p in (*self.preambular, *self.gendered, *self.gendered.values())}
        operative = {
            bare(p)
            for p in (
                *self.operative,
                *self.operative_gendered,
                *self.operative_gendered.values(),
            )
        }
        markers = sorted(set(self.also) | set(self.further), key=longest_first)
        orthography = self.orthography
        pattern = "|".join(orthography.pattern(m, r"\s+") for m in markers) or r"(?!)"
        object.__setattr__(self, "_phrase_gender", gender)
        canonical = {}
        for entry in (*sorted(pre), *sorted(operative)):
            canonical.setdefault(self.fold(entry), entry)
        object.__setattr__(self, "_canonical", canonical)
        object.__setattr__(self, "_pre_re", PhraseMatcher(pre, pattern, orthography))
        object.__setattr__(self, "_op_re", PhraseMatcher(operative, pattern, orthography))
        bounded = rf"(?i)(?<![\w'])(?:{pattern})(?![\w'])[\s,]*"
        object.__setattr__(
            self,
            "_marker_re",
            re.compile(bounded if orthography.spaced else rf"(?:{pattern})"),
        )

    def fold(self, phrase: str) -> str:
        """Return ``phrase`` as looked up: typography, case, spacing and optional marks folded.

        The phrases asked about are few (the lexicon's and the openers found): their
        folded forms are remembered."""
        try:
            return self._folded[phrase]
        except KeyError:
            pass
        folded = " ".join(self.orthography.strip(normalise(phrase)).casefold().split())
        if len(self._folded) >= _REMEMBERED:
            self._folded.clear()
        self._folded[phrase] = folded
        return folded

    @cached_property
    def lowercase_openers(self) -> bool:
        """Return whether the language writes its openers in lower case (Russian "ссылаясь",
        "постановляет"): a capital then starts a heading or a name, not a paragraph."""
        return any(phrase[:1].islower() for phrase in (*self.preambular, *self.operative))

    @property
    def all_preambular(self) -> tuple[str, ...]:
        """Return every preambular phrase, gendered forms included."""
        return tuple(
            sorted(set(self.preambular) | set(self.gendered) | set(self.gendered.values()))
        )

    @property
    def all_operative(self) -> tuple[str, ...]:
        """Return every operative phrase, gendered forms included."""
        return tuple(
            sorted(
                set(self.operative)
                | set(self.operative_gendered)
                | set(self.operative_gendered.values())
            )
        )

    def degree_of(self, marker: str) -> str:
        """Return ``also`` or ``further`` for a marker."""
        folded = self.fold(marker)
        if folded in {self.fold(m) for m in self.further}:
            return "further"
        return "also"

    def match_preambular(self, text: str) -> OpenerMatch | None:
        """Match a preambular opener at the start of ``text``."""
        return self._remembered(False, text)

    def match_operative(self, text: str) -> OpenerMatch | None:
        """Match an operative verb phrase at the start of ``text``."""
        return self._remembered(True, text)

    def _remembered(self, operative: bool, text: str) -> OpenerMatch | None:
        """Match an opener, remembering the answers for the latest texts: the layout, the
        grammar and the rules each ask about the same paragraph (a third of the questions
        are repeats), and the answer depends on the text alone."""
        key = (operative, text)
        try:
            return self._matched[key]
        except KeyError:
            pass
        phrase_re = self._op_re if operative else self._pre_re
        found = self._match(phrase_re, text) or self._match_split(phrase_re, text)
        if len(self._matched) >= _REMEMBERED:
            self._matched.clear()
        self._matched[key] = found
        return found

    def _match_split(self, phrase_re: PhraseMatcher, text: str) -> OpenerMatch | None:
        """Match an opener whose first word text extraction split in two ("G ravement",
        "Décid e", "Se félicitan t"): a letter cut off either end of the word."""
        if not self.orthography.spaced:
            return None
        split = _SPLIT_WORD.match(normalise(text[:60]))
        if split is None:
            return None
        gap = split.start(1) if split.group(1) else split.start(2)
        found = self._match(phrase_re, text[:gap] + text[gap + 1 :])
        if found is None or found.end <= gap:
            return None
        return replace(found, end=found.end + 1)

    def _match(self, phrase_re: PhraseMatcher, text: str) -> OpenerMatch | None:
        norm = normalise(text)
        before = self._marker_re.match(norm)
        offset = before.end() if before else 0
        found = phrase_re.match(norm, offset)
        if found is None and before:
            found, before, offset = phrase_re.match(norm), None, 0
        start = 0
        if found is None:
            for clitic in self.orthography.clitics:
                if norm.startswith(clitic, offset) and norm[offset + len(clitic) :][:1].isalpha():
                    found = phrase_re.match(norm, offset + len(clitic))
                    if found is not None:
                        start = offset = offset + len(clitic)
                        break
        if found is None:
            adverb = self._adverb_before_verb.match(norm, offset)
            if adverb is not None:
                found = phrase_re.match(norm, adverb.end())
        if found is None:
            return None
        phrase, inner = self.split_marker(found.group(0))
        end = found.end()
        marker = inner
        marker_before = False
        if before and not inner:
            marker, marker_before = before.group(0).strip(" ,"), True
        elif not inner:
            rest = _SPACES.match(norm, end)
            after = self._marker_re.match(norm, rest.end() if rest else end)
            if after and self._adjective(after.group(0), norm[after.end() :]):
                after = None
            if after:
                marker = after.group(0).strip(" ,")
                end = after.start() + len(after.group(0).rstrip(" ,"))
        degree = self.degree_of(marker) if marker else ""
        gender = self._phrase_gender.get(self.fold(phrase), "")
        return OpenerMatch(start, end, phrase, degree, marker, marker_before, gender)

    def _adjective(self, marker: str, following: str) -> bool:
        """Return whether ``marker`` after the verb is an adjective of the noun that follows
        ("Encourages further steps", "Welcomes further briefings"), not the marker."""
        if "," in marker or self.fold(marker) not in {self.fold(m) for m in self.adjective_markers}:
            return False
        word = re.match(r"[^\W\d_]+", following)
        if word is None or not word.group(0)[:1].islower():
            return False  # a name, a figure or punctuation follows: the marker
        folded = word.group(0).casefold()
        if folded in self.marker_followers or re.fullmatch(self.adverb_pattern, folded):
            return False
        return True

    @property
    def before_opener(self) -> re.Pattern[str]:
        """Return the regex of a word that may precede an opener: an adverb or a marker."""
        markers = "|".join(re.escape(m) for m in (*self.also, *self.further) if " " not in m)
        return re.compile(rf"(?i:{self.adverb_pattern}|{markers or '(?!)'})")

    @cached_property
    def _adverb_before_verb(self) -> re.Pattern[str]:
        """Return the regex of an adverb and the gap after it, before a verb ("Strongly urges"):
        compiled once, where a pattern built at each opener would be looked up each time."""
        gap = r"[ ,]+" if self.orthography.spaced else ""
        return re.compile(self.adverb_pattern + gap)

    @property
    def adverb_pattern(self) -> str:
        """Return the regex of an adverb that may stand before a verb ("Strongly urges")."""
        return _ADVERBS.get(self.language, r"(?!)")

    def split_marker(self, phrase: str) -> tuple[str, str]:
        """Split a marker out of the middle of a matched phrase: (phrase, marker)."""
        words = phrase.split()
        if len(words) < 3 or not self.orthography.spaced:
            return phrase, ""
        inner = self._marker_re.search(phrase, len(words[0]))
        if inner is None or inner.end() >= len(phrase.rstrip()):
            return phrase, ""
        marker = inner.group(0).strip(" ,")
        rest = phrase[: inner.start()] + phrase[inner.end() :]
        return " ".join(rest.split()), marker

    def gender_of(self, phrase: str) -> str:
        """Return ``m`` or ``f`` for a gendered preambular phrase, else ``""``."""
        return self._phrase_gender.get(self.fold(phrase), "")

    def canonical(self, phrase: str) -> str:
        """Return the lexicon spelling of a matched phrase (whitespace and case folded)."""
        return self._canonical.get(self.fold(phrase), phrase)

    def organ_for(self, name: str) -> Organ | None:
        """Return the organ whose chapeau name is ``name`` (case and spacing folded)."""
        key = " ".join(normalise(name).casefold().split())
        for organ in self.organs:
            if any(" ".join(n.casefold().split()) == key for n in organ.names):
                return organ
        return None


_KEY_LENGTH = 3


def _key(text: str, pos: int, orthography: Orthography = SPACED) -> str:
    """Return the group key of a phrase starting at ``pos``: its first letters, within a word
    (the first character where words are not spaced; optional marks left out)."""
    if not orthography.spaced:
        return text[pos : pos + 1]
    head = orthography.strip(text[pos : pos + _KEY_LENGTH * 3])[:_KEY_LENGTH]
    return head.split(None, 1)[0].casefold() if head[:1].strip() else head.casefold()


class PhraseMatcher:
    """Match any of many phrases at a position; a marker may stand between their words.

    One alternation of every phrase (hundreds of them) costs about a tenth of a
    second to compile, at every start of the program.  Phrases are grouped by
    their first three letters instead, and a group's expression is compiled the
    first time a text starts with those letters: the same longest-first match,
    for the few groups a document needs.
    """

    def __init__(self, phrases: set[str], markers: str, orthography: Orthography = SPACED) -> None:
        self._gap = rf"\s+(?:(?:{markers})\s+)?"
        self._orthography = orthography
        # a phrase ends at the end of a word: not before a letter, nor before an optional
        # mark of its last letter ("تسل" is not the start of "تسلِّم")
        self._end = rf"(?![\w'{orthography.ignorable}-])" if orthography.spaced else ""
        groups: dict[str, list[str]] = {}
        for phrase in sorted(phrases, key=longest_first):
            norm = normalise(phrase)
            groups.setdefault(_key(norm, 0, orthography), []).append(norm)
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
            body = "|".join(self._orthography.pattern(p, self._gap) for p in members)
            compiled = re.compile(rf"(?i)(?:{body}){self._end}")
        self._compiled[key] = compiled
        return compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Match a phrase at ``pos`` of normalised ``text`` (None if none starts there)."""
        compiled = self._group(_key(text, pos, self._orthography))
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
    orthography = orthography_from_data(data.get("orthography", {}))
    return Lexicon(
        language=str(data["language"]),
        preambular=_tuple(preambular.get("phrases")),
        operative=_tuple(data.get("operative", {}).get("phrases")),
        gendered={str(k): str(v) for k, v in preambular.get("gendered", {}).items()},
        also=_tuple(markers.get("also")),
        further=_tuple(markers.get("further")),
        adjective_markers=_tuple(markers.get("adjectives")),
        marker_followers=tuple(w.casefold() for w in _tuple(markers.get("followers"))),
        organs=organs,
        positional=bool(data.get("positional", False)),
        terminators=(
            str(punctuation.get("preambular", ",")),
            str(punctuation.get("operative", ";")),
            str(punctuation.get("final", ".")),
        ),
        number_style=str(punctuation.get("number", "dot")),
        morphology=morphology_from_data(data.get("morphology", {})),
        orthography=orthography,
        operative_gendered={
            str(k): str(v) for k, v in data.get("operative", {}).get("gendered", {}).items()
        },
        attested={
            str(k): int(v)
            for kind in ("preambular", "operative")
            for k, v in data.get(kind, {}).get("attested", {}).items()
        },
        closing=closing_forms_from_data(str(data["language"]), data.get("closing", {})),
        same_verb=_same_verb(data.get("markers", {}).get("same_verb", ()), orthography),
    )


def _same_verb(groups: Any, orthography: Orthography) -> dict[str, str]:
    """Return phrase → the group's first phrase, folded, for groups of one verb's phrases."""

    def fold(phrase: str) -> str:
        return " ".join(orthography.strip(normalise(phrase)).casefold().split())

    return {fold(str(phrase)): fold(str(group[0])) for group in groups for phrase in group}


_SLIP_RATIO = 10


def lexicon_with_attested(data: dict[str, Any], attested: dict[str, Any]) -> Lexicon:
    """Build a lexicon from hand-written data and the phrases attested in the UN's markup.

    ``attested`` is the content of ``<lang>-attested.toml``: per kind, ``attested``
    (phrase → texts seen in) and ``gendered`` (masculine → feminine) tables.
    """
    merged = {key: dict(value) if isinstance(value, dict) else value for key, value in data.items()}
    seen = {
        kind: attested.get(kind, {}).get("attested", {}) for kind in ("preambular", "operative")
    }
    uninflected = not data.get("verbs_inflect", True)
    for kind in ("preambular", "operative"):
        section = dict(merged.get(kind, {}))
        found = attested.get(kind, {})
        other = seen["operative" if kind == "preambular" else "preambular"]
        # a phrase seen far more often in the other part is a slip of the markup there
        # ("Se félicite," once in a preamble, in 77 texts as an operative verb)
        counts = {
            phrase: count
            for phrase, count in found.get("attested", {}).items()
            if uninflected or int(other.get(phrase, 0)) < _SLIP_RATIO * int(count)
        }
        if uninflected and kind == "preambular":
            # a verb is written alike in both parts ("敦促": urging, urges): the operative
            # verbs open preambular paragraphs too, told by their place
            counts = {**{p: int(c) for p, c in seen["operative"].items()}, **counts}
        section["phrases"] = [*section.get("phrases", ()), *counts]
        section["gendered"] = {**found.get("gendered", {}), **section.get("gendered", {})}
        section["attested"] = counts
        merged[kind] = section
    return lexicon_from_data(merged)


def _lexicon_text(name: str) -> str | None:
    """Return the text of the file ``name`` of ``reslint/lexicons`` (None: there is none).

    Read from the package's folder; through ``importlib.resources`` only when the
    package is not in one (a zip): importing it costs about 6 ms at every start.
    """
    folder = Path(__file__).parent / "lexicons"
    if folder.is_dir():
        path = folder / name
        return path.read_text("utf-8") if path.is_file() else None
    from importlib import resources  # pragma: no cover - a zipped installation

    resource = resources.files("reslint.lexicons").joinpath(name)  # pragma: no cover
    return resource.read_text("utf-8") if resource.is_file() else None  # pragma: no cover


def _read(name: str) -> dict[str, Any] | None:
    text = _lexicon_text(name)
    return None if text is None else parsed_toml(text)


def load_base_lexicon_data(language: str) -> dict[str, Any]:
    """Return the hand-written lexicon data of ``language`` (``<lang>.toml``)."""
    if language not in LANGUAGES:
        raise KeyError(f"no lexicon for language {language!r}")
    return _read(f"{language}.toml") or {}


@cache
def load_lexicon(language: str) -> Lexicon:
    """Load the built-in lexicon of ``language`` (cached): its hand-written phrases and those
    attested in the UN's markup (``<lang>-attested.toml``, when present)."""
    data = load_base_lexicon_data(language)
    return lexicon_with_attested(data, _read(f"{language}-attested.toml") or {})


_WORDS_TABLE = re.compile(r"(?ms)^\[words\]\n(.*?)(?=^\[|\Z)")


@cache
def words_table(language: str) -> dict[str, Any]:
    """Return the ``[words]`` table of ``<language>.toml``: the words the layout, the grammar
    and the parser recognise (meeting, annex, note, vote, session words …).

    Only that table is parsed, not the whole lexicon: the patterns that use these
    words take them from every language, and reading six lexicons whole at every
    start would cost more than the rest of the start-up.
    """
    text = _lexicon_text(f"{language}.toml")
    found = _WORDS_TABLE.search(text) if text is not None else None
    return parsed_toml(found.group(1)) if found else {}


@cache
def words_everywhere(key: str) -> tuple[str, ...]:
    """Return the words under ``key`` in the ``[words]`` tables of all six lexicons, once each."""
    seen: dict[str, None] = {}
    for language in LANGUAGES:
        value = words_table(language).get(key, ())
        for word in (value,) if isinstance(value, str) else value:
            seen.setdefault(str(word), None)
    return tuple(seen)


def words_by_value(key: str, value: str, wanted: str) -> tuple[str, ...]:
    """Return the ``wanted`` words of the languages whose ``key`` is ``value`` (once each)."""
    seen: dict[str, None] = {}
    for language in LANGUAGES:
        table = words_table(language)
        if table.get(key) == value:
            for word in table.get(wanted, ()):
                seen.setdefault(str(word), None)
    return tuple(seen)
