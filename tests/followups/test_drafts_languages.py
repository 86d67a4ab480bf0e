"""Drafts in the letter's language: read as a native speaker would, and held to the same
tone rules in every language and register."""

import re
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import product
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tracker.followups import drafts
from tracker.followups.drafts import Draft, DraftFacts, compose, reply_subject, thanks_in
from tracker.followups.kinds import Topic
from tracker.followups.rules import Door, Element, Kind, Meeting
from tracker.followups.said import Said, read_said, their_subject
from tracker.followups.services import draft_catalogue

BERLIN = ZoneInfo("Europe/Berlin")
OCT = datetime(2026, 10, 20, 14, tzinfo=BERLIN)
SCREEN = Meeting("phone_screen", OCT - timedelta(days=14), ("Katrin Vogel",))
ONSITE = Meeting("onsite", OCT, ("Katrin Vogel", "Mei Chen"))
LANGUAGES = drafts.LANGUAGES
KINDS = (
    (Kind.REJECTION_REPLY, 1),
    (Kind.KEEP_IN_TOUCH, 1),
    (Kind.KEEP_IN_TOUCH, 2),
    (Kind.APPLICATION_NUDGE, 1),
    (Kind.APPLICATION_NUDGE, 2),
    (Kind.INTERVIEW_THANK_YOU, 1),
    # The notes after the first two, one per topic, and the LinkedIn step.
    (Kind.KEEP_IN_TOUCH, 3),
    (Kind.KEEP_IN_TOUCH, 4),
    (Kind.KEEP_IN_TOUCH, 5),
    (Kind.KEEP_IN_TOUCH, 6),
    (Kind.LINKEDIN, 1),
)
TOPICS = tuple(Topic)


def later_note(sequence: int) -> dict[str, Any]:
    """What the rules give a later keep-in-touch note: a topic by turn, the months since."""
    if sequence < 3:
        return {}
    return {"topic": TOPICS[(sequence - 3) % len(TOPICS)], "months": 3 * sequence}


EVERYTHING_SAID = Said(
    offers_call=True,
    offers_feedback=True,
    stay_in_touch=True,
    praise=True,
    praised="your pipeline design",
    event="Berlin Data Meetup",
)


def katrin_rejects_alex(**changes: Any) -> DraftFacts:
    """Dr. Katrin Vogel, the hiring manager, turned Alex down after a screen and an onsite."""
    facts = DraftFacts(
        kind=Kind.REJECTION_REPLY,
        elements=tuple(Element),
        sequence=1,
        recipient_name="Dr. Katrin Vogel",
        role="Backend-Entwicklerin",
        company="Brandt Werke",
        sender_name="Alex Rivera",
        channel="personal_email",
        door=Door.CONSIDER_AGAIN,
        meetings=(SCREEN, ONSITE),
        zone=BERLIN,
        seed=1,
        language="de",
        formal=True,
        first_name=False,
    )
    return replace(facts, **changes)


def write(facts: DraftFacts) -> Draft:
    return compose(facts, draft_catalogue(facts.language))


def every_draft(**changes: Any) -> dict[str, Draft]:
    """Each kind, in each language and register, with each wording: named for the report."""
    return {
        f"{language} {'formal' if formal else 'informal'} {kind} #{sequence} seed {seed}": write(
            katrin_rejects_alex(
                kind=kind,
                sequence=sequence,
                language=language,
                formal=formal,
                first_name=not formal,
                seed=seed,
                **later_note(sequence) | changes,
            )
        )
        for language, formal, (kind, sequence), seed in product(
            LANGUAGES, (True, False), KINDS, range(3)
        )
    }


def words(draft: Draft) -> int:
    return len(draft.body.split())


# The tone rules, on every kind in every language and register.

