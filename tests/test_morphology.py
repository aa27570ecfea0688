"""Openers judged by the language's dictionary and the lexicons' [morphology] tables."""

from __future__ import annotations

import pytest

from reslint.lexicon import load_lexicon
from reslint.morphology import Morphology, Verdict, available, judge, suggest

LANGUAGES = ("en", "fr", "es")


def _needs_dictionaries(language: str) -> None:
    if not available(load_lexicon(language).morphology):
        pytest.skip("the Hunspell dictionaries (pip install 'reslint[spelling]') are absent")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_attested_opener_has_the_form_of_its_class(language: str) -> None:
    _needs_dictionaries(language)
    lexicon = load_lexicon(language)
    kinds = {"preambular": lexicon.all_preambular, "operative": lexicon.operative}
    for kind, phrases in kinds.items():
        other = set(kinds["operative" if kind == "preambular" else "preambular"])
        # phrases written by hand, or seen in more than one text of the UN's markup (a
        # phrase seen once may be a sentence of an annexed declaration: "We will …")
        wrong = [
            phrase
            for phrase in phrases
            if lexicon.attested.get(phrase, 2) >= 2
            and phrase not in other  # one text's slip of the markup ("Se félicite,")
            and judge(lexicon.morphology, kind, phrase, lexicon.before_opener).verdict
            is Verdict.OTHER_CLASS
        ]
        assert not wrong, f"{language} {kind}: {wrong}"


@pytest.mark.parametrize(
    ("language", "kind", "text", "verdict", "word"),
    [
        ("en", "operative", "Furthr requests the Secretary-General", Verdict.MISSPELT, "Furthr"),
        ("en", "operative", "Alo decides to remain seized", Verdict.MISSPELT, "Alo"),
        ("en", "operative", "Strongly condems all attacks", Verdict.MISSPELT, "condems"),
        (
            "en",
            "operative",
            "Again requests the Secretary-General",
            Verdict.RIGHT_CLASS,
            "requests",
        ),
        ("en", "operative", "Decided to convene", Verdict.OTHER_CLASS, "Decided"),
        ("en", "operative", "Noes the completion", Verdict.OTHER_CLASS, "Noes"),
        ("en", "operative", "Commits to support", Verdict.RIGHT_CLASS, "Commits"),
        ("en", "operative", "Applies the rules", Verdict.RIGHT_CLASS, "Applies"),
        (
            "en",
            "operative",
            "States, in cooperation with others, should act",
            Verdict.OTHER_CLASS,
            "States",
        ),
        ("en", "operative", "Parties shall cooperate", Verdict.OTHER_CLASS, "Parties"),
        (
            "en",
            "operative",
            "Calls, in particular, for the continuation",
            Verdict.RIGHT_CLASS,
            "Calls",
        ),
        ("en", "preambular", "Heartened by the progress", Verdict.RIGHT_CLASS, "Heartened"),
        ("en", "preambular", "Reaffirms its commitment", Verdict.OTHER_CLASS, "Reaffirms"),
        ("fr", "operative", "S'engage à soutenir", Verdict.RIGHT_CLASS, "engage"),
        ("fr", "operative", "Réaffime sa résolution", Verdict.MISSPELT, "Réaffime"),
        ("fr", "operative", "Promouvoir la coopération", Verdict.OTHER_CLASS, "Promouvoir"),
        ("es", "preambular", "Profundamente preocupada por", Verdict.RIGHT_CLASS, "preocupada"),
        ("es", "operative", "Reafrima su compromiso", Verdict.MISSPELT, "Reafrima"),
        ("en", "operative", "UNCTAD should act", Verdict.UNJUDGED, "UNCTAD"),
    ],
)
def test_judge(language: str, kind: str, text: str, verdict: Verdict, word: str) -> None:
    _needs_dictionaries(language)
    lexicon = load_lexicon(language)
    judged = judge(lexicon.morphology, kind, text, lexicon.before_opener)
    assert (judged.verdict, judged.word) == (verdict, word)
    assert text[judged.start : judged.end] == word


@pytest.mark.parametrize(
    ("language", "kind", "word", "wanted"),
    [
        ("en", "operative", "Furthr", "Further"),
        ("en", "operative", "Alo", "Also"),
        ("en", "operative", "condems", "condemns"),
        ("fr", "operative", "Réaffime", "Réaffirme"),
        ("es", "operative", "Reafrima", "Reafirma"),
    ],
)
def test_suggest(language: str, kind: str, word: str, wanted: str) -> None:
    _needs_dictionaries(language)
    lexicon = load_lexicon(language)
    candidates = ("Also", "Further", "Decides", "Requests")
    assert suggest(lexicon.morphology, kind, word, candidates) == wanted


def test_without_a_dictionary_nothing_is_judged() -> None:
    missing = Morphology(("xx/no_such_dictionary",), "ing$", "s$")
    assert judge(missing, "operative", "Furthr requests").verdict is Verdict.UNJUDGED
    assert judge(None, "operative", "Furthr requests").verdict is Verdict.UNJUDGED


def test_a_phrase_seen_far_more_often_in_the_other_part_is_a_slip_of_the_markup() -> None:
    from reslint.lexicon import lexicon_with_attested

    data = {"language": "fr", "preambular": {"phrases": ["Rappelant"]}, "operative": {}}
    attested = {
        "preambular": {"attested": {"Se félicite": 1, "Notant": 40}},
        "operative": {"attested": {"Se félicite": 77, "Décide": 90}},
    }
    lexicon = lexicon_with_attested(data, attested)
    assert "Se félicite" not in lexicon.all_preambular
    assert "Se félicite" in lexicon.operative
    assert {"Rappelant", "Notant"} <= set(lexicon.all_preambular)


