"""The email reader, one failure class at a time."""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tracker.applications.models import ContactRole
from tracker.mail import (
    CHANNELS,
    SENDER_ROLES,
    KnownContact,
    MailKind,
    classify,
    parse_message,
    read_rejection,
)
from tracker.mail.addresses import find_addresses
from tracker.mail.roles import role_from_title
from tracker.mail.signature import find_signature

BERLIN = ZoneInfo("Europe/Berlin")
ME = {"user_emails": ["sam.rivera@gmail.com"], "user_names": ["Sam Rivera"]}


def raw(headers: str, body: str) -> bytes:
    return (headers.strip() + "\nMIME-Version: 1.0\n\n" + body).encode()


def read(message: str | bytes, **kwargs):
    return read_rejection(message, zone=BERLIN, **{**ME, **kwargs})


# -- vocabulary ---------------------------------------------------------------------


def test_a_contact_role_the_form_cannot_show_reads_as_unknown():
    assert set(ContactRole.values) - set(SENDER_ROLES) == {"other"}
    reading = read(
        "Sorry, we went with someone else.\n\nBest,\nAlex Moreno\nEngineering Manager",
        contacts=[KnownContact(name="Alex Moreno", email="", role="other")],
    )
    assert (reading.channel, reading.sender_role) == ("personal_email", "unknown")


# -- headers ------------------------------------------------------------------------


def test_it_decodes_encoded_names_and_both_address_forms():
    encoded = parse_message(
        raw(
            "From: =?UTF-8?Q?Jos=C3=A9_Mu=C3=B1oz?= <jose@acme.es>\nSubject: =?utf-8?b?SG9sYQ==?=",
            "x",
        )
    )
    assert (encoded.from_name, encoded.from_email, encoded.subject) == (
        "José Muñoz",
        "jose@acme.es",
        "Hola",
    )
    paren = parse_message(raw("From: dana@acme.com (Dana Smith)\nSubject: x", "x"))
    assert (paren.from_name, paren.from_email) == ("Dana Smith", "dana@acme.com")
    directory = parse_message(raw('From: "Smith, Dana" <Dana@Acme.com>\nSubject: x', "x"))
    assert (directory.from_name, directory.from_email) == ("Dana Smith", "dana@acme.com")


def test_the_date_header_is_received_at_in_the_users_zone():
    reading = read(
        raw(
            "From: Dana Smith <dana@acme.com>\nDate: Tue, 03 Nov 2026 16:12:00 -0500",
            "We went another way.\n\nDana Smith\nRecruiter",
        )
    )
    assert reading.received_at == datetime(2026, 11, 3, 22, 12, tzinfo=BERLIN)
    assert reading.received_at.tzinfo == BERLIN


def test_a_sent_line_without_a_zone_is_wall_time_in_the_users_zone():
    reading = read(
        "From: Dana Smith <dana@acme.com>\nSent: Tuesday, November 3, 2026 4:12 PM\n"
        "To: Sam Rivera\nSubject: RE: x\n\nWe went another way.\n\nDana"
    )
    assert reading.received_at == datetime(2026, 11, 3, 16, 12, tzinfo=BERLIN)
    assert (reading.sender_name, reading.sender_email) == ("Dana Smith", "dana@acme.com")


def test_auto_submitted_and_bulk_headers_mean_a_form_letter():
    for header in ("Auto-Submitted: auto-generated", "Precedence: bulk"):
        reading = read(raw(f"From: Dana Smith <dana@acme.com>\n{header}", "No.\n\nDana Smith"))
        assert reading.channel == "automated", header
        assert reading.because
    not_auto = read(
        raw("From: Dana Smith <dana@acme.com>\nAuto-Submitted: no", "No.\n\nDana Smith")
    )
    assert not_auto.channel == "personal_email"


# -- newest part, quotes and forwards ----------------------------------------------

QUOTED = "Hi Sam,\nwe went with another candidate.\n\nBest,\nDana Smith\nRecruiter"


@pytest.mark.parametrize(
    "attribution",
    [
        "On Tue, Nov 3, 2026 at 4:12 PM Dana Smith <dana@acme.com> wrote:",
        "Am Di., 3. Nov. 2026 um 16:12 Uhr schrieb Dana Smith <dana@acme.com>:",
        "Le mar. 3 nov. 2026 à 16:12, Dana Smith <dana@acme.com> a écrit :",
        "El mar, 3 nov 2026 a las 16:12, Dana Smith (<dana@acme.com>) escribió:",
    ],
)
def test_a_reply_from_the_user_hands_over_to_the_message_it_quotes(attribution):
    quoted = "\n".join("> " + line for line in QUOTED.split("\n"))
    message = raw(
        "From: Sam Rivera <sam.rivera@gmail.com>\nTo: dana@acme.com\nSubject: Re: x",
        f"Thanks Dana, understood.\n\nSam\n\n{attribution}\n{quoted}\n",
    )
    reading = read(message)
    assert (reading.channel, reading.sender_name, reading.sender_email) == (
        "personal_email",
        "Dana Smith",
        "dana@acme.com",
    )
    assert reading.received_at == datetime(2026, 11, 3, 16, 12, tzinfo=BERLIN)


