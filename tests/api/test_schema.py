"""The API describes itself: a valid OpenAPI 3 schema at /api/schema/, docs served from
our own static files, and schemathesis finding no server error and no response that the
schema does not describe."""

import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from tests.factories import application_for, rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.api import services as api_tokens
from tracker.applications import services as applications_services
from tracker.applications.models import (
    Contact,
    ContactRole,
    FeedbackReason,
    InterviewKind,
    Source,
    Stage,
)
from tracker.applications.services import contact_create
from tracker.followups import services as followups
from tracker.followups.kinds import Element
from tracker.followups.models import KIND_CHOICES, FollowUpStatus
from tracker.inbox.models import InboxItem, ItemKind, Via
from tracker.mail.vocabulary import CHANNELS, SENDER_ROLES
from tracker.notifications.models import Notification
from tracker.worksearch import services as worksearch
from tracker.worksearch.vocabulary import ActivityKind, Layout
from tracker.wsgi import application as wsgi_application

pytestmark = pytest.mark.django_db


def _schema(client: Client) -> dict[str, Any]:
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


def test_the_schema_is_valid_openapi_3(client: Client) -> None:
    schema = _schema(client)

    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_the_schema_generates_without_a_warning(tmp_path: Path) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yml")


def test_the_schema_documents_every_endpoint_of_the_contract(client: Client) -> None:
    paths = _schema(client)["paths"]

    contract = {
        "/api/auth/token/": {"post"},
        "/api/applications/": {"get", "post"},
        "/api/applications/{id}/": {"get", "patch", "delete"},
        "/api/applications/{id}/reject/": {"post"},
        "/api/applications/{id}/history/": {"get"},
        "/api/applications/{id}/interviews/": {"get", "post"},
        "/api/applications/{id}/followups/": {"get"},
        "/api/applications/from-url/": {"post"},
        "/api/applications/applied-before/": {"get"},
        "/api/followups/": {"get"},
        "/api/followups/{id}/": {"get", "patch"},
        "/api/followups/{id}/sent/": {"post"},
        "/api/followups/{id}/skip/": {"post"},
        "/api/followups/{id}/unskip/": {"post"},
        "/api/followups/{id}/rebuild/": {"post"},
        "/api/followups/{id}/snooze/": {"post"},
        "/api/followups/{id}/unsent/": {"post"},
        "/api/followups/{id}/detach-answer/": {"post"},
        "/api/feedback/": {"get"},
        "/api/feedback/{id}/": {"get", "patch"},
        "/api/notifications/": {"get"},
        "/api/notifications/{id}/read/": {"post"},
        "/api/rejections/parse/": {"post"},
        "/api/inbox/": {"get"},
        "/api/inbox/items/": {"get"},
        "/api/inbox/items/{id}/": {"get"},
        "/api/inbox/items/{id}/confirm/": {"post"},
        "/api/inbox/items/{id}/dismiss/": {"post"},
        "/api/inbox/items/{id}/assign/": {"post"},
        "/api/export/applications.csv": {"get"},
        "/api/export/history.csv": {"get"},
        "/api/activities/": {"get", "post"},
        "/api/activities/{id}/": {"get", "delete"},
        "/api/contacts/": {"get", "post"},
        "/api/contacts/{id}/": {"get", "patch"},
        "/api/contacts/vcard/": {"get"},
        "/api/contacts/{id}/vcard/": {"get"},
        "/api/work-search-log/": {"get"},
    }
    assert {path: set(operations) - {"parameters"} for path, operations in paths.items()} == (
        contract
    )


def test_the_schema_names_each_vocabulary_with_its_values(client: Client) -> None:
    components = _schema(client)["components"]["schemas"]

    def enum(name: str) -> list[str]:
        values: list[str] = components[name]["enum"]
        return values

    assert enum("StageEnum") == Stage.values
    assert enum("SourceEnum") == Source.values
    assert enum("ChannelEnum") == list(CHANNELS)
    assert enum("SenderRoleEnum") == list(SENDER_ROLES)
    assert enum("InterviewKindEnum") == InterviewKind.values
    assert enum("ContactRoleEnum") == ContactRole.values
    assert enum("KindEnum") == [value for value, _ in KIND_CHOICES]
    assert enum("FollowUpStatusEnum") == FollowUpStatus.values
    assert enum("ElementEnum") == [e.value for e in Element]
    assert enum("ActivityKindEnum") == [kind.value for kind in ActivityKind]
    assert enum("LayoutEnum") == [layout.value for layout in Layout]
    assert enum("ReasonsEnum") == FeedbackReason.values


