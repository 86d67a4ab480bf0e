"""Which application a message is about: a pure decision, tested row by row."""

from tracker.inbox.matching import Candidate, Mail, domain_label, match_application, url_labels

HOOLI = Candidate(id=1, company="Hooli, Inc.", role="Senior Platform Engineer",
                  urls=("https://careers.hooli.example/jobs/42",))  # fmt: skip
HOOLI_DATA = Candidate(id=2, company="Hooli", role="Data Analyst")
GLOBEX = Candidate(
    id=3,
    company="Globex Corporation",
    role="Backend Engineer",
    urls=("https://boards.greenhouse.io/globex/jobs/123",),
    contact_emails=("Dana@Gmail.example",),
)
ALL = [HOOLI, HOOLI_DATA, GLOBEX]


def test_domain_label_drops_subdomains_and_country_suffixes() -> None:
    assert domain_label("mail.hooli.co.uk") == "hooli"
    assert domain_label("www.hooli.com") == "hooli"
    assert domain_label("hooli.example") == "hooli"


def test_an_ats_url_names_the_company_in_its_path_or_host() -> None:
    assert url_labels("https://boards.greenhouse.io/globex/jobs/1") == {"globex"}
    assert url_labels("https://globex.wd5.myworkdayjobs.com/en-US/careers") == {"globex"}
    assert url_labels("https://jobs.lever.co/hooli/abc") == {"hooli"}
    assert url_labels("") == set()


def test_the_sender_domain_and_the_role_in_the_subject_pick_one_of_two_at_a_company() -> None:
    mail = Mail(sender_email="dave@hooli.example", subject="Senior Platform Engineer")
    found = match_application(mail, ALL)
    assert found.application_id == HOOLI.id
    assert any("hooli.example" in e for e in found.evidence)
    assert any("role" in e for e in found.evidence)


def test_a_contact_writing_from_a_personal_address_matches_their_application() -> None:
    mail = Mail(sender_email="dana@gmail.example", subject="Quick note")
    assert match_application(mail, ALL).application_id == GLOBEX.id


def test_an_ats_sender_is_matched_by_the_company_named_in_the_sender_name() -> None:
    mail = Mail(sender_email="no-reply@greenhouse.io", sender_name="Globex Recruiting")
    assert match_application(mail, ALL).application_id == GLOBEX.id


def test_an_earlier_thread_wins() -> None:
    earlier = Candidate(id=9, company="Initech", role="SRE", thread_ids=("<a1@initech.example>",))
    mail = Mail(sender_email="x@unrelated.example", thread_ids=("<A1@initech.example>",))
    assert match_application(mail, [*ALL, earlier]).application_id == 9


def test_the_role_alone_never_decides() -> None:
    mail = Mail(sender_email="someone@else.example", subject="Senior Platform Engineer role")
    found = match_application(mail, ALL)
    assert found.application_id is None
    assert found.evidence


def test_two_applications_that_fit_equally_are_left_for_the_user() -> None:
    mail = Mail(sender_email="jobs@hooli.example", subject="Your application")
    found = match_application(mail, [HOOLI, HOOLI_DATA])
    assert found.application_id is None
    assert "pick one" in found.evidence[0]


def test_company_names_are_compared_without_legal_forms_case_or_accents() -> None:
    cafe = Candidate(id=5, company="Café Noir S.A.", role="Barista")
    mail = Mail(sender_email="x@mail.example", subject="Votre candidature chez CAFE NOIR")
    assert match_application(mail, [cafe]).application_id == 5


def test_nothing_matches_when_no_company_is_named() -> None:
    assert match_application(Mail(sender_email="a@b.example"), ALL).application_id is None
    assert match_application(Mail(), []).application_id is None


def test_a_hyphenated_domain_is_the_company_it_spells() -> None:
    umbrella = Candidate(id=7, company="Umbrella Analytics", role="Data Analyst II")
    found = match_application(Mail(sender_email="talent@umbrella-analytics.com"), [umbrella])
    assert found.application_id == 7


def test_a_late_form_letter_about_a_closed_role_finds_it_by_the_role_in_its_body() -> None:
    senior = Candidate(id=8, company="Hooli", role="Senior Engineer", closed=True)
    staff = Candidate(id=9, company="Hooli", role="Staff Engineer")
    letter = Mail(
        sender_email="no-reply@hooli.com",
        subject="Your application",
        text="Thank you for applying for the Senior Engineer position. We went with others.",
    )
    assert match_application(letter, [senior, staff]).application_id == 8
    # Without the role, the open one comes first.
    plain = Mail(sender_email="no-reply@hooli.com", subject="Your application", text="No.")
    assert match_application(plain, [senior, staff]).application_id == 9


def test_two_open_applications_at_one_company_that_tie_ask_which() -> None:
    one = Candidate(id=10, company="Hooli", role="Platform Engineer")
    two = Candidate(id=11, company="Hooli", role="Data Engineer")
    found = match_application(Mail(sender_email="jobs@hooli.com", subject="Hello"), [one, two])
    assert found.application_id is None
    assert "pick one" in found.evidence[0]
