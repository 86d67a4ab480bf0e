"""The dashboard's add page: a job link fetched, the form pre-filled, the posting kept."""

from django.test import Client
from django.urls import reverse

from tests.capture.jobsite import JobSite
from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application


def test_the_add_page_offers_a_link(alice_client: Client) -> None:
    page = alice_client.get(reverse("application_create")).content.decode()
    assert 'action="/applications/new/from-link/"' in page
    assert "Start from a job link" in page


def test_a_link_prefills_the_form_then_saving_keeps_the_posting(
    alice: User, alice_client: Client, jobsite: JobSite
) -> None:
    url = jobsite.url("greenhouse_style.html")
    page = alice_client.post(reverse("application_add_from_link"), {"url": url, "keep_copy": "on"})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["company"] == "Hooli"
    assert form.initial["role"] == "Platform Engineer"
    assert "Apply for this job" in form.initial["posting_text"]
    body = page.content.decode()
    assert 'action="/applications/new/from-link/save/"' in body
    assert "from JSON-LD JobPosting" in body

    data = {k: v for k, v in form.initial.items() if v is not None}
    data |= {"stage": "applied", "source": "job_board"}
    saved = alice_client.post(reverse("application_save_from_link"), data)
    application = Application.objects.get(owner=alice)
    assert saved.status_code == 302
    assert saved["Location"] == f"/applications/{application.pk}/"
    assert application.posting_captured_at
    assert "Apply for this job" in application.posting_text
    detail = alice_client.get(saved["Location"]).content.decode()
    assert 'id="posting"' in detail
    assert "<strong>platform</strong>" in detail
    assert "The page as it was" in detail


def test_applied_before_is_shown_with_the_person_to_mention(
    alice: User, alice_client: Client, jobsite: JobSite
) -> None:
    before = application_for(alice, company="Hooli Inc", role="Site Reliability Engineer")
    contact = services.contact_create(
        owner=alice, name="Dave Okafor", role="hiring_manager", email="dave@hooli.example"
    )
    services.contact_link(application=before, contact=contact)
    page = alice_client.post(
        reverse("application_add_from_link"), {"url": jobsite.url("greenhouse_style.html")}
    )
    body = page.content.decode()
    assert "You applied to Hooli Inc for Site Reliability Engineer in" in body
    assert "Dave Okafor" in body
    assert "is the person to mention" in body


def test_errors_are_form_errors(alice_client: Client, jobsite: JobSite, internal: JobSite) -> None:
    for url, message in [
        ("", "This field is required."),
        ("ftp://x.example/job", "Only http:// and https://"),
        (internal.url("greenhouse_style.html"), "Could not reach that address"),
        (jobsite.url("gone.html"), "does not exist"),
        (jobsite.url("cv.pdf"), "not a web page"),
    ]:
        page = alice_client.post(reverse("application_add_from_link"), {"url": url})
        assert page.status_code == 400, url
        assert message in page.content.decode(), url
        assert "127.0.0.1" not in page.context["link_form"].errors.as_text()


def test_saving_a_bad_draft_shows_the_form_again(alice: User, alice_client: Client) -> None:
    page = alice_client.post(reverse("application_save_from_link"), {"company": "", "role": ""})
    assert page.status_code == 400
    assert not Application.objects.filter(owner=alice).exists()


def test_the_posting_section_escapes_what_slipped_through(
    alice: User, alice_client: Client
) -> None:
    application = application_for(alice)
    # Written around the services (a raw SQL import, an old row): still shown safely.
    Application.objects.filter(pk=application.pk).update(
        description='<p>Hi</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    body = alice_client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "<p>Hi</p>" in body
    assert "alert(1)" not in body
    assert "onerror" not in body


def test_the_table_search_finds_words_of_the_posting(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Hooli", description="<p>We love Kubernetes.</p>")
    application_for(alice, company="Initech")
    page = alice_client.get(reverse("application_table"), {"q": "kubernetes"})
    body = page.content.decode()
    assert "Hooli" in body
    assert "Initech" not in body


def test_the_plain_add_form_warns_once_saved(alice: User, alice_client: Client) -> None:
    application_for(alice, company="Hooli", role="SRE")
    saved = alice_client.post(
        reverse("application_create"),
        {
            "company": "hooli, inc.",
            "role": "Platform Engineer",
            "stage": "applied",
            "source": "job_board",
        },
        follow=True,
    )
    body = saved.content.decode()
    assert "Added Platform Engineer at" in body
    assert "You applied to Hooli for SRE in" in body
