"""The drafts: short, warm emails in the user's voice, built from the elements the rules chose."""

import re
from dataclasses import replace
from itertools import chain, combinations, product
from typing import Any

import pytest

from tracker.followups.drafts import Draft, DraftFacts, compose
from tracker.followups.rules import Element, Kind

EMAIL_KINDS = (
    Kind.REJECTION_REPLY,
    Kind.KEEP_IN_TOUCH,
    Kind.APPLICATION_NUDGE,
    Kind.INTERVIEW_THANK_YOU,
)
ALL_ELEMENTS = tuple(Element)
EVERY_SUBSET_OF_ELEMENTS = tuple(
    chain.from_iterable(combinations(ALL_ELEMENTS, size) for size in range(len(Element) + 1))
)


def dana_rejects_alex(**changes: Any) -> DraftFacts:
    """Dana, the hiring manager, turned Alex down after two interviews."""
    facts = DraftFacts(
        kind=Kind.REJECTION_REPLY,
        elements=ALL_ELEMENTS,
        sequence=1,
        recipient_name="Dana Smith",
        role="Backend Engineer",
        company="Acme",
        sender_name="Alex Demo",
        interview_kinds=("Technical", "Onsite"),
        interviewer_names=("Dana Smith", "Lee Park"),
    )
    return replace(facts, **changes)


def paragraphs(draft: Draft) -> list[str]:
    return draft.body.split("\n\n")


def words(draft: Draft) -> int:
    return len(draft.body.split())


# Who is addressed, who signs, which thread.


def test_it_greets_the_sender_by_first_name() -> None:
    draft = compose(dana_rejects_alex())

    assert paragraphs(draft)[0] == "Hi Dana,"


def test_it_greets_neutrally_when_nobody_is_named() -> None:
    draft = compose(dana_rejects_alex(recipient_name="", interviewer_names=()))

    assert paragraphs(draft)[0] == "Hello,"


def test_it_is_signed_with_the_users_name() -> None:
    draft = compose(dana_rejects_alex())

    assert draft.body.endswith("\n\nBest regards,\nAlex Demo")


@pytest.mark.parametrize("kind", EMAIL_KINDS)
def test_every_email_stays_in_the_applications_thread(kind: Kind) -> None:
    draft = compose(dana_rejects_alex(kind=kind))

    assert draft.subject == "Re: Backend Engineer at Acme"


@pytest.mark.parametrize("kind", [Kind.NONE, Kind.GHOST_CHECK])
def test_kinds_that_send_nothing_have_an_empty_draft(kind: Kind) -> None:
    assert compose(dana_rejects_alex(kind=kind)) == Draft(subject="", body="")


# A rejection reply says what the rules chose, in the order of the elements.


def test_a_personal_rejection_reply_says_thank_you_and_nothing_more() -> None:
    draft = compose(dana_rejects_alex(elements=(Element.THANKS,)))

    assert paragraphs(draft) == [
        "Hi Dana,",
        "Thank you for letting me know, and for considering me for the Backend Engineer role.",
        "I wish you and the team all the best.",
        "Best regards,\nAlex Demo",
    ]


def test_the_elements_come_in_their_fixed_order_whatever_order_they_are_given_in() -> None:
    in_order = compose(dana_rejects_alex())
    shuffled = compose(dana_rejects_alex(elements=tuple(reversed(ALL_ELEMENTS))))

    assert shuffled == in_order
    body = in_order.body
    positions = [
        body.index("Thank you for letting me know"),
        body.index("disappointed"),
        body.index("pleasure to meet"),
        body.index("advice"),
        body.index("future openings"),
    ]
    assert positions == sorted(positions)


def test_a_little_disappointment_is_one_honest_sentence_without_arguing() -> None:
    draft = compose(dana_rejects_alex())
    (sentence,) = [p for p in paragraphs(draft) if "disappointed" in p]

    assert sentence.count(".") == 1
    assert "respect your decision" in sentence
    assert "disappointed" not in compose(dana_rejects_alex(elements=(Element.THANKS,))).body


def test_the_request_for_advice_is_without_obligation() -> None:
    draft = compose(dana_rejects_alex())

    assert "If you have a moment" in draft.body
    assert "no obligation" in draft.body
    assert "what would make me a stronger candidate" in draft.body


def test_without_a_feedback_request_it_asks_for_no_advice() -> None:
    elements = tuple(e for e in ALL_ELEMENTS if e is not Element.FEEDBACK_REQUEST)
    draft = compose(dana_rejects_alex(elements=elements))

    assert "advice" not in draft.body
    assert "stronger candidate" not in draft.body