def test_the_main_requests_come_with_examples(client: Client) -> None:
    paths = _schema(client)["paths"]

    for path, method in [
        ("/api/auth/token/", "post"),
        ("/api/applications/", "post"),
        ("/api/applications/{id}/", "patch"),
        ("/api/applications/{id}/reject/", "post"),
        ("/api/applications/{id}/interviews/", "post"),
        ("/api/followups/{id}/snooze/", "post"),
        ("/api/rejections/parse/", "post"),
        ("/api/contacts/", "post"),
        ("/api/contacts/{id}/", "patch"),
    ]:
        body = paths[path][method]["requestBody"]["content"]["application/json"]
        assert body["examples"], (path, method)


def test_the_docs_are_served_from_our_own_static_files(client: Client) -> None:
    page = client.get(reverse("api:docs"))
    script = client.get(reverse("api:docs"), {"script": ""})

    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    for cdn in ("cdn.", "jsdelivr", "unpkg", "https://"):
        assert cdn not in html
    # The Content Security Policy forbids inline scripts and styles; the page has none.
    assert "<style>" not in html
    assert "<script>" not in html
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert reverse("api:schema") in script.content.decode()


# --- Fuzzing -----------------------------------------------------------------------------

# Loaded the way a client loads it: from /api/schema/, through the WSGI application.
schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_application)
# Data the schema allows and data it forbids: the API must accept the one and refuse the
# other, so that the schema is the API's contract in both directions.
schema.config.generation.update(modes=list(GenerationMode))

FUZZ_EXAMPLES = 15
# Where the API may refuse a request the schema allows, by a rule no JSON Schema can state,
# and the fields such a refusal may name: a date before the application began or before
# 1970, "a company, a url, or both", a URL Django's validator refuses, a snooze over two
# years ahead (a typo's guard), an interviewer who is none of your contacts, a period of
# the log that ends before it starts, an inbox item not yet matched to an application, a
# new application said to be rejected already (its details come through reject/), saving
# a page that names no company or role, a person one already has (the same address, or name at a
# company), a name that is only spaces, an application id that is none of yours. Anywhere,
# text with a NUL character (no database column takes one). A 400 naming any other field,
# or none, still fails.
RULES_THE_SCHEMA_CANNOT_STATE: dict[str, frozenset[str]] = {
    "POST /api/applications/": frozenset(
        {"company", "url", "apply_url", "applied_on", "stage", "stage_changed_at"}
    ),
    "PATCH /api/applications/{id}/": frozenset(
        {"company", "url", "apply_url", "applied_on", "stage_changed_at"}
    ),
    "POST /api/applications/{id}/reject/": frozenset({"received_at"}),
    "GET /api/applications/applied-before/": frozenset({"company"}),
    "POST /api/applications/from-url/": frozenset({"url", "company", "role"}),
    "POST /api/applications/{id}/interviews/": frozenset({"at", "interviewers"}),
    "POST /api/followups/{id}/snooze/": frozenset({"until"}),
    "POST /api/inbox/items/{id}/confirm/": frozenset({"application"}),
    "GET /api/work-search-log/": frozenset({"from", "to"}),
    "POST /api/activities/": frozenset({"date"}),
    "POST /api/contacts/": frozenset({"name", "email", "company", "linkedin_url", "applications"}),
    "PATCH /api/contacts/{id}/": frozenset(
        {"name", "email", "company", "linkedin_url", "applications"}
    ),
    "PATCH /api/feedback/{id}/": frozenset({"text"}),
}


NUL_REFUSED = "Null characters are not allowed."


def accepts_valid_data_but_by_its_rules(ctx: Any, response: Any, case: Any) -> bool | None:
    """schemathesis's positive data acceptance, except for a 400 that names only the fields
    of a rule the schema cannot state (above)."""
    fields = RULES_THE_SCHEMA_CANNOT_STATE.get(case.operation.label, frozenset())
    if response.status_code == 400:
        body = response.json()
        by_rule = {
            field
            for field, messages in body.items()
            if field in fields or set(messages) == {NUL_REFUSED}
        }
        if body and by_rule == set(body):
            return None
    result: bool | None = positive_data_acceptance(ctx, response, case)
    return result


FUZZ_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    accepts_valid_data_but_by_its_rules,
    missing_required_header,
    unsupported_method,
]
# What the run covered, printed at the end (pytest -s shows it).
FUZZ_OPERATIONS: set[str] = set()
FUZZ_STATS = {"calls": 0, "seconds": 0.0}
FUZZ_STATUSES: Counter[str] = Counter()


