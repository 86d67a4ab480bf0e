# ruff: noqa: E501  (a table of wordings reads best one case per line)
"""classify() on the lanes between an invitation, an offer, a receipt and other job mail, and
on job mail that must not be dropped as mail about something else: a test to take is no
meeting, a meeting moved is news of one, a friend's job lead and a referee's word are the
user's search, and so is the user's own reply. Each family with a counter-example."""

import pytest

from tests.mail import corpus
from tracker.mail import MailContext, classify, parse_message

CONTEXT = MailContext(company_names=corpus.COMPANIES, user_emails=(corpus.USER_EMAIL,))
FRIEND = "jo.bloggs@gmail.com"

CASES = [
    # A test to take, however warmly invited, asks for no meeting...
    (
        "other_job_mail",
        "talent@hooli.com",
        "We'd like to invite you to complete an online skills test by Friday.",
    ),
    (
        "other_job_mail",
        "talent@hooli.com",
        "As a next step we would like to invite you to the next stage: a take-home exercise.",
    ),
    (
        "other_job_mail",
        "jobs@datenwerk.de",
        "Wir laden Sie herzlich zu einem Online-Eignungstest ein, den Sie bis Freitag absolvieren.",
    ),
    (
        "other_job_mail",
        "rh@novatel.fr",
        "Nous avons le plaisir de vous convier à la prochaine étape : un test technique en ligne.",
    ),
    (
        "other_job_mail",
        "werving@lumenworks.nl",
        "Wij nodigen u graag uit voor een online capaciteitentest.",
    ),
    # ...while an interview with a test in it, or an assessment centre, is a meeting.
    (
        "interview_invitation",
        "talent@hooli.com",
        "We'd like to invite you to a technical interview on Tuesday 4 March at 10:00, with a short live test.",
    ),
    (
        "interview_invitation",
        "talent@hooli.com",
        "Invitation to our assessment centre on 18 November: please confirm your attendance.",
    ),
    # An interview moved: news of a meeting, and the flight that moves it is no trip of the user's.
    (
        "other_job_mail",
        "marco@hooli.com",
        "Purtroppo devo spostare il nostro colloquio di giovedì, mi hanno anticipato un volo. Ti va venerdì alle 10?",
    ),
    (
        "other_job_mail",
        "nadia.farouk@hooli.com",
        "Sorry, I've got a clash on Thursday at 3. Could we do Friday at 11 instead?",
    ),
    (
        "not_job_mail",
        "bookings@flyaway.example",
        "Your flight to Lisbon on Friday has been moved to 11:40.",
    ),
    # A friend's job lead is an opening for the user; a friend asking about an interview is not.
    (
        "other_job_mail",
        FRIEND,
        "Mi prima busca un analista de datos en su empresa. ¿Le paso tu CV?",
    ),
    (
        "other_job_mail",
        FRIEND,
        "My manager is looking for an analyst, shall I pass your CV on to her?",
    ),
    (
        "other_job_mail",
        FRIEND,
        "Meine Chefin sucht jemanden fürs Controlling, soll ich deinen Lebenslauf weitergeben?",
    ),
    ("not_job_mail", FRIEND, "How did the interview go? Fingers crossed, call me tonight."),
    # A referee's word to an employer about the user is the user's process.
    (
        "other_job_mail",
        FRIEND,
        "Had a call from their HR this morning. Told them I'd hire you again tomorrow.",
    ),
    (
        "other_job_mail",
        FRIEND,
        "Me llamaron de la empresa y les dije que te volvería a contratar sin dudarlo.",
    ),
    # A public employer's convocation to an interview is an invitation.
    (
        "interview_invitation",
        "drh@novatel.fr",
        "Nous avons le plaisir de vous convoquer à un entretien le mardi 3 juin à 14h30.",
    ),
    (
        "interview_invitation",
        "rrhh@datamar.es",
        "Nos complace convocarle a una entrevista el jueves 5 de junio a las 10:00.",
    ),
    (
        "interview_invitation",
        "hr@hooli.com",
        "Could you do 45 minutes with me on Wednesday? Send me a couple of slots.",
    ),
    # Time asked in a recruiter's first approach is no interview; time to take a test neither.
    (
        "other_job_mail",
        "andres@headhunters.example",
        "He visto tu perfil y creo que encajarías en un puesto que llevo. ¿Tienes 15 minutos para una llamada?",
    ),
    (
        "other_job_mail",
        "talent@hooli.com",
        "Please complete the assessment: you will have 90 minutes for the coding test.",
    ),
    # Thanks for applying over a test, papers to send or a delay is that letter, not a receipt.
    (
        "other_job_mail",
        "jobs@datenwerk.de",
        "Vielen Dank für Ihre Bewerbung. Bitte schicken Sie uns noch Ihre Arbeitszeugnisse.",
    ),
    (
        "other_job_mail",
        "careers@alpenbahn.at",
        "Vielen Dank für Ihre Bewerbung. Leider verzögert sich das Auswahlverfahren um einige Wochen.",
    ),
    (
        "application_received",
        "jobs@datenwerk.de",
        "Vielen Dank für Ihre Bewerbung. Wir prüfen Ihre Unterlagen und melden uns.",
    ),
    # A proposal the reader is to prepare is a case study, not an offer; a contract attached is one.
    (
        "other_job_mail",
        "marta@datamar.es",
        "Como siguiente paso del proceso de selección te adjunto el enunciado. La idea es que prepares un análisis y una propuesta de modelo de datos.",
    ),
    ("offer", "marta@datamar.es", "Te adjunto la propuesta con las condiciones del puesto."),
    # Invitations to come, many, on the process's calendar invite no one yet.
    (
        "other_job_mail",
        "personal@datenwerk.de",
        "Die Einladungen zu den strukturierten Auswahlgesprächen werden in der 27. Kalenderwoche versandt.",
    ),
    # A post that may come free one day asks nobody's availability now.
    (
        "other_job_mail",
        "hr@hooli.com",
        "You have been placed on the reserve list. Should a suitable post become available, HR may contact you to verify your availability.",
    ),
    # An assessment sent by a platform is job mail.
    (
        "other_job_mail",
        "noreply@assess.example",
        "Hooli has invited you to complete a coding assessment (70 minutes).",
    ),
    (
        "other_job_mail",
        "naoresponda@portal.example",
        "Seu processo para Analista de Dados está na etapa: avaliação do RH.",
    ),
]


