"""The admin lists every model usefully, and its stage changes go through the service."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, contact_for, make_user
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, InterviewKind, Rejection, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(alice: User) -> Client:
    admin_user = make_user(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin_user)
    application = application_for(alice)
    services.interview_create(
        application=application, scheduled_at=timezone.now(), kind=InterviewKind.PHONE_SCREEN
    )
    contact_for(alice)
    services.application_reject(application=application, source=ChangeSource.WEB)
    return client


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.model_name)
def test_every_model_has_a_working_changelist_and_change_page(
    staff_client: Client, model: type
) -> None:
    opts = model._meta  # type: ignore[attr-defined]
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist, {"q": "acme"}).status_code == 200
    first = model.objects.first()  # type: ignore[attr-defined]
    if first is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        assert staff_client.get(change).status_code == 200


def test_the_admin_action_moves_applications_with_history(
    staff_client: Client, alice: User
) -> None:
    application = application_for(alice, company="Globex")

    response = staff_client.post(
        reverse("admin:applications_application_changelist"),
        {"action": "move_to_ghosted", "_selected_action": [application.pk]},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.GHOSTED
    assert application.history.latest("recorded_at").source == ChangeSource.ADMIN


def test_an_application_added_in_the_admin_starts_its_history(
    staff_client: Client, alice: User
) -> None:
    company = Application.objects.get(owner=alice).company

    response = staff_client.post(
        reverse("admin:applications_application_add"),
        {
            "owner": alice.pk,
            "company": company.pk,
            "role": "Admin-made role",
            "source": "referral",
            "salary_currency": "",
            "stage_history-TOTAL_FORMS": "0",
            "stage_history-INITIAL_FORMS": "0",
            "history-TOTAL_FORMS": "0",
            "history-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    created = Application.objects.get(role="Admin-made role")
    assert created.history.get().source == ChangeSource.ADMIN


def test_a_rejection_added_in_the_admin_moves_the_application(
    staff_client: Client, alice: User
) -> None:
    application = application_for(alice, company="Initech")
    received = timezone.localtime()

    response = staff_client.post(
        reverse("admin:applications_rejection_add"),
        {
            "application": application.pk,
            "received_at_0": received.strftime("%Y-%m-%d"),
            "received_at_1": received.strftime("%H:%M:%S"),
            "channel": "phone",
            "sender_role": "recruiter",
            "sender_name": "Sam",
            "sender_email": "",
            "message": "",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    application.refresh_from_db()
    assert application.stage == Stage.REJECTED
    assert application.history.latest("recorded_at").source == ChangeSource.ADMIN
    assert Rejection.objects.get(application=application).channel == "phone"
