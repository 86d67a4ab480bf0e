"""Trains tracker/mail/resemblance's model on the labelled mail of this directory and writes
its weights: `python -m tests.mail.train_resemblance`. Deterministic (a fixed shuffle), so
the same corpus gives the same file; test_resemblance fails while the file was trained on
another corpus than the one here.

Every mail of kinds_corpus/ (both parts), of corpus/ and kinds/, and every line of
kinds_wordings.txt is an example: a rejection or not. Plain stochastic gradient descent
on the logistic loss with a little L2, fifteen passes; weights under 0.002 are dropped
(they move no score by a hundredth) and the rest rounded, which keeps the file small.
"""

import gzip
import hashlib
import json
import math
import random
from collections import defaultdict
from pathlib import Path

from tests.mail import corpus
from tracker.mail import parse_message, resemblance
from tracker.mail.classify import letter_of

OUT = Path(resemblance.__file__).parent / "data" / "resemblance.json.gz"
HERE = Path(__file__).parent
WORDINGS = HERE / "kinds_wordings.txt"
PASSES, RATE, L2, SEED, SMALLEST_WEIGHT = 15, 0.2, 1e-4, 7, 0.002


def examples() -> list[tuple[str, str, bool]]:
    """(subject, letter, is a rejection) for every labelled mail and wording."""
    found = []
    for mail in corpus.load():
        message = parse_message(mail.raw)
        found.append((message.subject, letter_of(message), mail.kind == "rejection"))
    # The reader's own mail: every file of corpus/ is a rejection; kinds/ says what each is.
    for folder in ("corpus", "kinds"):
        labels = json.loads((HERE / folder / "expected.json").read_text(encoding="utf-8"))
        for name in sorted(labels):
            message = parse_message((HERE / folder / name).read_bytes())
            rejection = folder == "corpus" or labels[name] == "rejection"
            found.append((message.subject, letter_of(message), rejection))
    for line in WORDINGS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "|" not in line:
            continue
        kind, _, said = line.split("|", 2)
        found.append(("", said, kind == "rejection"))
    return found


def fingerprint(found: list[tuple[str, str, bool]]) -> str:
    digest = hashlib.sha256()
    for subject, letter, rejection in found:
        digest.update(f"{subject}\x00{letter}\x00{int(rejection)}\x01".encode())
    return digest.hexdigest()


def train(found: list[tuple[str, str, bool]]) -> tuple[float, dict[str, float]]:
    data = [(sorted(resemblance.features(s, t)), float(y)) for s, t, y in found]
    weights: dict[str, float] = defaultdict(float)
    bias = 0.0
    order = list(range(len(data)))
    shuffle = random.Random(SEED)
    for _ in range(PASSES):
        shuffle.shuffle(order)
        for index in order:
            grams, target = data[index]
            scale = 1 / math.sqrt(len(grams) or 1)
            z = bias + sum(weights[g] for g in grams) * scale
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - target
            bias -= RATE * error
            for g in grams:
                weights[g] -= RATE * (error * scale + L2 * weights[g])
    kept = {g: round(w, 4) for g, w in sorted(weights.items()) if abs(w) >= SMALLEST_WEIGHT}
    return round(bias, 4), kept


def main() -> None:
    found = examples()
    bias, weights = train(found)
    model = {"trained_on": fingerprint(found), "examples": len(found), "bias": bias}
    model["weights"] = weights
    OUT.parent.mkdir(exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as file:
        file.write(json.dumps(model, sort_keys=True, separators=(",", ":")).encode())
    print(f"{len(found)} examples, {len(weights)} weights, {OUT.stat().st_size:,} bytes: {OUT}")


if __name__ == "__main__":
    import django

    django.setup()
    main()
