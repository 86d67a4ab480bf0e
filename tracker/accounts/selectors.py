"""Who the user is, as the rooms that read and write mail for them need it: the names they
go by, the addresses that are theirs, and the name they sign with."""

from dataclasses import dataclass

from tracker.accounts.models import User


@dataclass(frozen=True)
class Identity:
    # The name in the settings and Django's first and last name, where given.
    names: tuple[str, ...]
    # Lower-case; the account's address and, where the inbox knows it, the mailbox login.
    addresses: tuple[str, ...]
    # The name in the settings, else Django's (an account made by createsuperuser or the
    # admin); never the username, which no recruiter knows: "" until the user gives their
    # name (sign-up asks for it).
    signing_name: str


def user_identity(user: User, *, mailbox_login: str = "") -> Identity:
    """The user's names and addresses, so that a reader never takes their own replies and
    forwards for the sender; and the name that signs their drafts."""
    names = sorted({n for n in (user.full_name, user.get_full_name()) if n and n.strip()})
    addresses = sorted({a.strip().lower() for a in (user.email, mailbox_login) if "@" in a})
    signing_name = " ".join((user.full_name.strip() or user.get_full_name()).split())
    return Identity(tuple(names), tuple(addresses), signing_name)
