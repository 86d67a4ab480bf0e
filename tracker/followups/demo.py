"""The demo account's follow-ups: what the follow-up stage would have proposed for the
sample applications (applications/demo.py), the first check-in already sent."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.models import Application, Stage
from tracker.followups import services
from tracker.followups.kinds import Kind
from tracker.followups.models import OPEN_STATUSES, FollowUp


@transaction.atomic
def demo_followups(*, owner: User, now: datetime | None = None) -> None:
    now = now or timezone.now()
    rejected = Application.objects.filter(owner=owner, stage=Stage.REJECTED)
    for application in rejected.select_related("owner", "company"):
        services.followups_propose_for_rejection(application=application, now=now)
    services.followups_propose_nudges(now=now)
    oldest = (
        FollowUp.objects.filter(
            application__owner=owner,
            kind=Kind.KEEP_IN_TOUCH,
            due_at__lt=now,
            status__in=OPEN_STATUSES,
        )
        .order_by("due_at")
        .first()
    )
    if oldest is not None:
        services.followup_mark_sent(followup=oldest, at=oldest.due_at)