@pytest.fixture
def alices_world(alice: User) -> dict[str, list[int]]:
    """Something of every kind for the fuzzer to reach: applications in several stages,
    follow-ups in several statuses, notifications, activities, people (the hiring manager
    who wrote all three rejections, one person, and some met along the way)."""
    rejected = [rejected_late(alice, company=name) for name in ("Acme", "Globex", "Initech")]
    application_for(alice, company="Umbrella", stage=Stage.INTERVIEWING)
    application_for(alice, company="Hooli", stage=Stage.WISHLIST)
    send_due_reminders()
    replies = [a.followups.get(kind="rejection_reply") for a in rejected]
    followups.followup_mark_sent(followup=replies[1])
    followups.followup_attach_answer(
        followup=replies[1], text="Thank you, and good luck.", at=timezone.now()
    )
    followups.followup_skip(followup=replies[2])
    feedback = [
        applications_services.feedback_create(
            application=application, text=f"More {topic} would have helped.", received_at=at
        ).pk
        for application, topic, at in [
            (rejected[0], "Go", timezone.now()),
            (rejected[1], "SQL", timezone.now() - timedelta(days=40)),
        ]
    ]
    applications = list(alice.application_set.values_list("pk", flat=True))
    items = [
        InboxItem.objects.create(
            owner=alice,
            fingerprint=f"{n:064x}",
            via=Via.FORWARD,
            kind=kind,
            application_id=applications[n % len(applications)] if n % 4 else None,
            subject=f"Message {n}",
            channel="unknown",
            sender_role="unknown",
            text="Unfortunately we have decided to move forward with other candidates.",
        ).pk
        for n, kind in enumerate(ItemKind.values * 2)
    ]
    return {
        "inbox": items,
        "applications": applications,
        "followups": [f.pk for a in rejected for f in a.followups.all()],
        "notifications": list(
            Notification.objects.filter(user=alice, channel="in_app").values_list("pk", flat=True)
        ),
        "contacts": [
            *Contact.objects.filter(owner=alice).values_list("pk", flat=True),
            *(
                contact_create(owner=alice, name=name, role=role, email=email).pk
                for name, role, email in [
                    ("Lee Park", "recruiter", "lee@acme.example"),
                    ("Zoë Krüger", "interviewer", ""),
                    ("Sam Ortiz", "other", "sam@globex.example"),
                ]
            ),
        ],
        "feedback": feedback,
        "activities": [
            worksearch.activity_create(
                owner=alice, date=timezone.localdate(), kind=kind, description=f"A {kind}"
            ).pk
            for kind in ActivityKind
        ],
    }


@pytest.fixture
def alices_token(alice: User) -> str:
    return api_tokens.api_token_get_or_create(user=alice).key


def _aim_at_real_objects(case: Any, ids: dict[str, list[int]]) -> None:
    """A generated id would almost always be a 404; point it at one of alice's objects so
    the fuzzing reaches the services (the 404s have their own tests)."""
    generated = (case.path_parameters or {}).get("id")
    if isinstance(generated, int) and not isinstance(generated, bool):
        pool = ids[case.path.split("/")[2]]  # /api/<resource>/{id}/...
        case.path_parameters["id"] = pool[generated % len(pool)]


@pytest.fixture
def _test_connection_kept_open() -> Iterator[None]:
    """Django closes the database connection when a request ends, and the test's
    transaction lives on it. Django's test client stops that for its own requests; the
    fuzzer calls the WSGI application directly, so this does the same."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def _fuzz_report() -> Iterator[None]:
    yield
    print(
        f"\nschemathesis: {len(FUZZ_OPERATIONS)} operations, {FUZZ_STATS['calls']} "
        f"requests ({dict(sorted(FUZZ_STATUSES.items()))}), {FUZZ_STATS['seconds']:.1f} s"
    )


@pytest.mark.api_fuzz
@pytest.mark.usefixtures("_test_connection_kept_open", "_fuzz_report")
@schema.parametrize()
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_request_as_its_schema_says(
    case: Any,
    alices_world: dict[str, list[int]],
    alices_token: str,
) -> None:
    _aim_at_real_objects(case, alices_world)
    started = time.perf_counter()
    response = case.call_and_validate(
        headers={"Authorization": f"Token {alices_token}"}, checks=FUZZ_CHECKS
    )
    FUZZ_STATUSES[f"{response.status_code // 100}xx"] += 1
    FUZZ_OPERATIONS.add(case.operation.label)
    FUZZ_STATS["calls"] += 1
    FUZZ_STATS["seconds"] += time.perf_counter() - started
