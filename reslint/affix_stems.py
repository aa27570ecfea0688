"""The stems a Hunspell look-up could find a word under, worked out as plain text.

spylls looks a word up by stripping, in turn, every prefix and suffix of the affix
file whose added text the word begins or ends with (and a second suffix after one
that allows it), checking each affix's flags and condition, building a form for
each, and only then asking the dictionary for the stem left.  For a word that is in
no dictionary — each one-letter edit of a misspelt opener — every one of those
steps is in vain: a French word ends with the added text of a hundred suffixes.

The stems themselves take a string slice each: the affixes' added texts are mapped
to what they strip, once per affix file, and the word's beginnings and ends are
looked up in those maps.  When none of the stems is in the dictionary, no form of
the word is either, whatever the flags and conditions say; when one is, spylls'
own look-up decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spylls.hunspell.data.aff import Aff, Affix

_REGEX_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def _plain(affixes: list[Affix]) -> bool:
    """Return whether spylls' replacements for ``affixes`` replace plain text: they take the
    added text as an expression and the stripped text as a replacement template."""
    added = "".join(affix.add for affix in affixes)
    stripped = "".join(affix.strip for affix in affixes)
    return _REGEX_SPECIAL.isdisjoint(added) and "\\" not in stripped


@dataclass(frozen=True, slots=True)
class AffixStems:
    """The stripped texts of an affix file's affixes, by the text they add."""

    suffixes: dict[str, tuple[tuple[str, bool], ...]]
    """Added text → (stripped text, whether a second suffix may be stripped after it)."""
    prefixes: dict[str, tuple[str, ...]]
    """Added text → stripped text."""
    two_prefixes: bool
    """Whether a second prefix may be stripped (COMPLEXPREFIXES)."""

    def stems(self, word: str) -> set[str]:
        """Return every stem spylls could look ``word`` up under (and more: flags,
        conditions and cross products are not checked)."""
        bases = {word}
        for stem in self._deprefixed(word):
            bases.add(stem)
            if self.two_prefixes:
                bases.update(self._deprefixed(stem))
        found = set(bases)
        for base in bases:
            for stem, continued in self._desuffixed(base):
                found.add(stem)
                if continued:
                    found.update(second for second, _ in self._desuffixed(stem))
        return found

    def _desuffixed(self, word: str) -> Iterator[tuple[str, bool]]:
        for end in range(len(word) + 1):
            for strip, continued in self.suffixes.get(word[end:], ()):
                yield word[:end] + strip, continued

    def _deprefixed(self, word: str) -> Iterator[str]:
        for start in range(len(word) + 1):
            for strip in self.prefixes.get(word[:start], ()):
                yield strip + word[start:]


def affix_stems(aff: Aff, continuation_flags: Iterable[str]) -> AffixStems | None:
    """Map the affixes of ``aff`` (None when an affix's replacement is not plain text).

    ``continuation_flags`` are the flags suffixes allow a second suffix with: a suffix
    whose own flag is not among them is never followed by another.
    """
    affixes = [affix for table in (aff.SFX, aff.PFX) for group in table.values() for affix in group]
    if not _plain(affixes):
        return None
    continuing = frozenset(continuation_flags)
    suffixes: dict[str, dict[str, bool]] = {}
    for flag, group in aff.SFX.items():
        continued = flag in continuing
        for suffix in group:
            strips = suffixes.setdefault(suffix.add, {})
            strips[suffix.strip] = continued or strips.get(suffix.strip, False)
    prefixes: dict[str, dict[str, None]] = {}
    for group in aff.PFX.values():
        for prefix in group:
            prefixes.setdefault(prefix.add, {})[prefix.strip] = None
    return AffixStems(
        suffixes={add: tuple(strips.items()) for add, strips in suffixes.items()},
        prefixes={add: tuple(strips) for add, strips in prefixes.items()},
        two_prefixes=bool(aff.COMPLEXPREFIXES),
    )
