"""Add from a link: the page fetched over HTTP through the guarded fetcher, read, saved."""

import pytest
from django.core.exceptions import ValidationError

from tests.capture.jobsite import JobSite
from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Stage
from tracker.capture import services


def test_a_draft_from_a_job_page(alice: User, jobsite: JobSite) -> None:
    draft = services.application_draft_from_url(
        owner=alice, url=jobsite.url("greenhouse_style.html")
    )
    assert draft.posting.company == "Hooli"
    assert draft.posting.role == "Platform Engineer"
    assert draft.initial()["url"] == jobsite.url("greenhouse_style.html")
    assert draft.prior == []


def test_saving_keeps_the_posting(alice: User, jobsite: JobSite) -> None:
    application, _prior = services.application_save_from_url(
        owner=alice, url=jobsite.url("lever_graph.html"), stage=Stage.WISHLIST, keep_copy=True
    )
    application.refresh_from_db()
    assert application.company.name == "Pied Piper"
    assert application.stage == Stage.WISHLIST
    assert "<h3>What you will do</h3>" in application.description
    assert "<script" not in application.description
    assert application.posting_captured_at is not None
    assert "Build the middle-out API." in application.posting_text
    assert application.location == "Remote (Germany / Netherlands)"
    assert application.salary_currency == "EUR"


def test_a_copy_of_the_page_only_when_asked(alice: User, jobsite: JobSite) -> None:
    application, _ = services.application_save_from_url(
        owner=alice, url=jobsite.url("greenhouse_style.html")
    )
    assert application.posting_text == ""
    assert application.description


def test_charset_from_the_server(alice: User, jobsite: JobSite) -> None:
    draft = services.application_draft_from_url(owner=alice, url=jobsite.url("german_latin1.html"))
    assert draft.posting.company == "Müller & Söhne GmbH"


def test_the_redirected_page_is_read(alice: User, jobsite: JobSite) -> None:
    target = jobsite.url("workday_several.html")
    draft = services.application_draft_from_url(
        owner=alice, url=jobsite.url(f"redirect?to={target}")
    )
    assert draft.posting.site_name == "Globex Careers"


def test_applied_before_warns_on_the_draft(alice: User, jobsite: JobSite) -> None:
    application_for(alice, company="Hooli, Inc.", role="SRE")
    draft = services.application_draft_from_url(
        owner=alice, url=jobsite.url("greenhouse_style.html")
    )
    assert [p.role for p in draft.prior] == ["SRE"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("missing.html", "does not exist"),
        ("brochure.pdf", "application/pdf file, not a web page"),
    ],
)
def test_pages_that_are_not_postings(
    alice: User, jobsite: JobSite, path: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.application_draft_from_url(owner=alice, url=jobsite.url(path))
    assert message in caught.value.message_dict["url"][0]


@pytest.mark.parametrize(
    "url", ["ftp://jobs.example/x", "not a url", "http://", "javascript:alert(1)", "http://a@b/"]
)
def test_bad_addresses(alice: User, url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.application_draft_from_url(owner=alice, url=url)
    assert caught.value.message_dict["url"]


def test_a_private_address_is_refused(alice: User, internal: JobSite) -> None:
    with pytest.raises(ValidationError) as caught:
        services.application_draft_from_url(owner=alice, url=internal.url("greenhouse_style.html"))
    message = caught.value.message_dict["url"][0]
    assert "Could not reach" in message
    assert "127.0.0.1" not in message


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/greenhouse_style.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::1]:{port}/greenhouse_style.html",
        "http://localhost:{port}/greenhouse_style.html",
    ],
)
def test_a_redirect_to_a_private_address_is_refused(
    alice: User, jobsite: JobSite, internal: JobSite, target: str
) -> None:
    url = jobsite.url("redirect?to=" + target.format(port=internal.port))
    with pytest.raises(ValidationError) as caught:
        services.application_draft_from_url(owner=alice, url=url)
    assert "Could not reach" in caught.value.message_dict["url"][0]


def test_an_unreachable_site(alice: User) -> None:
    with pytest.raises(ValidationError) as caught:
        services.application_draft_from_url(owner=alice, url="http://127.0.0.2:9/job")
    assert "Could not reach" in caught.value.message_dict["url"][0]


def test_a_page_without_a_company_is_not_saved_half(alice: User, jobsite: JobSite) -> None:
    with pytest.raises(ValidationError) as caught:
        services.application_save_from_url(owner=alice, url=jobsite.url("nothing.html"))
    assert "company" in caught.value.message_dict
    assert not alice.application_set.exists()
