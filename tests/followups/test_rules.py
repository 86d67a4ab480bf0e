"""The decision table of rules.py, rule by rule, on the pure module (no database)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.followups import rules
from tracker.followups.kinds import Door, Element, Kind
from tracker.followups.rules import RejectionFacts

UTC = ZoneInfo("UTC")
LISBON = ZoneInfo("Europe/Lisbon")
# A Tuesday, 10:00 in Lisbon (UTC+0 in November).
RECEIVED = datetime(2026, 11, 17, 10, 0, tzinfo=LISBON)


# A technical interview Dana took part in, a week before the rejection.
MET_DANA = (rules.Meeting("technical", RECEIVED - timedelta(days=7), ("Dana Smith", "Lee Park")),)


def facts(**overrides: object) -> RejectionFacts:
    values: dict[str, object] = {
        "channel": "personal_email",
        "sender_role": "recruiter",
        "sender_name": "Dana Smith",
        "sender_email": "dana@acme.example",
        "furthest_stage": "applied",
        "received_at": RECEIVED,
        "now": RECEIVED + timedelta(minutes=5),
        "zone": LISBON,
    }
    values.update(overrides)
    return RejectionFacts(**values)  # type: ignore[arg-type]


def kinds(proposals: list[rules.Proposal]) -> list[tuple[Kind, int]]:
    return [(p.kind, p.sequence) for p in proposals]


def reply(proposals: list[rules.Proposal]) -> rules.Proposal:
    (found,) = [p for p in proposals if p.kind is Kind.REJECTION_REPLY]
    return found


# Rule 1 -----------------------------------------------------------------------------------


def test_rule_1_an_automated_rejection_gets_no_reply() -> None:
    proposals = rules.rejection_proposals(
        facts(
            channel="automated", furthest_stage="interviewing", sender_email="no-reply@acme.example"
        )
    )

    assert kinds(proposals) == [(Kind.NONE, 1)]
    assert proposals[0].reason == (
        "A form letter from a no-reply address (no-reply@acme.example) expects no answer."
    )
    assert proposals[0].reminders == ()
    assert not proposals[0].needed


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        # Marked by hand with no address: the reason is what the user said, nothing more.
        ("", "You marked it a form letter: no reply is expected."),
        ("  ", "You marked it a form letter: no reply is expected."),
        (
            "jobs@greenhouse-mail.io",
            "A form letter sent by an applicant-tracking system (jobs@greenhouse-mail.io) "
            "expects no answer.",
        ),
        (
            "dana@acme.example",
            "Marked a form letter (from dana@acme.example): no reply is expected.",
        ),
    ],
)
def test_rule_1_the_reason_names_only_what_is_known(address: str, reason: str) -> None:
    proposals = rules.rejection_proposals(
        facts(channel="automated", sender_name="", sender_email=address)
    )
    assert [p.reason for p in proposals] == [reason]


def test_rule_1_unknown_channel_without_a_sender_reads_as_a_form_letter() -> None:
    proposals = rules.rejection_proposals(facts(channel="unknown", sender_name="  "))

    assert kinds(proposals) == [(Kind.NONE, 1)]
    assert "add their name" in proposals[0].reason


def test_rule_1_unknown_channel_with_a_named_sender_means_a_person_wrote() -> None:
    proposals = rules.rejection_proposals(facts(channel="unknown", sender_name="Dana Smith"))

    assert kinds(proposals) == [(Kind.REJECTION_REPLY, 1)]


# Rules 2 to 4 -----------------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["personal_email", "phone", "in_person"])
@pytest.mark.parametrize("role", ["interviewer", "unknown"])
def test_rule_2_a_personal_rejection_gets_a_short_thank_you(channel: str, role: str) -> None:
    proposal = reply(rules.rejection_proposals(facts(channel=channel, sender_role=role)))

    assert proposal.elements == (Element.THANKS,)
    assert proposal.recipient_name == "Dana Smith"
    assert proposal.recipient_email == "dana@acme.example"
    assert proposal.reason.startswith("Dana ")


@pytest.mark.parametrize("channel", ["personal_email", "phone", "in_person"])
@pytest.mark.parametrize("role", ["recruiter", "hr"])
def test_rule_2_recruiters_and_hr_are_also_asked_to_keep_the_user_in_mind(
    channel: str, role: str
) -> None:
    proposal = reply(rules.rejection_proposals(facts(channel=channel, sender_role=role)))

    assert proposal.elements == (Element.THANKS, Element.FUTURE_OPENINGS)
    assert proposal.door is Door.OTHER_ROLES
    assert "other roles" in proposal.reason


def test_rule_3_a_hiring_manager_also_hears_you_want_to_be_considered_again() -> None:
    proposal = reply(rules.rejection_proposals(facts(sender_role="hiring_manager")))

    assert proposal.elements == (Element.THANKS, Element.DISAPPOINTMENT, Element.FUTURE_OPENINGS)
    assert "hiring manager" in proposal.reason


@pytest.mark.parametrize("stage", ["interviewing", "offer", "accepted"])
def test_rule_4_after_interviews_ask_for_advice_and_name_something_real(stage: str) -> None:
    proposal = reply(
        rules.rejection_proposals(
            facts(furthest_stage=stage, sender_role="interviewer", meetings=MET_DANA)
        )
    )

    assert proposal.elements == (Element.THANKS, Element.HIGHLIGHT, Element.FEEDBACK_REQUEST)
    assert "stronger candidate" in proposal.reason


def test_rule_4_without_a_logged_interview_there_is_nothing_real_to_highlight() -> None:
    proposal = reply(rules.rejection_proposals(facts(furthest_stage="interviewing")))

    assert Element.HIGHLIGHT not in proposal.elements
    assert Element.FEEDBACK_REQUEST in proposal.elements


def test_rule_4_an_interview_after_the_rejection_is_not_something_met() -> None:
    later = (rules.Meeting("onsite", RECEIVED + timedelta(days=1), ("Dana Smith",)),)
    proposal = reply(
        rules.rejection_proposals(facts(furthest_stage="interviewing", meetings=later))
    )

    assert Element.HIGHLIGHT not in proposal.elements


@pytest.mark.parametrize("stage", ["wishlist", "applied", "screening"])
def test_rule_4_no_feedback_request_before_interviews(stage: str) -> None:
    proposal = reply(rules.rejection_proposals(facts(furthest_stage=stage)))

    assert Element.FEEDBACK_REQUEST not in proposal.elements
    assert Element.HIGHLIGHT not in proposal.elements


def test_all_of_it_together_keeps_the_elements_in_draft_order() -> None:
    proposal = reply(
        rules.rejection_proposals(
            facts(sender_role="hiring_manager", furthest_stage="offer", meetings=MET_DANA)
        )
    )

    assert proposal.elements == tuple(Element)


# Rule 5 -----------------------------------------------------------------------------------


def test_rule_5_the_reply_is_due_a_day_later_with_a_last_reminder_at_48_hours() -> None:
    proposal = reply(rules.rejection_proposals(facts()))

    assert proposal.due_at == RECEIVED + timedelta(hours=24)
    assert proposal.reminders == (RECEIVED + timedelta(hours=24), RECEIVED + timedelta(hours=48))


def test_rule_5_a_rejection_logged_a_day_late_is_reminded_at_once_then_at_48_hours() -> None:
    now = RECEIVED + timedelta(hours=30)
    proposal = reply(rules.rejection_proposals(facts(now=now)))

    assert proposal.due_at == RECEIVED + timedelta(hours=24)
    assert proposal.reminders == (now, RECEIVED + timedelta(hours=48))


def test_rule_5_exactly_24_hours_late_is_due_now() -> None:
    now = RECEIVED + timedelta(hours=24)
    proposal = reply(rules.rejection_proposals(facts(now=now)))

    assert proposal.reminders[0] == now
    assert len(proposal.reminders) == 2


def test_rule_5_exactly_48_hours_late_gets_one_reminder_now() -> None:
    now = RECEIVED + timedelta(hours=48)
    proposal = reply(rules.rejection_proposals(facts(now=now)))

    assert proposal.reminders == (now,)


def test_rule_5_exactly_7_days_late_still_asks_for_feedback() -> None:
    proposal = reply(
        rules.rejection_proposals(
            facts(furthest_stage="interviewing", now=RECEIVED + timedelta(days=7))
        )
    )

    assert Element.FEEDBACK_REQUEST in proposal.elements


def test_rule_5_past_7_days_the_feedback_request_is_dropped() -> None:
    proposal = reply(
        rules.rejection_proposals(
            facts(
                furthest_stage="interviewing",
                sender_role="interviewer",
                meetings=MET_DANA,
                now=RECEIVED + timedelta(days=7, seconds=1),
            )
        )
    )

    assert proposal.elements == (Element.THANKS, Element.HIGHLIGHT)
    assert "no longer asks for feedback" in proposal.reason


def test_rule_5_exactly_14_days_late_still_replies() -> None:
    proposals = rules.rejection_proposals(facts(now=RECEIVED + timedelta(days=14)))

    assert kinds(proposals) == [(Kind.REJECTION_REPLY, 1)]


def test_rule_5_past_14_days_no_reply_only_the_later_check_in() -> None:
    proposals = rules.rejection_proposals(
        facts(furthest_stage="interviewing", now=RECEIVED + timedelta(days=14, seconds=1))
    )

    assert kinds(proposals) == [(Kind.NONE, 1), (Kind.KEEP_IN_TOUCH, 1), (Kind.KEEP_IN_TOUCH, 2)]
    assert "14 days old" in proposals[0].reason
    assert "check-in later" in proposals[0].reason


def test_reminders_wait_for_a_sensible_local_hour() -> None:
    late_evening = datetime(2026, 11, 17, 22, 30, tzinfo=LISBON)
    proposal = reply(rules.rejection_proposals(facts(received_at=late_evening, now=late_evening)))

    # Due 22:30 the next day; reminded at 9:00 the morning after, not at night.
    assert proposal.due_at == late_evening + timedelta(hours=24)
    assert proposal.reminders[0] == datetime(2026, 11, 19, 9, 0, tzinfo=LISBON)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 11, 20, 8, 59, tzinfo=LISBON), datetime(2026, 11, 20, 9, 0, tzinfo=LISBON)),
        (datetime(2026, 11, 20, 9, 0, tzinfo=LISBON), datetime(2026, 11, 20, 9, 0, tzinfo=LISBON)),
        (
            datetime(2026, 11, 20, 19, 59, tzinfo=LISBON),
            datetime(2026, 11, 20, 19, 59, tzinfo=LISBON),
        ),
        (datetime(2026, 11, 20, 20, 0, tzinfo=LISBON), datetime(2026, 11, 21, 9, 0, tzinfo=LISBON)),
    ],
)
def test_the_local_day_runs_from_9_to_20(moment: datetime, expected: datetime) -> None:
    assert rules.remind_at(moment, now=RECEIVED, zone=LISBON) == expected


def test_the_local_day_is_the_users_own() -> None:
    # 15:00 UTC is 07:00 in Los Angeles: too early there.
    moment = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    zone = ZoneInfo("America/Los_Angeles")

    assert rules.remind_at(moment, now=RECEIVED, zone=zone) == datetime(
        2026, 11, 20, 9, 0, tzinfo=zone
    )


# Rule 6 -----------------------------------------------------------------------------------


def test_rule_6_after_an_interview_stage_rejection_keep_in_touch_twice() -> None:
    proposals = rules.rejection_proposals(facts(furthest_stage="interviewing"))

    first, second = [p for p in proposals if p.kind is Kind.KEEP_IN_TOUCH]
    assert first.due_at == RECEIVED + timedelta(days=45)
    assert second.due_at == first.due_at + timedelta(days=90)
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.elements == (Element.FUTURE_OPENINGS,)


def test_rule_6_no_keep_in_touch_without_interviews_or_from_a_form_letter() -> None:
    assert Kind.KEEP_IN_TOUCH not in {p.kind for p in rules.rejection_proposals(facts())}
    automated = rules.rejection_proposals(facts(channel="automated", furthest_stage="offer"))
    assert Kind.KEEP_IN_TOUCH not in {p.kind for p in automated}


# Beyond rejection -------------------------------------------------------------------------


def test_a_quiet_application_is_nudged_a_week_after_applying_then_once_more() -> None:
    applied = RECEIVED
    assert (
        rules.nudge_proposals(applied_at=applied, now=applied + timedelta(days=6), zone=LISBON)
        == []
    )
    one = rules.nudge_proposals(applied_at=applied, now=applied + timedelta(days=7), zone=LISBON)
    two = rules.nudge_proposals(applied_at=applied, now=applied + timedelta(days=20), zone=LISBON)

    assert [p.sequence for p in one] == [1]
    assert [(p.sequence, p.due_at) for p in two] == [
        (1, applied + timedelta(days=7)),
        (2, applied + timedelta(days=14)),
    ]


def test_a_nudge_whose_moment_passed_long_ago_leaves_it_to_the_ghost_check() -> None:
    """Seen on the demo: "No news 79 days after applying: ask for an update"."""
    applied = RECEIVED
    late = applied + timedelta(days=79)

    assert rules.nudge_proposals(applied_at=applied, now=late, zone=LISBON) == []
    ghost = rules.ghost_check_proposal(
        stage="applied", last_movement_at=applied, now=late, zone=LISBON
    )
    assert ghost is not None


def test_a_quiet_screening_is_nudged_as_a_screening() -> None:
    screened = RECEIVED
    [nudge] = rules.nudge_proposals(
        applied_at=screened, now=screened + timedelta(days=8), zone=LISBON, stage="screening"
    )
    assert "after your screening call" in nudge.reason


def test_an_interview_gets_a_thank_you_due_the_same_day() -> None:
    interview = datetime(2026, 11, 20, 14, 0, tzinfo=LISBON)

    proposal = rules.interview_thank_you_proposal(
        interview_at=interview, interviewer_names=["Lee Park"], now=interview, zone=LISBON
    )

    assert proposal.kind is Kind.INTERVIEW_THANK_YOU
    assert interview < proposal.due_at <= interview + timedelta(hours=24)  # type: ignore[operator]
    assert proposal.recipient_name == "Lee Park"


@pytest.mark.parametrize(
    ("stage", "quiet_days", "expected"),
    [
        ("applied", 20, False),
        ("applied", 21, True),
        ("interviewing", 29, False),
        ("interviewing", 30, True),
        ("screening", 20, False),
        ("screening", 21, True),
        ("offer", 90, False),
    ],
)
def test_ghost_check_after_three_weeks_of_silence_or_a_month_after_interviews(
    stage: str, quiet_days: int, expected: bool
) -> None:
    proposal = rules.ghost_check_proposal(
        stage=stage,
        last_movement_at=RECEIVED,
        now=RECEIVED + timedelta(days=quiet_days),
        zone=LISBON,
    )

    assert (proposal is not None) is expected


def test_tomorrow_morning_is_nine_oclock_local() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    now = datetime(2026, 11, 20, 23, 0, tzinfo=UTC)  # already the 21st in Tokyo

    assert rules.tomorrow_morning(now=now, zone=tokyo) == datetime(2026, 11, 22, 9, 0, tzinfo=tokyo)


# Invariants (property tests) --------------------------------------------------------------

CHANNELS = ["automated", "personal_email", "phone", "in_person", "unknown"]
ROLES = ["recruiter", "hr", "hiring_manager", "interviewer", "unknown"]
STAGES = ["wishlist", "applied", "screening", "interviewing", "offer", "accepted"]


@st.composite
def any_facts(draw: st.DrawFn) -> RejectionFacts:
    received = draw(
        st.datetimes(
            min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
        )
    )
    late = draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=200)))
    return facts(
        channel=draw(st.sampled_from(CHANNELS)),
        sender_role=draw(st.sampled_from(ROLES)),
        sender_name=draw(st.sampled_from(["", " ", "Dana", "Dana Smith"])),
        furthest_stage=draw(st.sampled_from(STAGES)),
        received_at=received,
        now=received + late,
        zone=draw(st.sampled_from([UTC, LISBON, ZoneInfo("Pacific/Auckland")])),
    )


@given(any_facts())
def test_an_automated_rejection_never_yields_a_reply(f: RejectionFacts) -> None:
    if f.channel == "automated":
        assert all(not p.needed for p in rules.rejection_proposals(f))


@given(any_facts())
def test_feedback_is_requested_only_after_interviewing(f: RejectionFacts) -> None:
    for proposal in rules.rejection_proposals(f):
        if Element.FEEDBACK_REQUEST in proposal.elements:
            assert f.furthest_stage in rules.INTERVIEW_STAGES


@given(any_facts())
def test_nothing_is_due_before_the_rejection_arrived(f: RejectionFacts) -> None:
    for proposal in rules.rejection_proposals(f):
        if proposal.due_at is not None:
            assert proposal.due_at >= f.received_at
        assert all(at >= f.received_at for at in proposal.reminders)
        assert all(at >= f.now for at in proposal.reminders)
        assert list(proposal.reminders) == sorted(proposal.reminders)


@given(any_facts())
def test_at_most_one_proposal_per_kind_and_sequence(f: RejectionFacts) -> None:
    proposals = rules.rejection_proposals(f)

    assert len(kinds(proposals)) == len(set(kinds(proposals)))
    assert proposals, "the user is always told something"
    assert all(p.reason for p in proposals)


def test_a_reply_proposed_days_after_the_news_is_marked_late() -> None:
    on_time = reply(rules.rejection_proposals(facts(now=RECEIVED + timedelta(days=3))))
    late = reply(rules.rejection_proposals(facts(now=RECEIVED + timedelta(days=3, minutes=1))))

    assert not on_time.late
    assert late.late
    assert "sorry for the wait" in late.reason


# Names, channels and what the email said ----------------------------


@pytest.mark.parametrize(
    ("typed", "who"),
    [("Dr. Amara O'Neil", "Amara"), ("O'Brien, Kate", "Kate"), ("ms. jane doe", "Jane")],
)
def test_the_reason_uses_the_name_the_greeting_uses(typed: str, who: str) -> None:
    proposal = reply(rules.rejection_proposals(facts(sender_name=typed)))

    assert proposal.reason.startswith(f"{who} wrote to you personally")
    assert proposal.recipient_name == typed


def test_a_call_is_a_call_in_the_reason() -> None:
    proposal = reply(rules.rejection_proposals(facts(channel="phone")))

    assert "Dana called you" in proposal.reason
    assert "in person" not in proposal.reason


@pytest.mark.parametrize("signed", ["Talent Team", "Acme", "The Acme Recruiting Team"])
def test_a_letter_signed_by_a_team_reads_as_a_form_letter(signed: str) -> None:
    proposals = rules.rejection_proposals(
        facts(channel="unknown", sender_name=signed, company="Acme")
    )

    assert kinds(proposals) == [(Kind.NONE, 1)]
    assert f"signed by {signed}" in proposals[0].reason


@pytest.mark.parametrize(
    "message",
    [
        "We went with a candidate with more hands-on Kafka experience.",
        "Unfortunately we cannot provide individual feedback.",
    ],
)
def test_an_email_that_answers_the_question_gets_no_feedback_request(message: str) -> None:
    proposal = reply(
        rules.rejection_proposals(
            facts(furthest_stage="interviewing", meetings=MET_DANA, message=message)
        )
    )

    assert Element.FEEDBACK_REQUEST not in proposal.elements
    assert "does not ask" in proposal.reason


@pytest.mark.parametrize(
    ("message", "door"),
    [
        ("I'd encourage you to apply again.", Door.INVITED),
        ("We'll keep you in mind for future roles.", Door.KEPT_IN_MIND),
        ("Our Data team will be hiring again in the spring.", Door.PLANS),
    ],
)
def test_a_door_the_email_opened_is_welcomed_not_asked_for(message: str, door: Door) -> None:
    for role in ("hiring_manager", "recruiter", "interviewer"):
        proposal = reply(rules.rejection_proposals(facts(sender_role=role, message=message)))
        assert proposal.door is door
        assert Element.FUTURE_OPENINGS in proposal.elements
        assert "welcomes it" in proposal.reason
        assert "other roles" not in proposal.reason


def test_keep_in_touch_reasons_name_the_month_and_the_team_and_differ() -> None:
    proposals = rules.rejection_proposals(
        facts(
            furthest_stage="interviewing",
            meetings=MET_DANA,
            message="Our Data team will be hiring again in the spring.",
        )
    )
    first, second = [p for p in proposals if p.kind is Kind.KEEP_IN_TOUCH]

    assert "You met Dana in November" in first.reason
    assert "openings in the Data team" in first.reason
    assert second.reason != first.reason
    assert "Data team" in second.reason
    assert (first.team, first.door) == ("Data team", Door.PLANS)


def test_a_recruiters_last_keep_in_touch_note_asks_about_roles() -> None:
    proposals = rules.rejection_proposals(facts(furthest_stage="interviewing"))
    second = [p for p in proposals if p.kind is Kind.KEEP_IN_TOUCH][1]

    assert second.door is Door.OTHER_ROLES
    assert "a role that fits you" in second.reason