@pytest.mark.parametrize(
    "separator",
    [
        "---------- Forwarded message ---------",
        "-------- Weitergeleitete Nachricht --------",
        "-------- Message transféré --------",
        "---------- Mensaje reenviado ----------",
        "Begin forwarded message:",
    ],
)
def test_a_forward_from_the_users_own_account_reads_the_forwarded_message(separator):
    message = raw(
        "From: Sam Rivera <sam.rivera@gmail.com>\nSubject: Fwd: x",
        f"fyi\n\n{separator}\nFrom: Dana Smith <dana@acme.com>\n"
        f"Date: Tue, 3 Nov 2026 16:12:00 +0000\nSubject: x\nTo: Sam <sam.rivera@gmail.com>\n\n"
        f"{QUOTED}",
    )
    reading = read(message)
    assert (reading.sender_name, reading.sender_email, reading.sender_role) == (
        "Dana Smith",
        "dana@acme.com",
        "recruiter",
    )
    assert reading.received_at == datetime(2026, 11, 3, 17, 12, tzinfo=BERLIN)


def test_an_outlook_block_splits_the_newest_from_what_it_quotes():
    message = parse_message(
        "Thanks!\n\nFrom: Dana Smith <dana@acme.com>\nSent: Tuesday, November 3, 2026 4:12 PM\n"
        "To: Sam\nSubject: RE: x\n\nNo news, sorry."
    )
    assert message.newest == "Thanks!"
    assert [s.author_email for s in message.segments] == ["", "dana@acme.com"]


def test_the_sender_is_never_a_quoted_earlier_message():
    message = raw(
        "From: Dana Smith <dana@acme.com>\nSubject: Re: x",
        "Sorry Sam, the team went another way.\n\nDana Smith\nEngineering Manager\n\n"
        "On Mon, Nov 2, 2026 at 9:00 AM Lee Park <lee@acme.com> wrote:\n"
        "> Hi Sam, I'll pass you to Dana.\n> Lee Park\n> Senior Recruiter\n",
    )
    reading = read(message)
    assert (reading.sender_name, reading.sender_role) == ("Dana Smith", "hiring_manager")


def test_html_only_mail_is_read_as_text():
    message = parse_message(
        raw(
            "From: Dana Smith <dana@acme.com>\nContent-Type: text/html; charset=utf-8",
            "<p>Hi&nbsp;Sam,</p><p>Sorry.</p><p>Best,<br>Dana</p>"
            "<blockquote>Hi Dana, any news?</blockquote><script>alert(1)</script>",
        )
    )
    assert message.newest == "Hi Sam,\nSorry.\nBest,\nDana"
    assert "alert" not in message.body


# -- channel -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sender",
    [
        "no-reply@acme.com",
        "donotreply@acme.com",
        "notifications@acme.com",
        "acme@myworkday.com",
        "dana@hire.lever.co",
    ],
)
def test_a_no_reply_or_tracking_system_address_is_a_form_letter(sender):
    reading = read(raw(f"From: Acme <{sender}>", "We went another way.\n\nBest,\nDana Smith"))
    assert (reading.channel, reading.sender_email, reading.sender_name) == ("automated", "", "")


@pytest.mark.parametrize(
    "signed", ["The Talent Team", "Acme Recruiting", "Acme Human Resources", "Acme", "L'équipe RH"]
)
def test_a_team_or_company_with_no_individual_author_is_a_form_letter(signed):
    reading = read(
        f"Hi Sam,\n\nWe went another way.\n\nBest regards,\n{signed}", company_names=["Acme"]
    )
    assert reading.channel == "automated", signed


def test_a_named_person_from_their_own_address_is_personal_despite_template_lines():
    reading = read(
        raw(
            "From: Dana Smith <dana.smith@acme.com>",
            "Due to the high volume of applications we have decided to move forward with "
            "candidates whose experience more closely matches. We will keep your resume on "
            "file.\n\nRegards,\nDana Smith\nRecruiting Manager",
        )
    )
    assert (reading.channel, reading.sender_role) == ("personal_email", "recruiter")
    assert "Although" in " ".join(reading.because)


