"""A friend writing from their own mailbox about their own job search: employers, interviews
and noes named, none of it a step of the user's. A referee's news is the user's."""

import pytest

from tracker.mail import MailContext, classify, parse_message

CONTEXT = MailContext(
    company_names=("Northwind",),
    user_emails=("robin.ash@example.org",),
    user_names=("Robin Ash",),
)


def _from_a_friend(subject: str, body: str) -> bytes:
    return (
        "From: Kit Moreau <kit.moreau@gmail.com>\n"
        "To: Robin Ash <robin.ash@example.org>\n"
        f"Subject: {subject}\n\n{body}\n"
    ).encode()


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("news!", "I got the job at Northwind!! Start in June. Drinks on Friday?"),
        ("meh", "Just got rejected from Northwind after the second interview. Pizza later?"),
        ("Neuigkeiten", "Ich habe heute die Absage von Northwind bekommen. Kino am Samstag?"),
        ("nouvelles", "Ils m'ont prise chez Northwind ! On fête ça samedi ?"),
        ("noticias", "¡Me han cogido en Northwind! El sábado invito yo."),
        ("nieuws", "Ik ben aangenomen bij Northwind! Zaterdag een biertje?"),
        ("novità", "Mi hanno scartato da Northwind dopo il colloquio. Ci vediamo sabato?"),
        ("novidades", "Não fui selecionada na Northwind, mas tudo bem. Jantar sábado?"),
    ],
)
def test_a_friends_own_news_is_not_job_mail(subject, body):
    result = classify(parse_message(_from_a_friend(subject, body)), CONTEXT)
    assert result.kind.value == "not_job_mail", result.because


def test_a_referee_telling_of_a_reference_call_is_job_mail():
    raw = _from_a_friend(
        "your reference",
        "Northwind rang me this afternoon for a reference for the analyst job. "
        "I said all good things. Fingers crossed!",
    )
    assert classify(parse_message(raw), CONTEXT).kind.value != "not_job_mail"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Executive MBA",
            "Thank you for your interview with the admissions committee. "
            "Unfortunately we cannot offer you a place in the Executive MBA.",
        ),
        (
            "Wohnung",
            "Vielen Dank für Ihre Bewerbungsunterlagen für die Wohnung. "
            "Leider haben wir uns für andere Mietinteressenten entschieden.",
        ),
        (
            "Mutuo",
            "La Sua richiesta di mutuo non è stata accolta, visto il Suo attuale "
            "rapporto di lavoro.",
        ),
    ],
)
def test_words_a_job_shares_with_other_applications_do_not_make_job_mail(subject, body):
    raw = (
        "From: Admissions <office@school.example>\nTo: robin.ash@example.org\n"
        f"Subject: {subject}\n\n{body}\n"
    ).encode()
    result = classify(parse_message(raw), CONTEXT)
    assert result.kind.value == "not_job_mail", result.because
