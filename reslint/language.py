"""Tell the language of a resolution from its script and, in Latin script, its words.

Arabic, Russian and Chinese are told by their script (Arabic letters, Cyrillic,
Han characters); English, French and Spanish by the words that dominate: their
function words and the words of their organ lines (``language_words`` in the
``[words]`` table of each lexicon), so that a text as short as its organ line
and one sentence is told.  The running text decides: footnotes cite titles in
other languages (English titles of publications in Spanish and Russian notes,
"United Nations, Treaty Series"), so the notes below the first footnote rule
count only when the text above it tells nothing.  No statistical language
identifier is needed for six official languages whose scripts differ or whose
function words are this frequent, and counting costs nothing at start-up.  A
reader that knows the language (the ``FRBRlanguage`` of an Akoma Ntoso file)
passes it on instead.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from reslint import patterns

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")
"""Languages reslint checks, all detected."""

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "ru": "Russian",
    "zh": "Chinese",
}
"""The English name of each language, for reports."""

_WORDS_TOLD = ("en", "fr", "es")
"""Languages told by their words (the others by their script)."""
_SCRIPTS: dict[str, str] = {
    "ar": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "ru": "\u0400-\u04ff",
    "zh": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
_WEIGHTS = {"zh": 3}
"""Latin letters one character of a script writes as much as: a Han character writes a
syllable, and the English version of a Chinese resolution has 3.8 letters per Han character
of the Chinese one (nine pairs of ``realdocs/akn``: 3.2 to 4.2)."""
_SAMPLE = 6_000
_SCRIPT_SHARE = 0.3
"""Letters of a script needed, against Latin letters, to call the text that language: UN
texts in Arabic, Russian and Chinese quote Latin symbols (A/RES/75/1, INTERPOL) and lists
of Member States in English capitals (a recorded vote), but their running text is in their
own script."""


_RULE_LINE = re.compile(rf"^[ \t]*(?:{patterns.FOOTNOTE_RULE_LINE})[ \t]*$", re.M)
"""The rule above the footnotes."""

_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (every function word above is letters only, so a function word
is a whole run)."""


@cache
def _script_patterns() -> dict[str, re.Pattern[str]]:
    return {language: re.compile(f"[{chars}]") for language, chars in _SCRIPTS.items()}


_LATIN = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]")
"""Latin letters of running text: lowercase ones. Capitals write symbols, acronyms and the
names of a recorded vote ("A/RES/76/145", "INTERPOL", "AFGHANISTAN ALBANIA …"), which a
text in any language quotes."""


@cache
def _any_script() -> re.Pattern[str]:
    return re.compile(f"[{''.join(_SCRIPTS.values())}]")


def script_language(text: str) -> str | None:
    """Return ``ar``, ``ru`` or ``zh`` when that script dominates ``text``, else None."""
    if _any_script().search(text) is None:
        return None  # Latin script: one scan tells, instead of a count of each script
    counts = {
        language: len(p.findall(text)) * _WEIGHTS.get(language, 1)
        for language, p in _script_patterns().items()
    }
    best = max(counts, key=lambda language: counts[language])
    if not counts[best]:
        return None
    latin = len(_LATIN.findall(text))
    return best if counts[best] >= _SCRIPT_SHARE * (counts[best] + latin) else None


@cache
def _language_words(language: str) -> frozenset[str]:
    from reslint.lexicon import words_table

    return frozenset(word.casefold() for word in words_table(language).get("language_words", ()))


def _told(text: str) -> dict[str, int] | str:
    """Return the language ``text``'s script tells, else each language's count of its words."""
    by_script = script_language(text)
    if by_script is not None:
        return by_script
    words = Counter(_WORD.findall(text.casefold()))
    return {
        # a language has a few words to count, the text hundreds: look each of those up
        language: sum(words[word] for word in _language_words(language))
        for language in _WORDS_TOLD
    }


def detect_language(text: str, default: str = "en") -> str:
    """Return the language of ``text``: by script (ar, ru, zh), else by its words.

    The running text above the first footnote rule decides when its script or one
    language's words tell; else the whole text does, and ``default`` when nothing tells.
    """
    sample = text[:_SAMPLE]
    rule = _RULE_LINE.search(sample)
    if rule is not None:
        told = _told(sample[: rule.start()])
        if isinstance(told, str):
            return told
        ranked = sorted(told.values(), reverse=True)
        if ranked[0] > ranked[1]:
            return max(told, key=lambda language: told[language])
    told = _told(sample)
    if isinstance(told, str):
        return told
    best = max(told, key=lambda language: told[language])
    return best if told[best] else default
