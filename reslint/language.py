"""Tell the language of a resolution from its script and, in Latin script, its function words.

Arabic, Russian and Chinese are told by their script (Arabic letters, Cyrillic,
Han characters); English, French and Spanish by the function words that
dominate.  No statistical language identifier is needed for six official
languages whose scripts differ or whose function words are this frequent, and
counting costs nothing at start-up.  A reader that knows the language (the
``FRBRlanguage`` of an Akoma Ntoso file) passes it on instead.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

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

_STOPWORDS: dict[str, str] = {
    "en": "the of and to in its that on for with by all",
    "fr": "le les des et du à l d sur pour dans aux une est",
    "es": "el los las del y en su por con para al una",
}
_SCRIPTS: dict[str, str] = {
    "ar": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "ru": "\u0400-\u04ff",
    "zh": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
_SAMPLE = 6_000
_SCRIPT_SHARE = 0.3
"""Letters of a script needed, against Latin letters, to call the text that language: UN
texts in Arabic, Russian and Chinese quote Latin symbols (A/RES/75/1, INTERPOL) but their
running text is in their own script."""


_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (every function word above is letters only, so a function word
is a whole run)."""


@cache
def _script_patterns() -> dict[str, re.Pattern[str]]:
    return {language: re.compile(f"[{chars}]") for language, chars in _SCRIPTS.items()}


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_language(text: str) -> str | None:
    """Return ``ar``, ``ru`` or ``zh`` when that script dominates ``text``, else None."""
    counts = {language: len(p.findall(text)) for language, p in _script_patterns().items()}
    best = max(counts, key=lambda language: counts[language])
    if not counts[best]:
        return None
    latin = len(_LATIN.findall(text))
    return best if counts[best] >= _SCRIPT_SHARE * (counts[best] + latin) else None


def detect_language(text: str, default: str = "en") -> str:
    """Return the language of ``text``: by script (ar, ru, zh), else by function words."""
    sample = text[:_SAMPLE]
    by_script = script_language(sample)
    if by_script is not None:
        return by_script
    sample = sample.casefold()
    words = Counter(_WORD.findall(sample))
    scores = {
        language: sum(words[word] for word in function_words.split())
        for language, function_words in _STOPWORDS.items()
    }
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] else default