@pytest.mark.parametrize(("kind", "sender", "text"), CASES, ids=[t[:50] for _, _, t in CASES])
def test_the_lane_is_read(kind, sender, text):
    raw = f"From: {sender}\nTo: {corpus.USER_EMAIL}\nSubject: Hello\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind


def test_the_users_own_reply_is_their_search_not_the_employers_step():
    raw = (
        f"From: {corpus.USER_EMAIL}\nTo: tom@hooli.com\nSubject: Re: Data Analyst - final round\n\n"
        "Thanks for the invite to the final round. I've accepted another offer, so I'm going "
        "to withdraw from the process.\n"
    )
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == "other_job_mail"


def test_the_users_own_mail_about_a_flat_is_not_job_mail():
    raw = (
        f"From: {corpus.USER_EMAIL}\nTo: landlord@lettings.example\nSubject: The flat\n\n"
        "Thanks for the viewing yesterday, I'd love to take the flat. When can I sign?\n"
    )
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == "not_job_mail"


def test_a_public_competition_board_names_a_job_only_beside_a_post():
    post = (
        "From: seleccion@universidad.example\nTo: sam.rivera@gmail.com\nSubject: Convocatoria\n\n"
        "En relación con la plaza de Técnico de Apoyo, la Comisión de Selección no podrá publicar "
        "la relación de personas admitidas y excluidas hasta el 31 de julio.\n"
    )
    study = (
        "From: master@universidad.example\nTo: sam.rivera@gmail.com\nSubject: Máster\n\n"
        "La Comisión de Selección del máster ha publicado la lista de estudiantes admitidos.\n"
    )
    assert classify(parse_message(post.encode()), CONTEXT).kind.value == "other_job_mail"
    assert classify(parse_message(study.encode()), CONTEXT).kind.value == "not_job_mail"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # A meeting already arranged, named as the occasion of the letter, is no proposal...
        ("other_job_mail", "Ahead of your final panel on 25 March, please send us two referees."),
        (
            "other_job_mail",
            "Zoals besproken in het gesprek van donderdag 6 maart vragen wij een VOG aan.",
        ),
        (
            "other_job_mail",
            "In vista del colloquio finale previsto per il 29 aprile, le chiediamo due referenze.",
        ),
        # ...while a meeting proposed for a day is one.
        (
            "interview_invitation",
            "We'd like to meet you for a second interview: are you free on Thursday 6 March at 10:00?",
        ),
    ],
)
def test_a_meeting_named_as_the_occasion_is_no_invitation(kind, text):
    raw = f"From: talent@hooli.com\nTo: {corpus.USER_EMAIL}\nSubject: Next steps\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind


@pytest.mark.parametrize(
    ("kind", "sender", "text"),
    [
        # A recruiter's first approach asks for a call, in any words: no interview yet.
        (
            "other_job_mail",
            "t.rein@personal.example",
            "Ihr Profil ist mir aufgefallen, ich betreue eine spannende Position in Köln. Passt Ihnen Donnerstag?",
        ),
        (
            "other_job_mail",
            "sara.bell@agency.example",
            "I came across your profile and I'm working exclusively with a client on a data role. Are you free on Friday?",
        ),
        # The date the reader could start and the salary asked are the terms, not a meeting.
        (
            "other_job_mail",
            "theo.garnier@novatel.fr",
            "Merci pour votre candidature. Pourriez-vous m'indiquer vos prétentions salariales et votre date de disponibilité ?",
        ),
        (
            "application_received",
            "theo.garnier@novatel.fr",
            "Merci pour votre candidature au poste d'analyste, nous l'étudions avec attention.",
        ),
    ],
)
def test_an_approach_or_the_terms_asked_are_no_invitation(kind, sender, text):
    raw = f"From: {sender}\nTo: {corpus.USER_EMAIL}\nSubject: Hello\n\n{text}\n"
    assert classify(parse_message(raw.encode()), CONTEXT).kind.value == kind
