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
# A close language this likely is read too: a short Spanish line can be taken for Portuguese.
LIKELY = 0.15
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
    likely = likely_languages(text)
    return likely[0][0] if likely and likely[0][1] >= SURE else None


def likely_languages(text: str) -> list[tuple[str, float]]:
    """The codes `text` may be written in, likeliest first, each with its confidence."""
    text = " ".join(_ADDRESSES.sub(" ", text[:READ]).split())
    if sum(ch.isalpha() for ch in text) < SHORTEST:
        return []
    values = _detector().compute_language_confidence_values(text)
    return [(LANGUAGES[v.language], v.value) for v in values if v.value >= LIKELY]