LONG = {
    "role": "Senior Staff Distributed Systems Reliability Engineer",
    "company": "Extremely Long Company Name International Holdings Ltd.",
    "recipient_name": "Dr. Maximiliana Alexandrina Featherstonehaugh-Worthington",
    "sender_name": "Bartholomew Montgomery-Fitzgerald",
    "notes": "We talked at length about their migration from a monolith to services and how "
    "the on-call rotation works across four time zones with a very small team",
}


@pytest.mark.parametrize("said", [Said(), EVERYTHING_SAID], ids=["plain", "everything said"])
def test_every_draft_says_thank_you_at_most_twice(said: Said) -> None:
    drafts_ = every_draft(said=said, late=True)

    assert {n: thanks_in(f"{d.subject}\n{d.body}") for n, d in drafts_.items()
            if thanks_in(f"{d.subject}\n{d.body}") > 2} == {}  # fmt: skip


def test_every_draft_is_under_120_words_even_with_long_names_and_everything_said() -> None:
    drafts_ = every_draft(said=EVERYTHING_SAID, late=True, **LONG)

    assert {name: words(d) for name, d in drafts_.items() if words(d) >= 120} == {}


def test_every_draft_is_signed_with_the_users_first_and_last_name() -> None:
    for name, draft in every_draft().items():
        assert draft.body.endswith("\nAlex Rivera"), name


# Never a farewell that closes the door, never a filler; and no English left in another
# language (a sentence the catalogue lacks is left out, never shown in English).
NEVER = re.compile(
    r"last note|just checking in|checking in|letzte Nachricht|dernier message|último mensaje|"
    r"laatste bericht|ultimo messaggio|última mensagem|nur mal nachfragen|je voulais juste",
    re.IGNORECASE,
)
# ("for" is Portuguese too: "no horário que for melhor".)
ENGLISH = re.compile(r"\b(?:the|and|you|your|with|I'm|I'd|thank|thanks)\b")


def test_no_draft_closes_the_door_or_is_just_checking_in() -> None:
    found = [n for n, d in every_draft().items() if NEVER.search(f"{d.subject}\n{d.body}")]

    assert found == []


def test_drafts_in_other_languages_have_no_english_and_no_placeholders_left() -> None:
    for name, draft in every_draft(said=EVERYTHING_SAID).items():
        text = f"{draft.subject}\n{draft.body}".replace("Berlin Data Meetup", "")
        assert "{" not in text, name
        assert "}" not in text, name
        if not name.startswith("en "):
            assert not ENGLISH.search(text), (name, ENGLISH.search(text), text)


def test_every_sentence_has_words_in_every_language_and_register() -> None:
    """Each table's first wording is translated, so no sentence is ever missing."""
    tables = [
        value
        for key, value in vars(drafts).items()
        if (key.isupper() and isinstance(value, tuple) and value and isinstance(value[0], str)
        and "{" in "".join(value)) or key in {"THANKS_EMAIL", "LATE", "DISAPPOINTMENT"}
    ]  # fmt: skip
    tables += list(drafts.FUTURE.values())
    # Their praise quoted back is English only ("your pipeline design" is read in English).
    tables.remove(drafts.PRAISE)
    for language, formal in product(LANGUAGES[1:], (True, False)):
        words_ = drafts._Words(
            katrin_rejects_alex(language=language, formal=formal), draft_catalogue(language)
        )
        missing = [t[0] for t in tables if len(t) > 1 and not words_.own(t)]
        assert missing == [], (language, formal)


# What a speaker of each language expects to read.


def test_german_formal_reply_greets_frau_dr_vogel_and_keeps_to_sie() -> None:
    draft = write(katrin_rejects_alex())

    assert draft.body.startswith("Sehr geehrte Frau Dr. Vogel,\n\n")
    assert "\nMit freundlichen Grüßen\nAlex Rivera" in draft.body or "Grüßen" in draft.body
    assert re.search(r"\b(?:Sie|Ihnen|Ihre?)\b", draft.body)
    assert not re.search(r"\b(?:du|dich|dir|dein\w*)\b", draft.body, re.IGNORECASE)


