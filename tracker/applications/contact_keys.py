"""When two contacts are one person: the merge rule, pure (no ORM).

An email address decides first, whatever its case: the same address is the same person,
two different addresses are two people, even of the same name. Where one of them has no
address, the name decides, but only within a company: "Dana Smith" at Acme and "Dana
Smith" at Globex are two people, and a name with no company is too little to merge on.
Names compare as a search does (case, accents and spaces folded).
"""

from dataclasses import dataclass

from tracker.applications.search import search_fold


def contact_email_key(email: str) -> str:
    return email.strip().lower()


def contact_name_key(name: str) -> str:
    return search_fold(name)


@dataclass(frozen=True)
class ContactKeys:
    email: str
    name: str
    company_id: int | None

    @classmethod
    def of(cls, *, name: str, email: str, company_id: int | None) -> "ContactKeys":
        return cls(
            email=contact_email_key(email), name=contact_name_key(name), company_id=company_id
        )


def contacts_same_person(one: ContactKeys, other: ContactKeys) -> bool:
    if one.email and other.email:
        return one.email == other.email
    return (
        one.company_id is not None
        and one.company_id == other.company_id
        and bool(one.name)
        and one.name == other.name
    )


def contact_is_recipient(person: ContactKeys, *, name: str, email: str) -> bool:
    """Whether a message on one of the person's applications, to `name` at `email` (a
    follow-up's recipient, a rejection's sender), is theirs: the rule above, the
    application standing for the company."""
    other = ContactKeys.of(name=name, email=email, company_id=person.company_id)
    if person.email and other.email:
        return person.email == other.email
    return bool(person.name) and person.name == other.name
