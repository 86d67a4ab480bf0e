"""Feedback on an application's page: its words and its reasons, which the user edits;
Insights counts the reasons by month."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, Feedback

pytestmark = pytest.mark.django_db


def feedback_on(application: Application, *, at: datetime, text: str = "More Go.") -> Feedback:
    return services.feedback_create(application=application, text=text, received_at=at)


def test_the_user_tags_and_corrects_it(
    alice: User, alice_client: Client, bob_client: Client
) -> None:
    application = application_for(alice, company="Hooli")
    feedback = feedback_on(application, at=datetime(2026, 11, 3, tzinfo=UTC))
    url = reverse("feedback_edit", args=[feedback.pk])
    prefix = f"feedback-{feedback.pk}"

    page = alice_client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "More Go." in page
    assert bob_client.post(url, {f"{prefix}-text": "x"}).status_code == 404

    response = alice_client.post(
        url, {f"{prefix}-text": "More Go, and Kubernetes.", f"{prefix}-reasons": ["skills"]}
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.text, feedback.reasons) == ("More Go, and Kubernetes.", ["skills"])


def test_bad_input_is_a_form_error_and_saves_nothing(alice: User, alice_client: Client) -> None:
    application = application_for(alice, company="Hooli")
    feedback = feedback_on(application, at=datetime(2026, 11, 3, tzinfo=UTC))
    prefix = f"feedback-{feedback.pk}"

    response = alice_client.post(
        reverse("feedback_edit", args=[feedback.pk]),
        {f"{prefix}-text": "", f"{prefix}-reasons": ["skills", "luck"]},
    )

    assert response.status_code == 400
    feedback.refresh_from_db()
    assert (feedback.text, feedback.reasons) == ("More Go.", [])


def test_insights_counts_the_reasons_by_month(alice: User, alice_client: Client) -> None:
    first = application_for(alice, company="Hooli")
    second = application_for(alice, company="Globex")
    october = feedback_on(first, at=datetime(2026, 10, 20, 12, tzinfo=UTC))
    services.feedback_update(feedback=october, reasons=["experience", "skills"])
    november = feedback_on(second, at=datetime(2026, 11, 2, 12, tzinfo=UTC))
    services.feedback_update(feedback=november, reasons=["skills"])
    feedback_on(second, at=datetime(2026, 11, 9, 12, tzinfo=UTC))

    response = alice_client.get(reverse("insights"))

    feedback = response.context["summary"].feedback
    assert [(m.month.month, m.counts, m.untagged) for m in feedback.months] == [
        (10, (1, 1, 0, 0, 0), 0),
        (11, (0, 1, 0, 0, 0), 1),
    ]
    assert "What the feedback said, by month" in response.content.decode()