def test_german_informal_reply_says_du_to_katrin() -> None:
    draft = write(katrin_rejects_alex(formal=False, first_name=True))

    assert draft.body.startswith("Hallo Katrin,\n\n")
    assert re.search(r"\b(?:dich|dir|deine?)\b", draft.body)
    assert not re.search(r"(?<!^)(?<![.!?]\s)\b(?:Sie|Ihnen|Ihre?)\b", draft.body)
    assert "Mit freundlichen Grüßen" not in draft.body


def test_first_name_with_sie_is_hallo_katrin_with_sie() -> None:
    draft = write(katrin_rejects_alex(formal=True, first_name=True))

    assert draft.body.startswith("Hallo Katrin,")
    assert "Ihnen" in draft.body


# Each language's sign-offs, formal and informal.
FR_FORMAL = ("Bien cordialement,", "Cordialement,")
FR_INFORMAL = ("Bonne journée,", "À bientôt,")
ES_FORMAL = ("Un cordial saludo,", "Saludos cordiales,")
ES_INFORMAL = ("Un saludo,", "Saludos,")
NL_FORMAL = ("Met vriendelijke groet,", "Vriendelijke groet,")
NL_INFORMAL = ("Groeten,", "Hartelijke groet,")
IT_FORMAL = ("Cordiali saluti,", "Distinti saluti,")
IT_INFORMAL = ("Un saluto,", "A presto,")
PT_FORMAL = ("Atenciosamente,", "Cordialmente,")
PT_INFORMAL = ("Um abraço,", "Abraços,")
DE_FORMAL = ("Mit freundlichen Grüßen",)
EN_ANY = ("Best regards,", "Kind regards,", "Warm regards,", "Best,")


@pytest.mark.parametrize(
    ("language", "formal", "name", "greeting", "sign_off"),
    [
        ("fr", True, "Claire Martin", "Bonjour Madame Martin,", FR_FORMAL),
        ("fr", False, "Claire Martin", "Bonjour Claire,", FR_INFORMAL),
        ("es", True, "Lucía Fernández", "Estimada Sra. Fernández:", ES_FORMAL),
        ("es", False, "Lucía Fernández", "Hola Lucía,", ES_INFORMAL),
        ("es", True, "Sr. Javier Ruiz", "Estimado Sr. Ruiz:", ES_FORMAL),
        # Dutch: without the given name, the particle takes a capital.
        ("nl", True, "Anna de Vries", "Geachte mevrouw De Vries,", NL_FORMAL),
        ("nl", False, "Anna de Vries", "Hoi Anna,", NL_INFORMAL),
        ("it", True, "Giulia Rossi", "Gentile signora Rossi,", IT_FORMAL),
        ("it", False, "Giulia Rossi", "Ciao Giulia,", IT_INFORMAL),
        ("pt", True, "Ana Souza", "Prezada Sra. Souza,", PT_FORMAL),
        ("pt", False, "Ana Souza", "Olá, Ana,", PT_INFORMAL),
        ("de", True, "Herr Jonas Becker", "Sehr geehrter Herr Becker,", DE_FORMAL),
        # A name that says nothing of who they are: a greeting that needs no gender.
        ("de", True, "Kim Schulz", "Guten Tag Kim Schulz,", DE_FORMAL),
        ("fr", True, "Dominique Petit", "Bonjour Dominique Petit,", FR_FORMAL),
        ("en", True, "Ms. Dana Smith", "Dear Ms Smith,", EN_ANY),
        ("en", False, "Dana Smith", "Hi Dana,", EN_ANY),
        ("de", True, "Talent Team", "Guten Tag,", DE_FORMAL),
    ],
)  # fmt: skip
def test_greetings_and_sign_offs_follow_each_languages_convention(
    language: str, formal: bool, name: str, greeting: str, sign_off: tuple[str, ...]
) -> None:
    for seed in range(4):
        draft = write(
            katrin_rejects_alex(
                language=language,
                formal=formal,
                first_name=not formal,
                recipient_name=name,
                seed=seed,
                meetings=(),
            )
        )
        assert draft.body.startswith(f"{greeting}\n\n"), draft.body
        assert draft.body.splitlines()[-2] in sign_off