def test_keep_your_details_on_file_in_a_personal_note_stays_personal():
    reading = read(
        "Hi Sam,\nthanks for the chat. We went with someone else, but we'll keep your details "
        "on file.\n\nBest,\nLee Park\nSenior Recruiter"
    )
    assert (reading.channel, reading.sender_name, reading.sender_role) == (
        "personal_email",
        "Lee Park",
        "recruiter",
    )


def test_stock_phrases_tip_the_balance_only_when_nothing_says_who_wrote():
    form = read("Due to the high volume of applications, we will keep your resume on file.")
    assert form.channel == "automated"
    assert any("stock phrase" in reason for reason in form.because)
    nothing = read("We will not be moving forward.")
    assert nothing.channel == "unknown"
    assert nothing.confidence < 0.5


def test_every_reading_carries_a_confidence_and_its_evidence():
    reading = read(raw("From: Acme <no-reply@acme.com>", "No."))
    assert "From a no-reply address (no-reply@acme.com)" in reading.because
    assert 0.5 < reading.confidence <= 1
    signed = read("Sorry.\n\nBest,\nDana Whitfield\nEngineering Manager")
    assert "Signed Dana Whitfield, Engineering Manager" in signed.because


# -- signatures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "name", "title"),
    [
        ("Dana Whitfield | Senior Recruiter | Acme", "Dana Whitfield", "Senior Recruiter"),
        ("~ Dana", "Dana", ""),
        ("— Dana Whitfield", "Dana Whitfield", ""),
        ("Best,\nMarco de la Cruz, Ph.D.\nHead of Data", "Marco de la Cruz", "Head of Data"),
        ("Thanks,\nSam Patel, MBA", "Sam Patel", ""),
        ("Mit freundlichen Grüßen\n\nHans von Berg\nTeamleiter", "Hans von Berg", "Teamleiter"),
        ("Bien cordialement,\nJean-Luc Moreau", "Jean-Luc Moreau", ""),
        ("Un saludo,\nLucía Fernández", "Lucía Fernández", ""),
        ("Wishing you the best,\nAna da Silva", "Ana da Silva", ""),
        ("Best, Dana", "Dana", ""),
    ],
)
def test_signatures_in_their_usual_shapes(tail, name, title):
    signature = find_signature(f"Hi Sam,\nsorry.\n\n{tail}")
    assert (signature.name, signature.title) == (name, title)


def test_an_outlook_image_is_never_an_address():
    text = "Best,\nDana\n[cid:image001.png@01DB2F3C.5A1E0B70]\nmailto:dana@acme.com"
    assert find_addresses(text) == ["dana@acme.com"]


# -- roles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Talent Acquisition Manager", "recruiter"),
        ("HR Manager", "hr"),
        ("Recruiting Manager", "recruiter"),
        ("Head of People", "hr"),
        ("Director of Talent Acquisition", "recruiter"),
        ("Engineering Manager", "hiring_manager"),
        ("Head of Data", "hiring_manager"),
        ("CTO", "hiring_manager"),
        ("VP Engineering", "hiring_manager"),
        ("Founder", "hiring_manager"),
        ("Recruiter, Public Sector", "recruiter"),
        ("Senior Software Engineer", "interviewer"),
        ("Personalreferentin", "hr"),
        ("Chargée de recrutement", "recruiter"),
        ("Responsable de Selección", "recruiter"),
        ("Accounts Payable", "unknown"),
    ],
)
def test_roles_by_whole_words_and_meaning(title, role):
    assert role_from_title(title) == role


def test_roles_are_whole_words():
    assert role_from_title("Chroma Specialist") == "unknown"  # "hr" inside a word
    assert role_from_title("Ctography") == "unknown"


# -- contacts ------------------------------------------------------------------------------


def test_contacts_by_address_first_then_full_name_then_first_name():
    dana = KnownContact(name="Dana Whitfield", email="dw@acme.com", role="hiring_manager")
    lee = KnownContact(name="Lee Park", email="lee@acme.com", role="recruiter")
    by_email = read(
        raw("From: Someone <dw@acme.com>", "No.\n\nBest,\nLee Park"), contacts=[lee, dana]
    )
    assert (by_email.sender_name, by_email.sender_role) == ("Dana Whitfield", "hiring_manager")
    by_name = read("No.\n\nBest,\nLee Park\nEngineering Manager", contacts=[dana, lee])
    assert (by_name.sender_email, by_name.sender_role) == ("lee@acme.com", "recruiter")
    by_first = read("No.\n\nBest,\nDana", contacts=[dana, lee])
    assert by_first.sender_name == "Dana Whitfield"
    ambiguous = read(
        "No.\n\nBest,\nDana", contacts=[dana, KnownContact(name="Dana Ng", email="", role="hr")]
    )
    assert ambiguous.sender_role == "unknown"


