"""Who sent a rejection: the address a form letter leaves, and the role a sender's words give."""

from zoneinfo import ZoneInfo

import pytest

from tracker.mail import read_rejection
from tracker.mail.kind_phrases import fold
from tracker.mail.roles import role_from_text, role_from_title
from tracker.mail.signature import clean_person, find_signature, is_person_name

BERLIN = ZoneInfo("Europe/Berlin")


def read(headers: str, body: str):
    raw = (headers.strip() + "\nMIME-Version: 1.0\n\n" + body).encode()
    return read_rejection(
        raw, zone=BERLIN, user_emails=["sam.rivera@gmail.com"], user_names=["Sam Rivera"]
    )


@pytest.mark.parametrize(
    "footer",
    [
        "Please do not reply to this message; this mailbox is not monitored.",
        "Ce message est généré automatiquement, merci de ne pas y répondre.",
        "Este mensaje ha sido enviado automáticamente.",
        "Questo messaggio è stato generato automaticamente.",
        "Esta mensagem foi enviada automaticamente.",
        "Diese Nachricht wird automatisch versendet, bitte nicht antworten.",
    ],
)
def test_a_team_mailbox_that_asks_not_to_be_answered_gives_no_address(footer):
    reading = read(
        "From: Ocean Works Careers <careers@oceanworks.example>\nSubject: Your application",
        f"Dear applicant,\n\nWe will not be taking your application further.\n\n"
        f"Kind regards,\nThe Careers Team\n\n{footer}\n",
    )
    assert (reading.channel, reading.sender_email) == ("automated", "")


def test_a_team_mailbox_that_may_be_answered_keeps_its_address():
    reading = read(
        "From: Ocean Works Careers <careers@oceanworks.example>\nSubject: Your application",
        "Dear applicant,\n\nWe will not be taking your application further. Questions are "
        "welcome at this address.\n\nKind regards,\nThe Careers Team\n",
    )
    assert (reading.channel, reading.sender_email) == ("automated", "careers@oceanworks.example")


@pytest.mark.parametrize(
    "words",
    [
        "I was the pharmacist on your interview panel last week.",
        "I only did the technical part of the interview with you.",
        "Ich war einer der Beobachter bei deinem Assessment Center.",
        "J'étais l'une des observatrices lors de votre mise en situation.",
        "Yo solo estuve en la parte técnica de la entrevista.",
        "Fui una de las evaluadoras en tu prueba.",
        "Ero uno degli osservatori durante la prova.",
        "Fui eu que conduzi a sua entrevista técnica.",
        "Estive consigo na entrevista de quinta-feira.",
    ],
)
def test_a_sender_who_sat_on_the_panel_interviewed(words):
    assert role_from_text(fold(words)) == ("interviewer", "interviewed")


def test_being_talked_about_by_the_panel_is_not_sitting_on_it():
    words = "You were one of the people the panel kept coming back to."
    assert role_from_text(fold(words)) == ("unknown", "")


def test_a_french_closing_formula_is_a_sign_off_and_a_street_is_no_name():
    signature = find_signature(
        "Votre candidature n'a pas été retenue.\n\n"
        "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.\n\n"
        "Claire Vasseur\nGestionnaire carrières\nMairie de Longpré\n"
        "Place du Marché \u2013 59xxx Longpré\n"
    )
    assert signature.name == "Claire Vasseur"


@pytest.mark.parametrize(
    "street", ["Place du Marché", "Via Garibaldi", "Rua das Flores", "Calle Mayor", "Rue Haute"]
)
def test_a_street_line_is_not_a_person(street):
    assert not is_person_name(street)


def test_a_person_named_like_a_saint_is_still_a_person():
    assert is_person_name("Valérie Place")


