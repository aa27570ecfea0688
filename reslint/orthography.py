"""How a language writes its opening phrases, as far as matching them needs.

The ``[orthography]`` table of a lexicon: whether words are spaced (not in
Chinese), clitics written on a phrase's first word (Arabic و), marks that are
optional in writing (Arabic vowel marks, shadda, tanween, tatweel) and
particles that stand before the verb (Arabic إذ, قد).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Orthography:
    """How a language writes its opening phrases, as far as matching them needs."""

    spaced: bool = True
    """Words are separated by spaces (not in Chinese: a phrase ends where the next word begins)."""
    clitics: tuple[str, ...] = ()
    """Prefixes written on a phrase's first word that leave it the same phrase (Arabic و)."""
    ignorable: str = ""
    """A character-class body of marks that may stand after any letter (Arabic vowel marks)."""
    particles: tuple[str, ...] = ()
    """Words that open a phrase before its verb (Arabic إذ, قد): an unknown opener is the
    particle and the word after it."""

    def is_particle(self, word: str) -> bool:
        """Return whether ``word`` (a clitic allowed before it) is one of the particles."""
        word = self.strip(word)
        for clitic in self.clitics:
            if word.startswith(clitic) and word[len(clitic) :] in self.particles:
                return True
        return word in self.particles

    def without_clitic(self, phrase: str) -> str:
        """Return ``phrase`` without a clitic written on its first word ("وإذ يضع في اعتباره"
        is "إذ يضع في اعتباره"): a phrase is matched with or without it."""
        for clitic in self.clitics:
            rest = phrase[len(clitic) :]
            if phrase.startswith(clitic) and rest[:2].isalpha():
                return rest
        return phrase

    def pattern(self, phrase: str, gap: str) -> str:
        """Return the regular expression of ``phrase``: ``gap`` between words, marks allowed."""
        marks = f"[{self.ignorable}]*" if self.ignorable else ""
        words = []
        for word in phrase.split():
            words.append(
                "".join(re.escape(char) + marks for char in word) if marks else re.escape(word)
            )
        return gap.join(words)

    def strip(self, text: str) -> str:
        """Return ``text`` without its ignorable marks."""
        return re.sub(f"[{self.ignorable}]", "", text) if self.ignorable else text


def orthography_from_data(data: dict[str, Any]) -> Orthography:
    """Build the ``[orthography]`` table of a lexicon (defaults: spaced words, nothing else)."""
    return Orthography(
        spaced=bool(data.get("spaced", True)),
        clitics=tuple(str(c) for c in data.get("clitics", ())),
        ignorable=str(data.get("ignorable", "")),
        particles=tuple(str(p) for p in data.get("particles", ())),
    )


SPACED = Orthography()
"""The orthography of the Latin and Cyrillic languages: spaced words, nothing optional."""