# -- classify ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        (
            "Your application",
            "Unfortunately we will not be moving forward with your application.",
            MailKind.REJECTION,
        ),
        (
            "Interview",
            "We'd like to invite you to an interview. Please share your availability.",
            MailKind.INTERVIEW_INVITATION,
        ),
        (
            "Offer",
            "We are delighted to offer you the position. Your offer letter is attached.",
            MailKind.OFFER,
        ),
        (
            "Thanks for applying",
            "Thank you for your application. We have received it.",
            MailKind.APPLICATION_RECEIVED,
        ),
        (
            "Ihre Bewerbung",
            "Leider haben wir uns für andere Kandidaten entschieden.",
            MailKind.REJECTION,
        ),
        (
            "Candidature",
            "Nous ne pourrons pas donner suite à votre candidature.",
            MailKind.REJECTION,
        ),
        ("Lunch?", "Want to grab lunch on Friday?", MailKind.NOT_JOB_MAIL),
    ],
)
def test_classify_tells_job_mail_apart(subject, body, kind):
    message = parse_message(raw(f"From: x@acme.com\nSubject: {subject}", body))
    result = classify(message)
    assert result.kind is kind
    assert result.because


# -- time and size ---------------------------------------------------------------------------

ADVERSARIAL = {
    "word characters": "a" * 200_000,
    "at signs": "a@" * 100_000,
    "dots": "a." * 100_000,
    "quote marks": "> x\n" * 50_000,
    "attribution starts": "On " * 66_666,
    "header lines": "From: x\n" * 25_000,
    "stock phrase starts": "keep your " * 20_000,
    "names": "Dana Smith\n" * 18_000,
    "sign-offs": "Best,\n" * 33_000,
    "pipes": "a | " * 50_000,
    "cid": "[cid:" + "a" * 200_000,
    "long header": "From: " + "a" * 200_000 + "\n\nhi",
}


@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_reading_is_linear_time(shape):
    text = ADVERSARIAL[shape]
    assert len(text) >= 100_000
    started = time.perf_counter()
    read(text)
    classify(parse_message(text))
    assert time.perf_counter() - started < 0.5


def test_hostile_mime_is_capped_not_crashed():
    nested = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000)
    )
    html = "Content-Type: text/html\n\n" + "<div><blockquote>" * 30_000
    big = "Content-Type: text/plain\n\n" + "x " * 2_000_000
    for body in (nested, html, big):
        message = f"From: Dana <dana@acme.com>\nSubject: {'s' * 100_000}\n{body}"
        started = time.perf_counter()
        reading = read(message.encode())
        assert time.perf_counter() - started < 1.5
        assert reading.channel in CHANNELS


def test_broken_charsets_and_encodings_never_raise():
    message = (
        b"From: =?x-unknown?q?Dana?= <dana@acme.com>\nContent-Type: text/plain; charset=klingon\n"
        b"Content-Transfer-Encoding: base64\n\n!!!not base64\xff\xfe"
    )
    assert parse_message(message).from_email == "dana@acme.com"
    read(message)


@pytest.mark.parametrize("sign_off", ["All my best,", "Have a lovely weekend,", "Yours,"])
def test_a_sign_off_not_in_the_lists_still_ends_the_letter(sign_off):
    signature = find_signature(f"Hi Sam,\n\nWe went another way.\n\n{sign_off}\nDana Whitfield")
    assert signature.name == "Dana Whitfield"


def test_a_greeting_with_a_comma_is_no_sign_off():
    assert find_signature("Hi Sam,\nDana Whitfield will call you.").name == ""


def test_contacts_match_whatever_the_accents_and_case():
    contact = KnownContact(name="José Núñez", email="", role="hiring_manager")
    reading = read("Sorry.\n\nBest,\nJose Nunez", contacts=[contact])
    assert (reading.sender_name, reading.sender_role) == ("José Núñez", "hiring_manager")


def test_an_upper_case_display_name_is_a_person():
    reading = read(raw("From: DANA SMITH <dana.smith@acme.com>", "We went another way."))
    assert (reading.channel, reading.sender_name) == ("personal_email", "Dana Smith")


def test_a_person_at_a_company_with_accents_in_its_name_is_read_against_its_domain():
    # "Société Lumière" writes from societe-lumiere.fr: the accents fold away on both sides.
    reading = read(
        raw(
            "From: Claire Dubois <claire.dubois@societe-lumiere.fr>",
            "Bonjour Sam, nous avons choisi une autre personne pour le poste.\n\nClaire",
        ),
        company_names=["Société Lumière"],
    )
    assert (reading.channel, reading.sender_role) == ("personal_email", "hiring_manager")