@pytest.mark.parametrize(
    ("language", "formal", "you"),
    [
        ("fr", True, r"\bvous\b"),
        ("fr", False, r"\b(?:te|tu|toi|ton|ta)\b"),
        ("es", True, r"\b(?:usted|le|su)\b"),
        ("es", False, r"\b(?:ti|te|tu)\b"),
        ("nl", True, r"\bu\b"),
        ("nl", False, r"\b(?:je|jou)\b"),
        ("it", True, r"\b(?:Lei|La|Le|Sua)\b|[a-z](?:La|Le)\b"),
        ("it", False, r"\b(?:te|ti|tuo|tua)\b|[a-z]ti\b"),
    ],
)
def test_the_reply_keeps_one_register_throughout(language: str, formal: bool, you: str) -> None:
    other = {
        ("fr", True): r"\b(?:tu|toi|ton|ta|tes)\b",
        ("fr", False): r"\b(?:vous|votre|vos)\b(?! locaux)",
        ("es", True): r"\b(?:tú|ti|contigo|tus)\b",
        ("es", False): r"\b(?:usted|conocerle)\b",
        ("nl", True): r"\b(?:je|jij|jou|jouw)\b",
        ("nl", False): r"\b(?:u|uw)\b",
        ("it", True): r"\b(?:ti|tuo|tua|tuoi)\b",
        ("it", False): r"\b(?:Lei|Sua|Suo)\b",
    }[(language, formal)]
    for kind, sequence in KINDS:
        draft = write(
            katrin_rejects_alex(
                kind=kind,
                sequence=sequence,
                language=language,
                formal=formal,
                first_name=not formal,
                said=EVERYTHING_SAID,
                **later_note(sequence),
            )
        )
        body = draft.body
        assert not re.search(other, body), (kind, body)
    reply = write(katrin_rejects_alex(language=language, formal=formal, first_name=not formal))
    assert re.search(you, reply.body), reply.body


# In the thread.


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [
        ("Data Engineer (Req 4411) - update", "Re: Data Engineer (Req 4411) - update"),
        ("Ihre Bewerbung als Backend-Entwickler", "Re: Ihre Bewerbung als Backend-Entwickler"),
        ("AW: Ihre Bewerbung (Ref. 2231)", "Re: Ihre Bewerbung (Ref. 2231)"),
        ("RE: Re: AW: Votre candidature", "Re: Votre candidature"),
        ("Fwd: RV: Su candidatura - Ref 77/2026", "Re: Su candidatura - Ref 77/2026"),
        ("Re[2]: Update", "Re: Update"),
        ("Réf: poste 12", "Re: poste 12"),
    ],
)
def test_a_reply_stays_in_their_thread_without_stacking_prefixes(theirs: str, ours: str) -> None:
    assert reply_subject(theirs) == ours
    for language in LANGUAGES:
        draft = write(katrin_rejects_alex(language=language, their_subject=theirs))
        assert draft.subject == ours


def test_their_subject_is_read_from_header_lines_pasted_above_the_letter() -> None:
    pasted = "Von: Katrin Vogel\nBetreff: AW: Ihre Bewerbung (Ref. 2231)\n\nSehr geehrter Herr"

    assert their_subject(pasted) == "AW: Ihre Bewerbung (Ref. 2231)"
    assert their_subject("Sehr geehrter Herr Rivera,\nleider ...") == ""