@pytest.mark.parametrize(
    ("office", "directorate", "role"),
    [
        ("Ufficio Selezione", "Direzione Risorse Umane", "hr"),
        ("Responsable du service Emploi", "Direction des Ressources Humaines", "hr"),
        ("Recruitment Office", "Department of Human Resources", "hr"),
        # a recruiter's own job noun stays a recruiter's, whatever department it sits in
        ("Recruiter", "Department of Human Resources", "recruiter"),
        # a firm's name under the title is no directorate of the employer
        ("Consultante Senior", "Cabinet Marceau Conseil RH", "recruiter"),
    ],
)
def test_an_office_over_its_hr_directorate_is_hr(office, directorate, role):
    signature = find_signature(
        f"We will not move forward.\n\nKind regards,\nMarta Lenz\n{office}\n{directorate}\n"
    )
    assert role_from_title(signature.title) == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Hauptamt \u2013 Sachgebiet Personal", "hr"),
        ("Leitung Personal & Ausbildung", "hr"),
        ("Jefa de Personal", "hr"),
        ("Adviseur P&O", "hr"),
        ("Personal Trainer", "unknown"),
    ],
)
def test_public_sector_personnel_units_are_hr(title, role):
    assert role_from_title(title) == role


def test_an_emoji_after_the_name_is_no_part_of_it():
    signature = find_signature(
        "Das ist doof, ich weiss.\n\nLiebe Grüße\nLina \U0001f331\nPeople & Talent @ Kiwi Labs\n"
    )
    assert (signature.name, role_from_title(signature.title)) == ("Lina", "recruiter")


def test_a_status_line_led_by_a_mark_is_no_name():
    assert not is_person_name(clean_person("\u2717 Descartado \u00b7 02/03/2027"))


@pytest.mark.parametrize(
    "title", ["Analista de Atração e Seleção", "Analista de Atracao e Selecao"]
)
def test_recruiting_titles_read_with_or_without_their_accents(title):
    assert role_from_title(title) == "recruiter"


def read_at(sender: str, body: str):
    raw = (f"From: {sender}\nSubject: Your application\nMIME-Version: 1.0\n\n{body}").encode()
    return read_rejection(
        raw,
        zone=BERLIN,
        user_emails=["sam.rivera@gmail.com"],
        user_names=["Sam Rivera"],
        company_names=["Ocean Works"],
    )


@pytest.mark.parametrize(
    "words",
    [
        "The platform team picked another candidate this morning.",
        "Das Team will leider jemanden mit mehr Erfahrung.",
        "L'équipe a choisi un autre profil.",
        "El equipo ha decidido seguir con otra persona.",
        "Il team ha scelto un altro candidato.",
        "Het team heeft gekozen voor iemand anders.",
        "O time optou por outro candidato.",
    ],
)
def test_someone_at_the_company_passing_on_the_teams_decision_recruits(words):
    reading = read_at("Kim Lorenz <kim.lorenz@oceanworks.com>", f"Hi Sam,\n\n{words}\n\nKim\n")
    assert (reading.channel, reading.sender_role) == ("personal_email", "recruiter")


def test_someone_at_the_company_whose_own_team_decided_still_hires():
    reading = read_at(
        "Kim Lorenz <kim.lorenz@oceanworks.com>",
        "Hi Sam,\n\nMy team and I went with another candidate.\n\nKim\n",
    )
    assert reading.sender_role == "hiring_manager"


@pytest.mark.parametrize(
    "line",
    [
        "Elisa Conte \u2013 Ufficio Personale",
        "Tamsin Hale | Talent & Culture",
        "Marta Gil \u2013 RRHH",
    ],
)
def test_a_person_signing_beside_their_team_is_a_person(line):
    signature = find_signature(f"The role was put on hold, so the process ends here.\n{line}\n")
    assert signature.name == line.split(" ")[0] + " " + line.split(" ")[1]
    assert not signature.team


def test_a_team_signing_alone_is_a_team():
    signature = find_signature(
        "The role was put on hold, so the process ends here.\nUfficio Personale\n"
    )
    assert (signature.name, signature.team) == ("", "Ufficio Personale")