def test_the_hiring_manager_hears_the_user_would_like_to_be_considered_again() -> None:
    draft = compose(dana_rejects_alex())

    assert "considered for future openings" in draft.body
    without = compose(dana_rejects_alex(elements=(Element.THANKS, Element.HIGHLIGHT)))
    assert "future openings" not in without.body


# The highlight names something real when it is known.


def test_the_highlight_names_the_interviewers_met_and_the_interviews() -> None:
    draft = compose(dana_rejects_alex(recipient_name="Sam Lee"))

    assert (
        "It was a pleasure to meet Dana and Lee during the technical and onsite interviews"
        in draft.body
    )


def test_the_highlight_speaks_to_the_reader_as_you_when_they_were_an_interviewer() -> None:
    draft = compose(dana_rejects_alex())

    assert "It was a pleasure to meet you and Lee during" in draft.body


def test_the_highlight_names_only_the_interviewers_when_no_interview_kind_is_logged() -> None:
    draft = compose(dana_rejects_alex(interview_kinds=()))

    assert "It was a pleasure to meet you and Lee and to learn how the team works." in draft.body


def test_the_highlight_names_a_single_interview_when_nobody_is_logged() -> None:
    draft = compose(dana_rejects_alex(interviewer_names=(), interview_kinds=("Technical",)))

    assert "I enjoyed the technical interview and learning how the team works." in draft.body


def test_a_phone_screen_is_not_called_a_phone_screen_interview() -> None:
    draft = compose(dana_rejects_alex(interviewer_names=(), interview_kinds=("Phone screen",)))

    assert "I enjoyed the phone screen and learning" in draft.body


def test_a_long_list_of_interviewers_ends_with_the_rest_of_the_team() -> None:
    names = ("Ana Ruiz", "Ben Ode", "Cy Tan", "Dee Roy", "Eli Fox")
    draft = compose(dana_rejects_alex(recipient_name="", interviewer_names=names))

    assert "meet Ana, Ben, Cy and the rest of the team during" in draft.body


def test_the_highlight_falls_back_to_a_graceful_generic_sentence() -> None:
    draft = compose(dana_rejects_alex(interviewer_names=(), interview_kinds=()))

    assert "I enjoyed learning about the team and the work you do at Acme." in draft.body


def test_without_a_highlight_nothing_is_said_about_the_interviews() -> None:
    draft = compose(dana_rejects_alex(elements=(Element.THANKS, Element.FEEDBACK_REQUEST)))

    assert "pleasure to meet" not in draft.body
    assert "interview" not in draft.body


# The other kinds of email.


def test_keeping_in_touch_says_the_user_is_still_interested_in_future_openings() -> None:
    draft = compose(dana_rejects_alex(kind=Kind.KEEP_IN_TOUCH, elements=(Element.FUTURE_OPENINGS,)))

    assert "I wanted to stay in touch" in draft.body
    assert "still very interested in Acme" in draft.body
    assert "future openings that fit my background" in draft.body


def test_the_second_keep_in_touch_note_is_the_last_and_lighter() -> None:
    first = compose(dana_rejects_alex(kind=Kind.KEEP_IN_TOUCH, elements=(Element.FUTURE_OPENINGS,)))
    last = compose(
        dana_rejects_alex(kind=Kind.KEEP_IN_TOUCH, elements=(Element.FUTURE_OPENINGS,), sequence=2)
    )

    assert "one last, short note" in last.body
    assert "last" not in first.body
    assert words(last) <= words(first) + 15


def test_keeping_in_touch_never_reopens_the_rejection() -> None:
    draft = compose(dana_rejects_alex(kind=Kind.KEEP_IN_TOUCH))

    assert "disappointed" not in draft.body
    assert "advice" not in draft.body


def test_a_nudge_politely_asks_whether_there_is_any_update() -> None:
    draft = compose(dana_rejects_alex(kind=Kind.APPLICATION_NUDGE, elements=(), recipient_name=""))

    assert paragraphs(draft)[1] == (
        "I wanted to ask whether there is any update on my application for the "
        "Backend Engineer role at Acme."
    )


def test_the_second_nudge_is_the_final_one() -> None:
    draft = compose(dana_rejects_alex(kind=Kind.APPLICATION_NUDGE, elements=(), sequence=2))

    assert "one last time" in draft.body
    assert "any update" in draft.body


