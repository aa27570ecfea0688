"""Words one slip from an opener: where a misspelt opener still opens a paragraph."""

from __future__ import annotations

import pytest

from reslint.lexicon import load_lexicon
from reslint.near_openers import near_opener


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        ("en", "Reafirms the provisions of its resolution 53/221;", "operative"),  # dropped
        ("en", "Reaffirrms the provisions;", "operative"),  # added
        ("en", "Recaling its resolution 69/3,", "preambular"),
        ("en", "Deterining that the situation continues,", "preambular"),  # replaced
        ("en", "Reqeusts the Secretary-General to report;", "operative"),  # swapped
        ("en", "Furher requests the Secretary-General to report;", "operative"),  # marker
        ("fr", "Notnt l'importance des systèmes,", "preambular"),
        ("fr", "Décde d'adopter les mesures exposées ci-après;", "operative"),
        ("es", "Recordndo su resolución 58/170,", "preambular"),
        ("es", "Decde convocar una reunión de alto nivel;", "operative"),
    ],
)
def test_a_word_one_slip_from_an_opener_takes_its_kind(language: str, text: str, kind: str) -> None:
    assert near_opener(load_lexicon(language), text) == kind


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Recalling its resolution 69/3,"),  # the opener itself
        ("en", "Commit to establishing regional efforts"),  # another form: a different end
        ("en", "Committee to assemble unmanned aerial vehicles,"),
        ("en", "Voting rights"),  # another word: a different first letter
        ("en", "Saving clause"),
        ("en", "recaling its resolution 69/3,"),  # openers are capitalised
        ("en", "Also"),  # too short to tell
        ("fr", "Adoptée par le Conseil de sécurité à sa 9506e séance"),
        ("ar", "وإذ تشير إلى قرارها"),  # openers told by their place, not their words
    ],
)
def test_other_words_are_not_taken_for_openers(language: str, text: str) -> None:
    assert near_opener(load_lexicon(language), text) is None


def test_a_word_the_text_uses_again_is_a_word_of_the_text() -> None:
    lexicon = load_lexicon("fr")
    line = "Sommet de la Francophonie afin de consigner les principes du Vivre ensemble"
    assert near_opener(lexicon, line) == "operative"  # one slip from "Soumet"
    document = f"48. Exprime sa gratitude au Sommet de la Francophonie;\n\n{line}\n"
    assert near_opener(lexicon, line, document) is None
    assert near_opener(lexicon, "Notnt l'importance des systèmes,", document) == "preambular"
