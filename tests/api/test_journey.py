"""A script's whole journey through the API, as the README shows it with curl: sign in,
add an application, move it on, get rejected, read the proposed follow-up, send it,
export the record."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tracker.accounts.models import User
from tracker.followups import services as followups
from tracker.followups.models import ProposalJob

pytestmark = pytest.mark.django_db


def _csv(response: object) -> list[dict[str, str]]:
    content = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(content)))


def test_a_script_follows_an_application_from_applying_to_the_sent_follow_up(
    alice: User,
) -> None:
    api = APIClient()
    token = api.post(
        reverse("api:token"), {"username": "alice", "password": "correct horse battery"}
    ).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    now = timezone.now()

    # Applied two weeks ago; a screening call, then interviews from last week.
    created = api.post(
        reverse("api:application-list"),
        {
            "company": "Acme",
            "role": "Backend Engineer",
            "source": "referral",
            "applied_on": (timezone.localdate() - timedelta(days=14)).isoformat(),
        },
    )
    assert created.status_code == 201
    application = created.json()
    url = reverse("api:application-detail", args=[application["id"]])
    for stage, days_ago in (("screening", 10), ("interviewing", 7)):
        moved = api.patch(
            url, {"stage": stage, "stage_changed_at": (now - timedelta(days=days_ago)).isoformat()}
        )
        assert moved.status_code == 200

    # The hiring manager writes, personally, this morning.
    rejected = api.post(
        reverse("api:application-reject", args=[application["id"]]),
        {
            "channel": "personal_email",
            "sender_role": "hiring_manager",
            "sender_name": "Dana Smith",
            "sender_email": "dana@acme.example",
            "received_at": (now - timedelta(hours=3)).isoformat(),
            "message": "Thank you for meeting the team. We went with another candidate.",
        },
    )
    assert rejected.status_code == 200
    assert rejected.json()["stage"] == "rejected"
    assert rejected.json()["furthest_stage"] == "interviewing"

    history = api.get(reverse("api:application-history", args=[application["id"]])).json()
    assert [row["to_stage"] for row in history["results"]] == [
        "applied",
        "screening",
        "interviewing",
        "rejected",
    ]

    # Until the worker has run, there is nothing to read yet.
    followups_url = reverse("api:application-followups", args=[application["id"]])
    assert api.get(followups_url).json()["count"] == 0
    followups.proposal_job_run(job_id=ProposalJob.objects.get(done_at=None).pk)

    proposed = api.get(followups_url).json()["results"]
    reply = next(f for f in proposed if f["kind"] == "rejection_reply")
    assert reply["status"] == "proposed"
    assert reply["recipient_email"] == "dana@acme.example"
    assert "feedback_request" in reply["elements"]
    assert "future_openings" in reply["elements"]
    assert reply["subject"] == "Re: Backend Engineer at Acme"
    assert {f["kind"] for f in proposed} >= {"rejection_reply", "keep_in_touch"}
    due = api.get(reverse("api:followup-list"), {"status": "proposed"}).json()["results"]
    assert reply["id"] in {f["id"] for f in due}

    edited = api.patch(
        reverse("api:followup-detail", args=[reply["id"]]),
        {"body": reply["body"] + "\n\nP.S. I enjoyed the system design session."},
    )
    assert edited.status_code == 200
    sent = api.post(reverse("api:followup-sent", args=[reply["id"]]))
    assert sent.json()["status"] == "sent"

    applications_csv = api.get(reverse("api:export-applications"), {"stage": "rejected"})
    assert applications_csv.status_code == 200
    assert applications_csv["Content-Type"] == "text/csv; charset=utf-8"
    [row] = _csv(applications_csv)
    assert (row["id"], row["company"], row["stage"], row["furthest_stage"]) == (
        str(application["id"]),
        "Acme",
        "rejected",
        "interviewing",
    )
    assert row["followup_status"] == "sent"

    events = _csv(api.get(reverse("api:export-history")))
    assert [e["to"] for e in events if e["event"] == "stage_change"] == [
        "applied",
        "screening",
        "interviewing",
        "rejected",
    ]
    assert [e["event"] for e in events].count("followup_sent") == 1
