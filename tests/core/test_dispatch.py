"""Sending a task never fails the request that saved the change: no result store is
touched, and whatever Celery raises is logged and left to the sweeper."""

import pytest
from celery import current_app
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.core.dispatch import dispatch
from tracker.followups.models import ProposalJob


def test_a_task_sent_by_name_never_touches_the_result_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def store_down(*args: object, **kwargs: object) -> None:
        raise RuntimeError(
            "Retry limit exceeded while trying to reconnect to the Celery result store backend."
        )

    monkeypatch.setattr(type(current_app.backend), "on_task_call", store_down)
    assert dispatch("tracker.core.tasks.planner_statistics_task") is True


@pytest.mark.django_db(transaction=True)
def test_whatever_celery_raises_after_the_commit_the_saved_rejection_is_answered_as_saved(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("anything at all")

    monkeypatch.setattr(current_app, "send_task", broken)
    application = application_for(alice)
    client = Client()
    client.force_login(alice)

    response = client.post(
        reverse("application_reject", args=[application.pk]),
        {
            "channel": "personal_email",
            "sender_role": "recruiter",
            "sender_name": "Dana Smith",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "rejected"
    assert ProposalJob.objects.filter(application=application, done_at=None).exists()
