"""The lexicons: loading, the opener matcher and the [words] tables the patterns are built from."""

from __future__ import annotations

import re
import sys
from importlib import resources

import pytest

from reslint import patterns
from reslint.language import LANGUAGES
from reslint.lexicon import (
    lexicon_from_data,
    load_lexicon,
    normalise,
    words_by_value,
    words_everywhere,
    words_table,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SPACED = ("en", "fr", "es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_table_is_the_lexicons_own(language: str) -> None:
    # only the [words] table is parsed at start-up: it must read as the whole file reads it
    text = resources.files("reslint.lexicons").joinpath(f"{language}.toml").read_text("utf-8")
    assert words_table(language) == tomllib.loads(text)["words"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_has_annex_and_meeting_words(language: str) -> None:
    table = words_table(language)
    assert table["annex"], language
    assert table["meeting"], language
    assert table["meeting_shape"] in ("number-suffix", "number-case", "word-number", "counter")


@pytest.mark.parametrize("language", SPACED)
@pytest.mark.parametrize(
    "key",
    [
        "articles",
        "vote",
        "resolution",
        "note_starts",
        "masthead",
        "draft_resolution",
        "citation_connectors",
        "resolution_words",
        "numbering_words",
    ],
)
def test_latin_script_lexicons_have_their_words(language: str, key: str) -> None:
    assert words_table(language)[key], f"{language}: no {key}"


def test_words_everywhere_joins_the_languages_in_order_once_each() -> None:
    annex = words_everywhere("annex")
    assert annex[:2] == ("Annex", "ANNEX")
    assert {"Annexe", "Anexo", "附件", "Приложение", "مرفق"} <= set(annex)
    assert len(annex) == len(set(annex))
    assert words_everywhere("no such key") == ()


def test_words_by_meeting_shape() -> None:
    assert words_by_value("meeting_shape", "counter", "meeting_before") == ("第",)
    assert set(words_by_value("meeting_shape", "number-suffix", "meeting")) == {
        "meeting",
        "séance",
        "sesión",
        "reunión",
    }


@pytest.mark.parametrize(
    ("words", "space", "expected"),
    [
        (["Annex", "Annexe"], r"\s+", "(?:Annexe|Annex)"),  # longer first: no match cut short
        (["plenary meeting"], r"\s+", r"(?:plenary\s+meeting)"),
        (["Official Records"], " ", "(?:Official Records)"),
        (["Distr."], r"\s+", r"(?:Distr\.)"),
        ([], r"\s+", "(?!)"),
    ],
)
def test_alternation(words: list[str], space: str, expected: str) -> None:
    assert patterns.alternation(words, space) == expected


@pytest.mark.parametrize(
    ("language", "text", "phrase", "degree"),
    [
        ("en", "Recalling also its resolution", "Recalling", "also"),
        ("en", "Also recalling its resolution", "Recalling", "also"),
        ("en", "Deeply concerned that", "Deeply concerned", ""),
        ("fr", "Rappelant en outre sa résolution", "Rappelant", "further"),
        ("es", "Recordando además", "Recordando", "further"),
    ],
)
def test_preambular_openers(language: str, text: str, phrase: str, degree: str) -> None:
    lexicon = load_lexicon(language)
    found = lexicon.match_preambular(text)
    assert found is not None
    assert lexicon.canonical(found.phrase) == phrase
    assert found.degree == degree


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("en", "Strongly urges all States", "Strongly urges"),
        ("en", "Firmly urges all States", "urges"),  # an adverb outside the lists
        ("en", "Requests the Secretary-General", "Requests"),
        ("fr", "Prie le Secrétaire général", "Prie"),
    ],
)
def test_operative_openers(language: str, text: str, phrase: str) -> None:
    found = load_lexicon(language).match_operative(text)
    assert found is not None
    assert found.phrase.casefold() == phrase.casefold()


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Recallingly"), ("en", "Decided to"), ("en", "The Assembly"), ("fr", "Décidons")],
)
def test_no_opener(language: str, text: str) -> None:
    lexicon = load_lexicon(language)
    assert lexicon.match_preambular(text) is None
    assert lexicon.match_operative(text) is None


def test_gender_of_french_preambular_forms() -> None:
    lexicon = load_lexicon("fr")
    assert lexicon.gender_of("Profondément préoccupée") == "f"
    assert lexicon.gender_of("Profondément préoccupé") == "m"


@pytest.mark.parametrize(
    ("language", "name", "key"),
    [
        ("en", "The  General Assembly", "ga"),
        ("en", "the security council", "sc"),
        ("fr", "L\u2019Assemblée générale", "ga"),
        ("en", "The Assembly", None),
    ],
)
def test_organ_for(language: str, name: str, key: str | None) -> None:
    organ = load_lexicon(language).organ_for(name)
    assert (organ.key if organ else None) == key


