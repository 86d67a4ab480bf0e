"""What capture answers when applications' pages ask (tracker/applications/events.py).
Connected in CaptureConfig.ready()."""

from tracker.applications.models import Application
from tracker.capture.selectors import application_prior_at_company


def said_when_added(application: Application) -> list[str]:
    """Applied before? Said once the application is saved: the form alone cannot know it
    sooner. Each earlier application at the company, with the person to mention."""
    return [
        f"{before.message} {before.contact_name} is the person to mention."
        if before.contact_name
        else before.message
        for before in application_prior_at_company(
            user=application.owner,
            company_name=application.company.name,
            url=application.url,
            exclude_id=application.pk,
        )
    ]
