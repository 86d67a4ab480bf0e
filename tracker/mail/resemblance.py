"""How much a letter reads like the rejections of the corpus: a logistic regression over the
letter's character n-grams (3 to 5 letters inside words, folded, so it reads the seven
languages alike), trained on the labelled mail of tests/mail (`python -m
tests.mail.train_resemblance` writes its weights to data/resemblance.json.gz).

It does not decide: the rules of classify do. It is asked twice, with thresholds chosen by
cross-validation over the corpus's rounds before the rounds it was measured on were
written: a letter the rules read as a rejection but that scores below VETO goes to the
review queue's other lane, where one click makes it a rejection; a job mail in which the
rules found nothing decisive but that scores above ADD is queued as a rejection, saying so.
"""

import gzip
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from tracker.mail.kind_phrases import fold

SMALLEST, LARGEST = 3, 5
# Enough of a letter to know it; a long one costs no more than this.
_READ_CHARS = 4_000
VETO = -1.5
ADD = 1.0
# A letter shorter than this is too short for its likeness to add a rejection, and one
# shorter than PLAIN_WORDS must also say "not" or "unfortunately" somewhere.
FEWEST_WORDS = 20
PLAIN_WORDS = 40
_WORD = re.compile(r"\w+")


def features(subject: str, letter: str) -> set[str]:
    text = fold(f"{subject}\n{letter[:_READ_CHARS]}")
    found: set[str] = set()
    for word in _WORD.findall(text):
        padded = f" {word} "
        for n in range(SMALLEST, LARGEST + 1):
            found.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return found


def score(subject: str, letter: str) -> float:
    """The log-odds that the letter is a rejection: above 0 more like one than not."""
    model = _model()
    return weigh(features(subject, letter), model["bias"], model["weights"])


def weigh(grams: set[str], bias: float, weights: Mapping[str, float]) -> float:
    # Longer letters have more n-grams: scaled so that a letter's length does not decide.
    if not grams:
        return bias
    return bias + sum(weights.get(g, 0.0) for g in grams) / math.sqrt(len(grams))


@cache
def _model() -> dict[str, Any]:
    path = resources.files("tracker.mail").joinpath("data/resemblance.json.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        model: dict[str, Any] = json.load(text)
    return model