def test_a_call_gets_a_new_message_not_a_reply() -> None:
    draft = write(katrin_rejects_alex(channel="phone", their_subject="Ihre Bewerbung"))

    assert not draft.subject.startswith("Re:")
    assert "Anruf" in draft.body


# What they said, taken up.

LETTER = (
    "Hi Alex, thank you for interviewing with us. The panel was impressed by your pipeline "
    "design, but we went with another candidate. I'd be happy to set up a short call to share "
    "the panel's feedback. I'd like to stay in touch, and I hope to see you at the Berlin Data "
    "Meetup next month. We'll keep your details on file. Best, Dana"
)


def test_an_english_reply_takes_up_what_dana_said() -> None:
    said = read_said(LETTER)
    draft = write(
        katrin_rejects_alex(
            language="en",
            formal=False,
            first_name=True,
            recipient_name="Dana Smith",
            meetings=(Meeting("onsite", OCT, ("Dana Smith", "Mei Chen")),),
            said=said,
            door=Door.STAY_IN_TOUCH,
            elements=(Element.THANKS, Element.HIGHLIGHT, Element.FUTURE_OPENINGS),
        )
    )

    body = draft.body
    assert "Thank you for offering a call to go through the feedback" in body, body
    assert "advice" not in body
    assert "pointers" not in body
    assert "my pipeline design" in body
    assert "stay in touch" in body
    assert "keep me in mind" not in body
    assert "Berlin Data Meetup" in body
    assert thanks_in(body) <= 2


def test_what_the_letter_offers_is_read_in_every_language() -> None:
    letters = {
        "de": "Gerne biete ich Ihnen ein kurzes Telefonat an, um Ihnen Feedback zu geben. Das "
        "Team war von Ihrer Präsentation beeindruckt. Gern würden wir mit Ihnen in Kontakt "
        "bleiben.",
        "fr": "Je serais ravie d'échanger avec vous lors d'un appel pour vous faire un retour. "
        "L'équipe a été impressionnée par votre présentation. Restons en contact.",
        "es": "Estaré encantada de tener una llamada para darte feedback. El equipo quedó "
        "impresionado con tu presentación. Me gustaría mantenernos en contacto.",
        "nl": "Ik ben graag bereid om in een telefoongesprek feedback te geven. Het team was "
        "onder de indruk van je presentatie. Laten we in contact blijven.",
        "it": "Sarei felice di fare una chiamata per darti un feedback. Il team è rimasto "
        "colpito dalla tua presentazione. Restiamo in contatto.",
        "pt": "Ficaria feliz em fazer uma ligação para dar um feedback. A equipe ficou "
        "impressionada com a sua apresentação. Vamos manter contato.",
    }
    for language, letter in letters.items():
        said = read_said(letter)
        assert (said.offers_call, said.praise, said.stay_in_touch) == (True, True, True), language


def test_feedback_refused_is_not_feedback_offered() -> None:
    said = read_said("Unfortunately we are unable to provide individual feedback.")

    assert not said.offers_feedback


# What happened, exactly.


def test_the_reader_is_named_only_with_the_people_of_the_round_they_shared() -> None:
    """Katrin was at the screen and the onsite, Mei only at the onsite: the draft speaks of
    the onsite, with Mei; never of meeting anyone on a call."""
    for language, seed in product(LANGUAGES, range(3)):
        draft = write(katrin_rejects_alex(language=language, seed=seed))
        assert "Mei" in draft.body
    english = write(katrin_rejects_alex(language="en", formal=False, first_name=True))
    assert "you and Mei at the onsite" in english.body
    assert "phone screen" not in english.body


