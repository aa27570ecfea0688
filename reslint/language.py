"""Guess the language of a resolution from its most frequent function words."""

from __future__ import annotations

import re
from functools import cache

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")
"""Languages reslint checks; ar, ru and zh only when asked for (never detected)."""

_STOPWORDS: dict[str, str] = {
    "en": "the of and to in its that on for with by all",
    "fr": "le les des et du à l d sur pour dans aux une est",
    "es": "el los las del y en su por con para al una",
}
_SAMPLE = 6_000


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # compiled on first use: the command line imports LANGUAGES from here at start-up
    return {
        language: re.compile(r"(?<![^\W\d_])(?:" + "|".join(words.split()) + r")(?![^\W\d_])")
        for language, words in _STOPWORDS.items()
    }


def detect_language(text: str, default: str = "en") -> str:
    """Return ``en``, ``fr`` or ``es``: the language whose function words dominate."""
    sample = text[:_SAMPLE].casefold()
    scores = {language: len(pattern.findall(sample)) for language, pattern in _patterns().items()}
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] else default
