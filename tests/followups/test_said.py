"""What a saved rejection email said that changes the reply (tracker/followups/said.py)."""

import time

import pytest

from tracker.followups.said import read_said


@pytest.mark.parametrize(
    "message",
    [
        "Unfortunately we cannot provide individual feedback on applications.",
        "We're not able to give specific feedback at this stage.",
        "Leider können wir Ihnen kein individuelles Feedback geben.",
        "Un retour individuel ne nous est malheureusement pas possible : nous ne pouvons pas "
        "fournir de commentaires personnalisés.",
        "Lamentablemente no podemos ofrecer comentarios individuales.",
    ],
)
def test_no_individual_feedback_in_four_languages(message: str) -> None:
    said = read_said(message)

    assert said.no_feedback
    assert said.answers_feedback


@pytest.mark.parametrize(
    "message",
    [
        "We decided to go with a candidate with more hands-on Kubernetes experience.",
        "The position has been filled internally.",
        "We were looking for someone who has led a team before.",
        "Wir haben uns für eine Person mit mehr Erfahrung im Bereich Zahlungen entschieden.",
        "Nous avons retenu un candidat avec plus d'expérience en gestion de projet.",
        "Hemos elegido un perfil con más experiencia en pagos.",
    ],
)
def test_a_reason_already_given(message: str) -> None:
    assert read_said(message).reason_given


def test_an_offer_of_feedback_is_not_a_refusal() -> None:
    said = read_said("We won't move forward, but I'm happy to share feedback on a call.")

    assert not said.no_feedback


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I'd encourage you to apply again in the future.", "apply_again"),
        ("Please feel free to apply for other roles with us.", "apply_again"),
        ("Wir würden uns freuen, wenn Sie sich erneut bei uns bewerben.", "apply_again"),
        ("N'hésitez pas à postuler de nouveau.", "apply_again"),
        ("No dudes en postular de nuevo más adelante.", "apply_again"),
        ("We will keep you in mind for future roles.", "keep_in_mind"),
        ("I'll reach out if something suitable comes up.", "keep_in_mind"),
        ("Gerne nehmen wir Sie in unseren Talentpool auf.", "keep_in_mind"),
        ("Nous conserverons votre profil dans notre vivier.", "keep_in_mind"),
        ("Tendremos en cuenta tu perfil para futuras vacantes.", "keep_in_mind"),
    ],
)
def test_a_door_left_open(message: str, flag: str) -> None:
    said = read_said(message)

    assert getattr(said, flag)
    assert said.door_open


def test_a_named_team_and_time_are_taken_as_written() -> None:
    said = read_said(
        "Thanks for your time. Our Platform team will be hiring again early next year, and I "
        "think you would be a strong fit."
    )

    assert said.hiring_later
    assert said.team == "Platform team"
    assert said.when == "early next year"


def test_a_team_named_outside_a_sentence_about_hiring_is_not_a_plan() -> None:
    said = read_said("The Platform team enjoyed meeting you. We went with another candidate.")

    assert said.team == ""
    assert not said.hiring_later


def test_lines_wrapped_by_the_mail_client_still_read_as_one_sentence() -> None:
    assert read_said("We will keep you\nin mind for other roles.").keep_in_mind


def test_the_users_own_quoted_message_is_not_what_they_said() -> None:
    message = (
        "Thanks for your note, Alex.\n\nOn Tue, 3 Nov 2026 at 10:02, Alex <alex@example.org> "
        "wrote:\n> Please keep me in mind, and I'd encourage you to apply again.\n"
    )

    said = read_said(message)

    assert not said.keep_in_mind
    assert not said.apply_again


def test_a_plain_no_says_nothing_more() -> None:
    said = read_said("Thank you for interviewing with us. We will not be moving forward.")

    assert said == type(said)()


@pytest.mark.parametrize(
    "hostile",
    [
        "keep you " * 4000,
        "more " * 6000 + "experience",
        "On " * 7000,
        ("a" * 39 + " ") * 500 + "feedback",
        "unable to provide " + "x" * 20_000,
        # What the reply takes up: offers, praise, events.
        "happy to " * 2500 + "call",
        "Gerne " * 4000 + "Feedback",
        "meetup " + "A-" * 10_000,
        "impressed by your " * 1500,
        "„" * 20_000,
    ],
)
def test_it_reads_in_linear_time_whatever_it_is_given(hostile: str) -> None:
    started = time.perf_counter()
    read_said(hostile)

    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "message",
    [
        "The hiring team has decided not to move forward.",
        "I'll reach out if something suitable opens up.",
        "The hiring manager enjoyed meeting you.",
    ],
)
def test_hiring_as_a_noun_is_no_plan_to_hire(message: str) -> None:
    assert not read_said(message).hiring_later


def test_a_plan_to_open_roles_is_read_with_its_team_and_time() -> None:
    said = read_said("Our Platform team expects to open two more backend roles early next year.")

    assert (said.hiring_later, said.team, said.when) == (True, "Platform team", "early next year")
