"""The rejection reader given what Rebound knows: the user's own address and name (so their
replies and forwards are never taken for the sender), their time zone, and the contacts and
company of the application. A read: it saves nothing."""

from tracker.accounts.models import User
from tracker.accounts.selectors import user_identity
from tracker.applications.models import Application
from tracker.mail import KnownContact, Reading, read_rejection


def rejection_message_read(
    *, user: User, message: str, application: Application | None = None
) -> Reading:
    contacts: list[KnownContact] = []
    companies: list[str] = []
    if application is not None:
        contacts = [
            KnownContact(name=c.name, email=c.email, role=c.role)
            for c in application.contacts.all()
        ]
        companies.append(application.company.name)
    who = user_identity(user)
    return read_rejection(
        message,
        zone=user.zone,
        user_emails=who.addresses,
        user_names=who.names,
        contacts=contacts,
        company_names=companies,
    )
