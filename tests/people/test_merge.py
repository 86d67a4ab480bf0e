"""One contact a person: the same address in any case is one person; without an address,
the same name at the same company; the same name at two companies is two people. Every
way a person comes in (the application page, an interviewer by name, a rejection's
sender, the API) keeps to it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.contact_keys import (
    ContactKeys,
    contact_is_recipient,
    contacts_same_person,
)
from tracker.applications.models import ChangeSource, Contact, ContactRole

pytestmark = pytest.mark.django_db


def _keys(name: str, email: str = "", company_id: int | None = 1) -> ContactKeys:
    return ContactKeys.of(name=name, email=email, company_id=company_id)


# --- The rule, pure ----------------------------------------------------------------------


def test_the_same_address_in_another_case_is_one_person() -> None:
    assert contacts_same_person(
        _keys("Dana Smith", "Dana@Acme.example", 1), _keys("D. Smith", "dana@acme.EXAMPLE", 2)
    )


def test_two_addresses_are_two_people_even_of_one_name() -> None:
    assert not contacts_same_person(
        _keys("Dana Smith", "dana@acme.example"), _keys("Dana Smith", "dsmith@acme.example")
    )


def test_without_an_address_the_name_at_one_company_is_one_person() -> None:
    assert contacts_same_person(_keys("Dana Smith"), _keys("  dana   SMITH "))
    assert contacts_same_person(_keys("José Núñez", "jose@acme.example"), _keys("jose nunez"))


def test_the_same_name_at_two_companies_is_two_people() -> None:
    assert not contacts_same_person(
        _keys("Dana Smith", company_id=1), _keys("Dana Smith", company_id=2)
    )


def test_a_name_without_a_company_merges_nothing() -> None:
    assert not contacts_same_person(
        _keys("Dana Smith", company_id=None), _keys("Dana Smith", company_id=None)
    )


def test_a_message_is_theirs_by_address_else_by_name() -> None:
    dana = _keys("Dana Smith", "dana@acme.example")
    lee = _keys("Lee Park", company_id=None)

    assert contact_is_recipient(dana, name="Ms Smith", email="DANA@acme.example")
    assert contact_is_recipient(dana, name="dana smith", email="")
    assert not contact_is_recipient(dana, name="Dana Smith", email="dsmith@acme.example")
    # On one of their applications, a name is enough without a company of their own.
    assert contact_is_recipient(lee, name="LEE PARK", email="lee@acme.example")
    assert not contact_is_recipient(lee, name="Lee", email="")


# --- The services ------------------------------------------------------------------------


def test_a_known_address_in_another_case_finds_the_same_person(alice: User) -> None:
    acme = application_for(alice, company="Acme")
    globex = application_for(alice, company="Globex")
    dana, new = services.contact_find_or_create(
        owner=alice,
        name="Dana Smith",
        email="dana@acme.example",
        role=ContactRole.RECRUITER,
        company=acme.company,
        applications=[acme],
    )
    again, again_new = services.contact_find_or_create(
        owner=alice,
        name="Dana S.",
        email="DANA@ACME.EXAMPLE",
        role=ContactRole.HIRING_MANAGER,
        company=globex.company,
        applications=[globex],
    )

    assert (new, again_new) == (True, False)
    assert again.pk == dana.pk
    assert set(again.applications.all()) == {acme, globex}
    # What was known stays: the first name and role given.
    assert (again.name, again.role) == ("Dana Smith", ContactRole.RECRUITER)


def test_the_same_name_at_the_same_company_is_one_person_and_learns_the_address(
    alice: User,
) -> None:
    first = application_for(alice, company="Acme", role="Backend Engineer")
    second = application_for(alice, company="acme", role="Platform Engineer")
    lee, _ = services.contact_find_or_create(
        owner=alice, name="Lee Park", role="other", company=first.company, applications=[first]
    )

    again, new = services.contact_find_or_create(
        owner=alice,
        name="lee park",
        email="lee@acme.example",
        role=ContactRole.INTERVIEWER,
        company=second.company,
        applications=[second],
    )

    assert not new
    assert again.pk == lee.pk
    again.refresh_from_db()
    assert (again.email, again.role) == ("lee@acme.example", ContactRole.INTERVIEWER)
    assert Contact.objects.filter(owner=alice).count() == 1


def test_the_same_name_at_another_company_is_someone_else(alice: User) -> None:
    acme = application_for(alice, company="Acme")
    globex = application_for(alice, company="Globex")

    one, _ = services.contact_find_or_create(
        owner=alice, name="Dana Smith", role="other", company=acme.company, applications=[acme]
    )
    two, new = services.contact_find_or_create(
        owner=alice, name="Dana Smith", role="other", company=globex.company, applications=[globex]
    )

    assert new
    assert one.pk != two.pk


def test_a_new_person_who_is_already_known_is_refused_naming_them(alice: User) -> None:
    acme = application_for(alice, company="Acme")
    dana = services.contact_create(
        owner=alice, name="Dana Smith", email="dana@acme.example", role="recruiter"
    )
    services.contact_create(owner=alice, name="Lee Park", role="other", company=acme.company)

    with pytest.raises(ValidationError) as by_address:
        services.contact_create(owner=alice, name="Someone", email="DANA@acme.example", role="hr")
    with pytest.raises(ValidationError) as by_name:
        services.contact_create(owner=alice, name="LEE PARK", role="hr", company=acme.company)

    assert f"(id {dana.pk})" in by_address.value.message_dict["email"][0]
    assert "Lee Park at Acme" in by_name.value.message_dict["name"][0]
    assert Contact.objects.filter(owner=alice).count() == 2


def test_becoming_someone_else_by_an_edit_is_refused(alice: User) -> None:
    services.contact_create(owner=alice, name="Dana Smith", email="dana@acme.example", role="hr")
    lee = services.contact_create(owner=alice, name="Lee Park", email="lee@acme.example", role="hr")

    with pytest.raises(ValidationError) as refused:
        services.contact_update(owner=alice, contact=lee, email="Dana@Acme.Example", notes="x")

    assert "email" in refused.value.message_dict
    lee.refresh_from_db()
    assert (lee.email, lee.notes) == ("lee@acme.example", "")


def test_the_database_holds_one_address_a_person_too(alice: User, bob: User) -> None:
    services.contact_create(owner=alice, name="Dana Smith", email="dana@acme.example", role="hr")
    # Another user's people are theirs: bob may know the same person.
    services.contact_create(owner=bob, name="Dana Smith", email="dana@acme.example", role="hr")

    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(owner=alice, name="Copy", email="DANA@acme.example")


def test_a_personal_rejections_sender_becomes_one_of_the_people(alice: User) -> None:
    application = application_for(alice, company="Acme")
    services.contact_create(
        owner=alice,
        name="Dana Smith",
        role="interviewer",
        company=application.company,
        applications=[application],
    )

    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        sender_email="dana@acme.example",
        received_at=timezone.now() - timedelta(hours=2),
    )

    (dana,) = Contact.objects.filter(owner=alice)
    # The interviewer she was, known by name at Acme, now with the address she wrote from.
    assert (dana.email, dana.role) == ("dana@acme.example", "interviewer")
    assert list(dana.applications.all()) == [application]


def test_a_form_letter_brings_nobody(alice: User) -> None:
    application = application_for(alice, company="Acme")

    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="automated",
        sender_name="Acme Talent Team",
        sender_email="no-reply@acme.example",
    )

    assert not Contact.objects.filter(owner=alice).exists()


def test_an_interviewer_named_again_is_the_same_person(alice: User) -> None:
    application = application_for(alice, company="Acme")
    other = application_for(alice, company="Acme", role="Platform Engineer")

    (first,) = services.interviewers_find_or_add(application=application, names=["Lee Park"])
    (second,) = services.interviewers_find_or_add(application=other, names=["lee  park"])

    assert first.pk == second.pk
    assert set(second.applications.all()) == {application, other}


def test_an_address_saved_by_another_request_meanwhile_is_a_refusal_not_a_crash(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.contact_create(owner=alice, name="Dana Smith", email="dana@acme.example")
    # As if the check ran before the other request's row was committed.
    monkeypatch.setattr(
        "tracker.applications.services.contacts.contact_find_same", lambda **_: None
    )

    with pytest.raises(ValidationError) as refused:
        services.contact_create(owner=alice, name="Dana", email="DANA@acme.example")

    assert "email" in refused.value.message_dict
    assert Contact.objects.filter(owner=alice).count() == 1
