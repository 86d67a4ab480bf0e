"""Which language a letter is written in, among the seven Rebound reads and writes.

Pure: no ORM, no I/O beyond the detector's own models, loaded once. Lingua, restricted to
the seven languages, in its low-accuracy mode: on letters of a few lines it was as right
as the high-accuracy mode at a fraction of the memory, and far better than counting
stop-words (tests/followups/test_language.py measures both on letters written for it).
"""

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = {
    Language.ENGLISH: "en",
    Language.GERMAN: "de",
    Language.FRENCH: "fr",
    Language.SPANISH: "es",
    Language.DUTCH: "nl",
    Language.ITALIAN: "it",
    Language.PORTUGUESE: "pt",
}
CODES = tuple(LANGUAGES.values())
# A letter is read from its start; the rest only repeats the language (and costs time).
READ = 3_000
# Fewer letters than this say too little to tell one language from another.
SHORTEST = 12
# Below this confidence the detector is guessing between close languages.
SURE = 0.5
_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


@cache
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language among CODES, or None when it cannot tell."""
    text = " ".join(_ADDRESSES.sub(" ", text[:READ]).split())
    if sum(ch.isalpha() for ch in text) < SHORTEST:
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value < SURE:
        return None
    return LANGUAGES[values[0].language]
