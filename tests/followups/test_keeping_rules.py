"""Rule 6, continued (rules.next_touch): after the two notes, if the user wants, a note
every two to three months, one person per note, each about something real. Pure: no
database."""

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.followups import rules
from tracker.followups.kinds import Kind, Topic
from tracker.followups.rules import Meeting, Note, NoteState, Person, TouchFacts
from tracker.followups.said import Said

BERLIN = ZoneInfo("Europe/Berlin")
ONSITE_AT = datetime(2026, 3, 10, 14, tzinfo=BERLIN)
REJECTED_AT = datetime(2026, 3, 20, 9, tzinfo=BERLIN)
ONSITE = Meeting("onsite", ONSITE_AT, ("Katrin Vogel", "Mei Chen"))
# Dana, the recruiter, wrote the rejection; Katrin, the hiring manager, wrote too.
DANA = Person("Dana Smith", "dana@brandt.example", "recruiter", wrote=True)
KATRIN = Person("Katrin Vogel", "katrin@brandt.example", "hiring_manager", wrote=True)
SECOND_SENT = REJECTED_AT + timedelta(days=140)


def note(sequence: int, state: NoteState = NoteState.DONE, **changes: Any) -> Note:
    due = REJECTED_AT + timedelta(days=45 if sequence == 1 else 135)
    values: dict[str, Any] = {
        "sequence": sequence,
        "to": "dana@brandt.example",
        "state": state,
        "due_at": due,
        "done_at": due + timedelta(days=5) if state is NoteState.DONE else None,
    }
    return Note(**values | changes)


def touch(**changes: Any) -> TouchFacts:
    values: dict[str, Any] = {
        "notes": (note(1), note(2)),
        "people": (DANA, KATRIN),
        "meetings": (ONSITE,),
        "role": "Data Engineer",
        "since": ONSITE_AT,
        "now": SECOND_SENT,
        "zone": BERLIN,
        "seed": 7,
    }
    return TouchFacts(**values | changes)


def test_after_the_second_note_the_next_comes_two_to_three_months_later() -> None:
    proposal = rules.next_touch(touch())

    assert proposal is not None
    assert (proposal.kind, proposal.sequence) == (Kind.KEEP_IN_TOUCH, 3)
    assert proposal.due_at is not None
    gap = proposal.due_at - SECOND_SENT
    assert timedelta(days=61) <= gap <= timedelta(days=91)
    assert proposal.reminders == (proposal.due_at,) or proposal.reminders[0] >= proposal.due_at


def test_nothing_more_until_the_two_notes_are_behind() -> None:
    assert rules.next_touch(touch(notes=())) is None
    assert rules.next_touch(touch(notes=(note(1),))) is None
    assert rules.next_touch(touch(notes=(note(1), note(2, NoteState.OPEN)))) is None


def test_a_note_still_open_waits_for_the_user() -> None:
    assert rules.next_touch(touch(notes=(note(1), note(2), note(3, NoteState.OPEN)))) is None


def test_a_stop_is_a_stop() -> None:
    assert rules.next_touch(touch(notes=(note(1), note(2, NoteState.STOPPED)))) is None


def test_a_skipped_note_is_followed_like_a_sent_one() -> None:
    skipped = note(2, done_at=SECOND_SENT)

    assert rules.next_touch(touch(notes=(note(1), skipped))) is not None


def test_the_hiring_manager_hears_from_the_user_rather_than_the_recruiter_when_both_wrote() -> None:
    proposal = rules.next_touch(touch())

    assert proposal is not None
    assert (proposal.recipient_name, proposal.recipient_email) == (
        "Katrin Vogel",
        "katrin@brandt.example",
    )
    assert "hiring manager" in proposal.reason
    assert "rather than the recruiter" in proposal.reason


def test_someone_who_wrote_comes_before_someone_who_did_not() -> None:
    quiet_katrin = replace(KATRIN, wrote=False)

    proposal = rules.next_touch(touch(people=(quiet_katrin, DANA)))

    assert proposal is not None
    assert proposal.recipient_name == "Dana Smith"


def test_one_person_per_note_and_nobody_waiting_for_one_elsewhere() -> None:
    elsewhere = (Note(3, "katrin@brandt.example", NoteState.OPEN, due_at=SECOND_SENT),)

    proposal = rules.next_touch(touch(elsewhere=elsewhere))

    assert proposal is not None
    assert proposal.recipient_name == "Dana Smith"
    assert "," not in proposal.recipient_email
    only_katrin = touch(elsewhere=elsewhere, only="katrin@brandt.example")
    assert rules.next_touch(only_katrin) is None


def test_a_person_who_had_a_note_lately_elsewhere_waits_two_months_from_it() -> None:
    lately = SECOND_SENT + timedelta(days=40)
    elsewhere = (Note(3, "katrin@brandt.example", NoteState.DONE, lately, lately),)

    proposal = rules.next_touch(touch(elsewhere=elsewhere))

    assert proposal is not None
    assert proposal.due_at is not None
    assert proposal.due_at >= lately + timedelta(days=61)


def test_a_wish_for_one_person_writes_only_to_them() -> None:
    proposal = rules.next_touch(touch(only="dana@brandt.example"))

    assert proposal is not None
    assert proposal.recipient_name == "Dana Smith"


