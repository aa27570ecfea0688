"""The stems a look-up could find a word under, as plain text (``reslint.affix_stems``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spylls.hunspell.algo import lookup

from reslint.affix_stems import affix_stems
from reslint.hunspell_reader import read_dictionary

_AFF = """SET UTF-8
PFX U Y 1
PFX U 0 un .
SFX Y Y 1
SFX Y y ies [^aeiou]y
SFX N Y 1
SFX N 0 ness/S .
SFX S Y 1
SFX S 0 es .
"""
_DIC = "3\npony/YU\nkind/NU\nfly/Y\n"


def _dictionary(tmp_path: Path, aff: str = _AFF, dic: str = _DIC):  # type: ignore[no-untyped-def]
    (tmp_path / "toy.aff").write_text(aff, encoding="utf-8")
    (tmp_path / "toy.dic").write_text(dic, encoding="utf-8")
    return read_dictionary(str(tmp_path / "toy"))


def test_the_stems_are_those_left_by_each_prefix_and_suffix(tmp_path: Path) -> None:
    dictionary = _dictionary(tmp_path)
    stems = dictionary.lookuper._affix_stems
    assert stems is not None
    assert {"pony", "unpony", "ponies"} <= stems.stems("unponies")
    # "-ness" may be followed by "-es": both are stripped
    assert {"kindness", "kind"} <= stems.stems("kindnesses")
    assert "kindn" not in stems.stems("kindnesses")


def test_a_second_suffix_is_stripped_only_after_one_that_allows_it(tmp_path: Path) -> None:
    aff = _AFF.replace("ness/S", "ness")
    stems = _dictionary(tmp_path, aff=aff).lookuper._affix_stems
    assert stems is not None
    assert "kindness" in stems.stems("kindnesses")
    assert "kind" not in stems.stems("kindnesses")


def test_an_affix_that_spylls_replaces_as_an_expression_is_not_mapped(tmp_path: Path) -> None:
    aff = _AFF.replace("0 es .", "0 e.s .")
    dictionary = _dictionary(tmp_path, aff=aff)
    assert affix_stems(dictionary.aff, ()) is None
    assert dictionary.lookup("ponies")  # spylls' own look-up, every affix tried


@pytest.mark.parametrize(
    "word",
    [
        "pony",
        "ponies",
        "unponies",
        "kindness",
        "kindnesses",
        "unkindnesses",
        "flies",
        "unflies",
        "Ponies",
        "PONIES",
        "ponys",
        "kindes",
        "xponies",
        "fly",
        "flys",
    ],
)
def test_words_are_judged_as_spylls_judges_them(tmp_path: Path, word: str) -> None:
    dictionary = _dictionary(tmp_path)
    assert dictionary.lookup(word) is lookup.Lookup(dictionary.aff, dictionary.dic)(word)