def test_normalise_keeps_offsets() -> None:
    text = "L\u2019homme\u00a0et\tla\u202ffemme"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "L'homme et la femme"


def test_lexicon_from_minimal_data() -> None:
    lexicon = lexicon_from_data(
        {
            "language": "en",
            "preambular": {"phrases": ["Recalling"]},
            "operative": {"phrases": ["Decides"]},
            "markers": {"also": ["also"], "further": ["further"]},
            "organs": {"ga": {"names": ["The General Assembly"]}},
        }
    )
    assert lexicon.match_preambular("Recalling further") is not None
    assert lexicon.match_operative("Decides") is not None
    assert lexicon.match_operative("Requests") is None
    assert lexicon.terminators == (",", ";", ".")


def test_every_word_pattern_compiles() -> None:
    for build in (
        patterns.meeting_line,
        patterns.adoption_gate,
        patterns.vote_line,
        patterns.annex_heading,
        patterns.article,
        patterns.note_start,
        patterns.distribution,
        patterns.session_of_header,
        patterns.paragraph_start,
        patterns.resolution_title_number,
        patterns.sc_resolution_title,
        patterns.title_gate,
        patterns.cited_resolution,
        patterns.sc_slash_citation,
        patterns.cited_text_word,
    ):
        re.compile(build())
    re.compile(patterns.header_line("x"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("resolutions 1244 (1999) and 1325/2000", "resolutions"),
        ("Résolution 1325/2000", "Résolution"),
        ("resoluciones 1244 (1999) y 1325/2000", "resoluciones"),
    ],
)
def test_security_council_citation_with_a_slash(text: str, word: str) -> None:
    found = re.search(patterns.sc_slash_citation(), text)
    assert found is not None
    assert (found.group("word"), found.group("number"), found.group("year")) == (
        word,
        "1325",
        "2000",
    )


def test_either_initial() -> None:
    assert patterns.alternation(["résolution"], either_initial=True) == "(?:[Rr]ésolution)"
    assert patterns.alternation(["第"], either_initial=True) == "(?:第)"


def _fresh_english_lexicon():  # type: ignore[no-untyped-def]
    text = resources.files("reslint.lexicons").joinpath("en.toml").read_text("utf-8")
    return lexicon_from_data(tomllib.loads(text))


def test_a_repeated_opener_question_is_answered_from_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The layout, the grammar and the rules ask about the same paragraph: the second
    question is answered without matching again, with the same answer; a question of the
    other kind about the same text is its own."""
    lexicon = _fresh_english_lexicon()
    calls: list[str] = []
    original = type(lexicon)._match

    def counted(self, phrase_re, text):  # type: ignore[no-untyped-def]
        calls.append(text)
        return original(self, phrase_re, text)

    monkeypatch.setattr(type(lexicon), "_match", counted)
    text = "Recalling its resolution 60/1 of 16 September 2005,"
    first = lexicon.match_preambular(text)
    assert first is not None and first.phrase == "Recalling"
    assert lexicon.match_preambular(text) == first
    assert len(calls) == 1
    assert lexicon.match_operative(text) is None
    assert len(calls) >= 2


def test_the_memory_of_opener_questions_is_bounded() -> None:
    from reslint import lexicon as module

    lexicon = _fresh_english_lexicon()
    for number in range(module._REMEMBERED + 10):
        lexicon.match_operative(f"{number}. Decides")
    assert len(lexicon._matched) <= module._REMEMBERED


def test_folded_phrases_are_remembered_and_the_memory_is_bounded() -> None:
    from reslint import lexicon as module

    lexicon = _fresh_english_lexicon()
    phrase = "Taking  note\u00a0with  APPRECIATION"
    assert lexicon.fold(phrase) == "taking note with appreciation"
    assert lexicon._folded[phrase] == "taking note with appreciation"
    for number in range(module._REMEMBERED + 10):
        lexicon.fold(f"Decides {number}")
    assert len(lexicon._folded) <= module._REMEMBERED
    assert lexicon.fold("Decides  1") == "decides 1"


@pytest.mark.parametrize(
    "text",
    [
        # attested with its clitic only ("وإذ يضع في اعتباره"), it opens the first paragraph
        # of a section without it
        "إذ يضع في اعتباره أن مؤتمر القمة العالمي للتنمية المستدامة قد شجع البلدان،",
        "وإذ يضع في اعتباره أيضا أن الجمعية العامة أقرت خطة جوهانسبرغ للتنفيذ،",
        "إذ تشدد على أهمية التعاون الدولي،",
        "وإذ تشدد على أهمية التعاون الدولي،",
    ],
)
def test_an_arabic_phrase_is_one_with_or_without_its_clitic(text: str) -> None:
    lexicon = load_lexicon("ar")
    found = lexicon.match_preambular(text)
    assert found is not None
    assert not found.phrase.startswith("و")
    assert found.start == (1 if text.startswith("و") else 0)