def _hunspell_words(language: str) -> list[str]:
    """Words of many kinds: the lexicon's opening words and markers, with their case
    changed, a letter dropped or added, hyphenated and apostrophe forms."""
    lexicon = load_lexicon(language)
    words: set[str] = set()
    for phrase in (*lexicon.all_preambular, *lexicon.all_operative, *lexicon.also):
        words.update(phrase.replace(",", " ").split())
    variants: set[str] = set()
    for word in sorted(words):
        variants |= {word, word.upper(), word.lower(), word.capitalize(), word[:-1], word + "s"}
        variants |= {word[1:], f"{word}-{word}", f"l'{word}", f"{word[:2]}{word[3:]}"}
    return sorted(v for v in variants if v)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lazily_read_dictionary_answers_as_spylls_own_reading(language: str) -> None:
    _needs_dictionaries(language)
    from spylls.hunspell import Dictionary

    from reslint.hunspell_reader import read_dictionary
    from reslint.morphology import _dictionary_root

    root = _dictionary_root()
    assert root is not None
    path = str(root / load_lexicon(language).morphology.dictionaries[0])
    lazy, eager = read_dictionary(path), Dictionary.from_files(path)
    words = _hunspell_words(language)
    assert [lazy.lookup(w) for w in words] == [eager.lookup(w) for w in words]
    if language != "en":
        return  # building every entry takes seconds: once is enough (English has tagged lines)

    # built whole, the entries and the case-insensitive index are spylls' own
    def entries(dic):  # type: ignore[no-untyped-def]
        return [(w.stem, sorted(w.flags), dict(w.data), w.captype) for w in dic.words]

    assert entries(lazy.dic) == entries(eager.dic)
    assert {k: [w.stem for w in v] for k, v in lazy.dic.lowercase_index.items()} == {
        k: [w.stem for w in v] for k, v in eager.dic.lowercase_index.items()
    }


def _lookup_dictionary(language: str):  # type: ignore[no-untyped-def]
    """Read the language's first dictionary as the rules do (skip without dictionaries)."""
    _needs_dictionaries(language)
    from reslint.hunspell_reader import read_dictionary
    from reslint.morphology import _dictionary_root

    root = _dictionary_root()
    assert root is not None
    return read_dictionary(str(root / load_lexicon(language).morphology.dictionaries[0]))


def _words_asked(monkeypatch: pytest.MonkeyPatch, method: str) -> list[str]:
    """Record the words spylls' ``Lookup.<method>`` is asked about (its first argument)."""
    from spylls.hunspell.algo import lookup

    asked: list[str] = []
    original = getattr(lookup.Lookup, method)

    def spy(self, word, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(word)
        return original(self, word, *args, **kwargs)

    monkeypatch.setattr(lookup.Lookup, method, spy)
    return asked


@pytest.mark.parametrize(("language", "compounds"), [("fr", False), ("es", False), ("en", True)])
def test_compounds_are_looked_for_only_where_the_dictionary_makes_them(
    language: str, compounds: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = _lookup_dictionary(language)
    asked = _words_asked(monkeypatch, "compound_forms")
    assert not dictionary.lookup("exfwimeq")  # no form of it is a word: compounds are next
    assert bool(asked) is compounds


@pytest.mark.parametrize(
    ("language", "word", "second_suffixes"),
    [("fr", "préoccupés", False), ("fr", "décidaient", False), ("es", "contribuciones", True)],
)
def test_a_second_suffix_is_looked_for_only_where_a_suffix_can_follow_the_first(
    language: str, word: str, second_suffixes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no French suffix may follow another; in Spanish the plural follows "-ción"
    dictionary = _lookup_dictionary(language)
    from spylls.hunspell.algo import lookup

    asked: list[str] = []
    original = lookup.Lookup.desuffix

    def spy(self, stem, required_flags, forbidden_flags, nested=False, crossproduct=False):  # type: ignore[no-untyped-def]
        if nested:
            asked.append(stem)
        return original(self, stem, required_flags, forbidden_flags, nested, crossproduct)

    monkeypatch.setattr(lookup.Lookup, "desuffix", spy)
    found = dictionary.lookup(word)
    assert bool(asked) is second_suffixes
    assert found is lookup.Lookup(dictionary.aff, dictionary.dic)(word)  # spylls' own answer


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_letter_edits_are_judged_as_spylls_judges_them(language: str) -> None:
    # the edits of a misspelt opener are what the dictionaries are asked most about
    from spylls.hunspell.algo import lookup

    from reslint.morphology import _edits

    dictionary = _lookup_dictionary(language)
    morphology = load_lexicon(language).morphology
    plain = lookup.Lookup(dictionary.aff, dictionary.dic)
    verbs = sorted({phrase.split()[0].casefold() for phrase in load_lexicon(language).operative})
    edits = sorted({edit for verb in verbs[:3] for edit in _edits(verb, morphology.alphabet)})
    words = [*edits[::4], *_hunspell_words(language)[::25]]
    assert [dictionary.lookup(w) for w in words] == [plain(w) for w in words]


@pytest.mark.parametrize(("word", "searched"), [("xécidaient", False), ("décidaient", True)])
def test_affixes_are_searched_only_for_a_word_with_a_stem_in_the_dictionary(
    word: str, searched: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = _lookup_dictionary("fr")
    asked = _words_asked(monkeypatch, "produce_affix_forms")
    assert dictionary.lookup(word) is searched
    assert bool(asked) is searched
