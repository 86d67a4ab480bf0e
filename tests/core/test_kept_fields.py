"""The application page's form fields, kept in the fragment cache while their forms are
unbound: the same HTML as crispy renders afresh, and another field as soon as anything it
shows changed (a person to pick, the page's language, a form sent back with errors)."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from tests.factories import application_for, contact_for
from tracker.accounts.models import User
from tracker.applications.forms import ContactForm
from tracker.applications.models import Application
from tracker.applications.services import contact_link
from tracker.core.fragments import FRAGMENT_CACHE
from tracker.core.templatetags.kept_fields import as_kept_field

pytestmark = pytest.mark.django_db


def _page(client: Client, application: Application) -> str:
    response = client.get(reverse("application_detail", args=[application.pk]))
    assert response.status_code == 200
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


def test_a_kept_field_is_the_field_crispy_renders() -> None:
    caches[FRAGMENT_CACHE].clear()
    form = ContactForm(initial={"name": "Dana <Smith>"})

    for field in form:
        assert as_kept_field(field) == as_crispy_field(field)
        assert as_kept_field(field) == as_crispy_field(field)  # now from the cache


def test_the_application_page_reads_the_same_from_the_cache(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice, company="Quiet", notes="Call back on Monday.")
    contact_link(application=application, contact=contact_for(alice, name="Dana Smith"))
    caches[FRAGMENT_CACHE].clear()
    fresh = _page(alice_client, application)

    assert _page(alice_client, application) == fresh


def test_a_person_added_is_there_to_pick_at_once(alice_client: Client, alice: User) -> None:
    application = application_for(alice, company="Quiet")
    contact_link(application=application, contact=contact_for(alice, name="Dana Smith"))
    _page(alice_client, application)
    contact_link(application=application, contact=contact_for(alice, name="Priya Okafor"))

    interviewers = _page(alice_client, application).split('id="div_interview-interviewers"')[1]

    assert "Priya Okafor" in interviewers.split("</fieldset>")[0]


def test_fields_speak_the_pages_language(alice_client: Client, alice: User) -> None:
    application = application_for(alice, company="Quiet")
    _page(alice_client, application)
    alice.language = "de"
    alice.save(update_fields=["language"])

    assert "Notizen" in _page(alice_client, application)


def test_a_form_sent_back_shows_its_errors_not_the_kept_field(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice, company="Quiet")
    _page(alice_client, application)
    url = reverse("application_contact_add", args=[application.pk])

    response = alice_client.post(url, {"name": "", "email": "dana at acme", "role": "recruiter"})

    assert response.status_code == 400
    assert 'value="dana at acme"' in response.content.decode()
    assert "is-invalid" in response.content.decode()
