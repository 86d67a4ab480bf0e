"""Does the resemblance model (tracker/mail/resemblance) read new hands better beside the
rules? Measured the honest way: the model is trained without the last three study rounds
(seventeenth, eighteenth, nineteenth: job boards and mixed languages, public competitions
and apprenticeships, agencies and threads), then the rules alone and the rules with the
model read them. The thresholds were chosen by cross-validation over the earlier rounds
(each left out in turn) before these three were written.

On 7 December 2026, with the rules as they were when those rounds arrived (unstudied), on
96 rejections, 48 other job mails and 36 non-job mails: the rules read 79 rejections
(82%) and took 6 other job mails and 2 non-job mails for rejections; beside them the model
(veto below -1, add above 1) read 83 (86%) and took 4 and 0. After the rounds were studied
into the rules, the guards were added that this test now runs with: the veto at -1.5 (at -1
it held back a plain "unfortunately, we cannot move forward with yours" of the reader's own
corpus), and no rejection added where the rules saw a sentence of "not yet", "still in", a
meeting moved or the job's start, where the user withdrew, on fewer than 20 words, or on
fewer than 40 that never say "not", "no" or "unfortunately". With
them, on the studied rounds (the model retrained on a corpus that grew by seven more
rounds), the rules read 91 and the model 92, taking 4 other job mails where the rules
took 5. The model ships as a second opinion; the rules
decide every other kind.
"""

from collections import Counter

from tests.mail import corpus, train_resemblance
from tracker.mail import MailContext, classify, parse_message, resemblance
from tracker.mail.classify import letter_of

CONTEXT = MailContext(company_names=corpus.COMPANIES)
HELD = ("seventeenth", "eighteenth", "nineteenth")


def test_the_model_beside_the_rules_on_rounds_it_never_saw(capsys, monkeypatch):
    found = train_resemblance.examples()
    mails = corpus.load()
    held = [m for m in mails if m.part in HELD]
    held_letters = set()
    for mail in held:
        message = parse_message(mail.raw)
        held_letters.add((message.subject, letter_of(message)))
    bias, weights = train_resemblance.train([e for e in found if e[:2] not in held_letters])
    counts: Counter[str] = Counter()
    for mail in held:
        message = parse_message(mail.raw)
        with monkeypatch.context() as patched:
            # Thresholds no score crosses: the rules' verdicts alone.
            patched.setattr(resemblance, "VETO", float("-inf"))
            patched.setattr(resemblance, "ADD", float("inf"))
            rules = classify(message, CONTEXT).kind.value
        with monkeypatch.context() as patched:
            patched.setattr(resemblance, "_model", lambda: {"bias": bias, "weights": weights})
            both = classify(message, CONTEXT).kind.value
        group = {"rejection": "rej", "not_job_mail": "non"}.get(mail.kind, "oth")
        counts[group] += 1
        counts[f"{group} rules"] += rules == "rejection"
        counts[f"{group} both"] += both == "rejection"
    with capsys.disabled():
        print(
            f"\nRounds {', '.join(HELD)}, the model trained without them:"
            f"\n  rejections read:        rules {counts['rej rules']}/{counts['rej']},"
            f" with the model {counts['rej both']}/{counts['rej']}"
            f"\n  other job as rejection: rules {counts['oth rules']}/{counts['oth']},"
            f" with the model {counts['oth both']}/{counts['oth']}"
            f"\n  non-job as rejection:   rules {counts['non rules']}/{counts['non']},"
            f" with the model {counts['non both']}/{counts['non']}"
        )
    assert counts["rej both"] >= counts["rej rules"]
    assert counts["oth both"] <= counts["oth rules"]