def test_an_interview_thank_you_thanks_for_the_time_and_names_the_interview() -> None:
    draft = compose(
        dana_rejects_alex(
            kind=Kind.INTERVIEW_THANK_YOU,
            elements=(Element.THANKS, Element.HIGHLIGHT),
            recipient_name="Lee Park",
            interview_kinds=("Technical",),
        )
    )

    assert paragraphs(draft)[:3] == [
        "Hi Lee,",
        "Thank you for taking the time to speak with me about the Backend Engineer role.",
        "It was a pleasure to meet you and Dana during the technical interview, "
        "and to learn how the team works.",
    ]
    assert "next steps" in draft.body


# Whatever the combination: short, never "just checking in", plain text as typed.

LONG = {
    "recipient_name": "Maximiliana Featherstonehaugh-Worthington de la Cruz",
    "role": "Senior Staff Platform Reliability and Developer Experience Engineer",
    "company": "O'Brien & Co International Holdings of Greater Springfield",
    "sender_name": "Alexandra Demonstration-Featherstonehaugh Worthington III",
    "interview_kinds": ("Phone screen", "Technical", "Onsite", "Final"),
    "interviewer_names": (
        "Bartholomew Kensington-Smythe",
        "Evangeline Okonkwo-Rasmussen",
        "Christopher van der Berg",
        "Anastasia Papadopoulou",
        "Maximiliana Featherstonehaugh-Worthington de la Cruz",
    ),
}
EVERY_COMBINATION = tuple(product(EMAIL_KINDS, EVERY_SUBSET_OF_ELEMENTS, (1, 2)))


def every_draft(facts: DraftFacts) -> dict[str, Draft]:
    """Every kind x every subset of elements x both sequences, named for the failure report."""
    return {
        f"{kind} #{sequence}: {'+'.join(elements) or 'no elements'}": compose(
            replace(facts, kind=kind, elements=elements, sequence=sequence)
        )
        for kind, elements, sequence in EVERY_COMBINATION
    }


def test_every_draft_is_under_150_words_even_with_long_names() -> None:
    drafts = every_draft(dana_rejects_alex(**LONG))

    assert {name: words(d) for name, d in drafts.items() if words(d) >= 150} == {}


def test_no_draft_is_ever_just_checking_in() -> None:
    drafts = {
        **every_draft(dana_rejects_alex()),
        **every_draft(dana_rejects_alex(**{**LONG, "recipient_name": "", "interviewer_names": ()})),
    }

    assert [
        name for name, d in drafts.items() if "just checking in" in f"{d.subject}\n{d.body}".lower()
    ] == []


def test_paragraphs_are_separated_by_one_blank_line_without_stray_spaces() -> None:
    def untidy(body: str) -> bool:
        return (
            body != body.strip()
            or "\n\n\n" in body
            or bool(re.search(r" $|  |^ ", body, flags=re.MULTILINE))
        )

    drafts = every_draft(dana_rejects_alex())

    assert [name for name, d in drafts.items() if untidy(d.body)] == []


def test_names_with_special_characters_come_out_as_typed() -> None:
    draft = compose(
        dana_rejects_alex(
            company="O'Brien & Co",
            role="R&D <Platform> Engineer",
            recipient_name="Zoë O'Brien",
            interviewer_names=("Zoë O'Brien", "Sam <Q> Lee"),
            sender_name='Alex "AJ" Demo',
        )
    )

    assert draft.subject == "Re: R&D <Platform> Engineer at O'Brien & Co"
    assert "the R&D <Platform> Engineer role" in draft.body
    assert "work at O'Brien & Co and" in draft.body
    assert draft.body.startswith("Hi Zoë,")
    assert 'Alex "AJ" Demo' in draft.body
    assert "&amp;" not in draft.body
    assert "&#x27;" not in draft.body
    assert "&quot;" not in draft.body
    assert "&lt;" not in draft.body


def test_no_template_escapes_what_the_user_typed() -> None:
    special = dana_rejects_alex(
        recipient_name="D'Arcy O'Brien",
        role="R&D <Platform> Engineer",
        company="O'Brien & Co",
        sender_name='Alex "AJ" Demo',
        interview_kinds=("Tech & Design",),
        interviewer_names=("D'Angelo Smith",),
    )
    drafts = every_draft(special)

    assert [name for name, d in drafts.items() if re.search(r"&#?\w+;", d.body)] == []
