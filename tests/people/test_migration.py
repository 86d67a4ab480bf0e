"""The migration that makes each contact one person merges the contacts already there by
the rule (an address in any case; else a name at one company), keeps every application,
interview and note of each, and makes a personal rejection's sender one of the people."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.models import Contact

BEFORE = ("applications", "0018_contact_linkedin_url")


@pytest.mark.django_db(transaction=True)
def test_the_contacts_there_are_become_one_a_person() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    try:
        ids = _rows_before(executor)
    finally:
        # Forward again whatever happened: the next tests need today's schema.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    carol = User.objects.get(username="carol")
    people = {c.name: c for c in Contact.objects.filter(owner=carol)}
    assert sorted(people) == ["Dana Smith", "Dana Smith (Globex)", "Lee Park", "Sam Ortiz"]
    dana = people["Dana Smith"]
    # The first one saved stays, with the others' applications, interviews and notes.
    assert dana.pk == ids["dana"]
    assert dana.email == "dana@acme.example"
    assert set(dana.applications.values_list("pk", flat=True)) == {ids["acme"], ids["acme2"]}
    assert list(dana.interviews.values_list("pk", flat=True)) == [ids["interview"]]
    assert dana.notes == "Runs the platform team.\n\nLikes Go."
    # Lee, named twice at Acme without an address, is one person.
    assert set(people["Lee Park"].applications.values_list("pk", flat=True)) == {
        ids["acme"],
        ids["acme2"],
    }
    # The one who wrote the rejection is a person of that application.
    sam = people["Sam Ortiz"]
    assert (sam.email, sam.role) == ("sam@acme.example", "hiring_manager")
    assert list(sam.applications.values_list("pk", flat=True)) == [ids["acme2"]]


def _rows_before(executor: MigrationExecutor) -> dict[str, int]:
    old = executor.loader.project_state([BEFORE]).apps
    Company = old.get_model("applications", "Company")
    Application = old.get_model("applications", "Application")
    Contact = old.get_model("applications", "Contact")
    Interview = old.get_model("applications", "Interview")
    Rejection = old.get_model("applications", "Rejection")
    user = User.objects.create(username="carol")  # accounts' table is today's
    acme = Company.objects.create(owner_id=user.pk, name="Acme", name_key="acme")
    globex = Company.objects.create(owner_id=user.pk, name="Globex", name_key="globex")

    def application(role: str) -> int:
        return int(
            Application.objects.create(
                owner_id=user.pk,
                company_id=acme.pk,
                role=role,
                stage="rejected",
                furthest_stage="interviewing",
                stage_changed_at=timezone.now(),
            ).pk
        )

    first, second = application("Backend Engineer"), application("Platform Engineer")

    def contact(name: str, email: str, company: int, on: int, notes: str = "") -> int:
        made = Contact.objects.create(
            owner_id=user.pk,
            company_id=company,
            name=name,
            search_name=name.lower(),
            email=email,
            role="recruiter",
            notes=notes,
        )
        made.applications.add(on)
        return int(made.pk)

    dana = contact("Dana Smith", "dana@acme.example", acme.pk, first, "Runs the platform team.")
    copy = contact("Dana Smith", "DANA@ACME.example", acme.pk, second, "Likes Go.")
    contact("Dana Smith (Globex)", "dana@globex.example", globex.pk, second)
    contact("Lee Park", "", acme.pk, first)
    contact("Lee Park", "", acme.pk, second)
    interview = Interview.objects.create(
        application_id=second, scheduled_at=timezone.now(), kind="onsite"
    )
    interview.interviewers.add(copy)
    Rejection.objects.create(
        application_id=second,
        received_at=timezone.now(),
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Sam Ortiz",
        sender_email="sam@acme.example",
    )
    Rejection.objects.create(
        application_id=first,
        received_at=timezone.now(),
        channel="automated",
        sender_name="Acme Careers",
        sender_email="no-reply@acme.example",
    )
    return {"dana": dana, "acme": first, "acme2": second, "interview": int(interview.pk)}