def test_a_phone_screen_is_a_call_in_every_language() -> None:
    screen_only = (Meeting("phone_screen", OCT, ("Katrin Vogel", "Mei Chen")),)
    calls = {
        "en": "(?i)speaking|conversation",
        "de": "Gespräch mit",
        "fr": "échange",
        "es": "hablando",
        "nl": "gesprek met",
        "it": "parlare",
        "pt": "conversar",
    }
    meets = re.compile(r"meet|kennenzulernen|rencontr|conocer|ontmoet|conoscer|conhecer", re.I)
    for language, seed in product(LANGUAGES, range(3)):
        draft = write(katrin_rejects_alex(language=language, meetings=screen_only, seed=seed))
        assert re.search(calls[language], draft.body), draft.body
        assert not meets.search(draft.body), draft.body


def test_the_interview_thank_you_uses_the_users_notes() -> None:
    for language in LANGUAGES:
        draft = write(
            katrin_rejects_alex(
                kind=Kind.INTERVIEW_THANK_YOU,
                language=language,
                meetings=(ONSITE,),
                notes="- their move from Kafka to Pulsar\n- on-call every sixth week",
            )
        )
        assert "their move from Kafka to Pulsar" in draft.body
        assert "sixth week" not in draft.body


def test_french_drafts_elide_before_a_vowel_whatever_name_fills_the_gap() -> None:
    """ "l'équipe de Atelier Lumen" is a mistake no French speaker makes: "d'Atelier"."""
    drafts_fr = every_draft(
        company="Atelier Lumen", role="Ingénieure backend", recipient_name="Élise Arnaud"
    )

    french = {name: d for name, d in drafts_fr.items() if name.startswith("fr ")}
    bodies = "\n".join(d.subject + "\n" + d.body for d in french.values())
    assert french
    assert not re.search(r"\b(?:de|que|jusque) [AEIOUÉÈÊÀÂÎÔaeiouéèêàâîô]", bodies)
    assert "d'Atelier Lumen" in bodies


# Keeping in touch for as long as the user wants, and the LinkedIn step.


@pytest.mark.parametrize(("language", "formal"), list(product(LANGUAGES, (True, False))))
def test_every_later_note_differs_from_all_the_notes_before_it(language: str, formal: bool) -> None:
    """Two years of notes to Katrin, every two to three months: none repeats another."""
    notes = [
        write(
            katrin_rejects_alex(
                kind=Kind.KEEP_IN_TOUCH,
                sequence=sequence,
                language=language,
                formal=formal,
                first_name=not formal,
                said=EVERYTHING_SAID,
                **later_note(sequence),
            )
        ).body
        for sequence in range(1, 13)
    ]

    assert len(set(notes)) == len(notes)
    for sequence, body in enumerate(notes[2:], start=3):
        assert str(3 * sequence) in body, body


@pytest.mark.parametrize(("language", "formal"), list(product(LANGUAGES, (True, False))))
def test_the_linkedin_note_fits_linkedins_limit_and_is_never_bare(
    language: str, formal: bool
) -> None:
    longest = LONG | {
        "company": " ".join(["Extremely Long Company Name"] * 7),
        "role": " ".join(["Senior Staff Engineer"] * 9),
    }
    for changes in ({}, LONG, longest):
        note = write(
            katrin_rejects_alex(
                kind=Kind.LINKEDIN, language=language, formal=formal, first_name=not formal,
                **changes,
            )
        )  # fmt: skip
        _greeting, sentence, signature = note.body.split("\n\n")
        assert len(note.body) <= drafts.LINKEDIN_LIMIT, note.body
        assert note.subject == ""
        assert signature == changes.get("sender_name", "Alex Rivera")
        assert len(sentence.split()) >= 12, sentence
        assert "{" not in note.body


def test_the_linkedin_note_says_where_they_met_or_spoke() -> None:
    met = write(katrin_rejects_alex(kind=Kind.LINKEDIN, language="en", formal=False))
    spoke = write(
        katrin_rejects_alex(kind=Kind.LINKEDIN, language="en", formal=False, meetings=(SCREEN,))
    )

    assert "meet you at the onsite for the Backend-Entwicklerin role at Brandt Werke" in met.body
    assert "speaking with you on the phone screen" in spoke.body