def test_a_user_who_opts_in_late_gets_the_next_note_now_not_in_the_past() -> None:
    late = SECOND_SENT + timedelta(days=400)

    proposal = rules.next_touch(touch(now=late))

    assert proposal is not None
    assert proposal.due_at == late


def test_each_note_is_about_something_real_and_the_topics_take_turns() -> None:
    said = Said(team="Platform team", praise=True)
    katrin = replace(KATRIN, said=said)
    facts = touch(people=(katrin,))

    topics = [
        rules.touch_again(facts, reader=katrin, sequence=n, due_at=SECOND_SENT).topic
        for n in range(3, 9)
    ]

    assert topics == [Topic.MET, Topic.PLANS, Topic.SAID, Topic.ROLE, Topic.MET, Topic.PLANS]


def test_without_a_round_together_or_words_of_theirs_the_note_is_about_the_role() -> None:
    stranger = Person("Sam Lee", "sam@brandt.example", "recruiter", wrote=True)

    assert rules.touch_topics(stranger, (ONSITE,)) == (Topic.ROLE,)


def test_the_reason_names_the_reader() -> None:
    proposal = rules.next_touch(touch())

    assert proposal is not None
    assert proposal.reason.startswith("Katrin Vogel, the hiring manager")
    assert "%(" not in proposal.reason
    assert "checking in" not in proposal.reason


def test_the_months_since_they_met_are_counted_for_the_draft() -> None:
    proposal = rules.next_touch(touch())

    assert proposal is not None
    assert proposal.due_at is not None
    assert proposal.months == rules.months_between(ONSITE_AT, proposal.due_at)
    assert proposal.months >= 6


def test_the_linkedin_step_is_the_day_after_the_interview() -> None:
    proposal = rules.linkedin_proposal(
        interview_at=ONSITE_AT,
        name="Katrin  Vogel",
        email="katrin@brandt.example",
        now=ONSITE_AT + timedelta(hours=3),
        zone=BERLIN,
    )

    assert proposal.kind is Kind.LINKEDIN
    assert proposal.due_at == ONSITE_AT + timedelta(days=1)
    assert proposal.recipient_name == "Katrin Vogel"
    assert proposal.reason == (
        "You met Katrin Vogel at the interview: an invitation to connect on LinkedIn, with a "
        "short personal note, keeps the contact whatever the outcome."
    )


# The property: years of keeping in touch with the people of three applications at one
# company, the user sending or skipping each note whenever they get to it.

PEOPLE = {
    0: (DANA, KATRIN),
    1: (replace(KATRIN, wrote=False), DANA),
    # Only Katrin here: this application waits for her whenever another wrote to her.
    2: (KATRIN,),
}


@settings(max_examples=150, deadline=None)
@given(
    turns=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 120)),
        min_size=1,
        max_size=30,
    ),
    seed=st.integers(0, 10_000),
)
def test_at_most_one_open_note_per_person_and_two_to_three_months_apart(
    turns: list[tuple[int, int]], seed: int
) -> None:
    notes: dict[int, list[Note]] = {a: [note(1, to="dana@brandt.example"), note(2)] for a in PEOPLE}
    now = SECOND_SENT

    def facts(app: int) -> TouchFacts:
        others = tuple(n for a, ns in notes.items() if a != app for n in ns if n.sequence >= 3)
        return touch(
            notes=tuple(notes[app]), people=PEOPLE[app], elsewhere=others, now=now, seed=seed + app
        )

    def beat(first: int = 0) -> None:
        # The sweep meets the applications in no fixed order.
        for app in sorted(PEOPLE, key=lambda a: (a - first) % len(PEOPLE)):
            proposal = rules.next_touch(facts(app))
            if proposal is None:
                continue
            assert proposal.due_at is not None
            key = rules.person_key(proposal.recipient_name, proposal.recipient_email)
            last = notes[app][-1]
            after = max(filter(None, (last.due_at, last.done_at)))
            assert proposal.due_at - after >= rules.TOUCH_AGAIN_SOONEST
            theirs = [
                max(filter(None, (n.due_at, n.done_at)))
                for ns in notes.values()
                for n in ns
                if n.to == key and n.sequence >= 3
            ]
            ceiling = max([after, now, *(t + rules.TOUCH_AGAIN_SOONEST for t in theirs)])
            assert proposal.due_at <= ceiling + rules.TOUCH_AGAIN_LATEST
            notes[app].append(Note(proposal.sequence, key, NoteState.OPEN, proposal.due_at))
            open_to = [n.to for ns in notes.values() for n in ns if n.state is NoteState.OPEN]
            assert len(open_to) == len(set(open_to)), open_to

    beat()
    for app, days_late in turns:
        waiting = [n for n in notes[app] if n.state is NoteState.OPEN]
        if waiting:
            (open_note,) = waiting
            assert open_note.due_at is not None
            now = max(now, open_note.due_at + timedelta(days=days_late))
            # Sent or skipped, the rules see the same: done with, at that moment.
            done = replace(open_note, state=NoteState.DONE, done_at=now)
            notes[app][notes[app].index(open_note)] = done
        else:
            now += timedelta(days=days_late)
        beat(first=days_late % len(PEOPLE))

    for person in {n.to for ns in notes.values() for n in ns}:
        theirs = [n for ns in notes.values() for n in ns if n.to == person and n.sequence >= 3]
        later = sorted(n.due_at for n in theirs if n.due_at)
        assert all(b - a >= rules.TOUCH_AGAIN_SOONEST for a, b in pairwise(later))
