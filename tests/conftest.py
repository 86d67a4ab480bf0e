from collections.abc import Iterator
from datetime import timedelta

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db.models import Model
from django.test import Client
from django.utils import timezone, translation
from pytest_django import Settings
from rest_framework.test import APIClient

from tests.factories import (
    api_client_for,
    application_for,
    contact_for,
    make_user,
    rejected_late,
    send_due_reminders,
)
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import (
    Application,
    Company,
    Contact,
    Feedback,
    Interview,
    InterviewKind,
)
from tracker.celery import app as celery_app
from tracker.followups.models import FollowUp
from tracker.imports.models import ImportJob
from tracker.imports.services import import_job_create
from tracker.inbox.models import InboxItem
from tracker.notifications.models import Notification
from tracker.worksearch.models import Activity
from tracker.worksearch.services import activity_create


@pytest.fixture
def alice(db: None) -> User:
    """Owns things."""
    return make_user(username="alice", full_name="Alice Martin")


@pytest.fixture
def bob(db: None) -> User:
    """Must never see what alice owns."""
    return make_user(username="bob", full_name="Bob Jones")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: User) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def alice_api(alice: User) -> APIClient:
    return api_client_for(alice)


@pytest.fixture
def bob_api(bob: User) -> APIClient:
    return api_client_for(bob)


@pytest.fixture
def alices_application(alice: User) -> Application:
    return application_for(alice, company="Acme", role="Backend Engineer")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Settings) -> None:
    # Real hashing costs ~0.3 s a user on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A page a German user asked for leaves German active in the thread, as a web worker
    # does between requests; each test starts in the default language, as a task does.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def tasks_run_inline() -> Iterator[None]:
    """Tasks sent by their task object run in the test's own process, at once."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # The caches hold rate-limit counters (the token endpoint, logins): none carry over.
    cache.clear()
    _clear_throttle_counters()
    yield
    cache.clear()
    _clear_throttle_counters()


def _clear_throttle_counters() -> None:
    """Deletes this test process's counters only (tests/settings.py gives each its own key
    prefix in the test run's throttle database): another run's, or `make run`'s, stay."""
    client = redis.Redis.from_url(django_settings.REDIS_THROTTLE_URL, socket_timeout=1)
    prefix = django_settings.CACHES["throttle"]["KEY_PREFIX"]
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    except redis.RedisError:
        pass  # Redis is away: the limits forgive it too
    finally:
        client.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The run's default queues are consumed by nothing: drop what the tests published."""
    queue = getattr(django_settings, "CELERY_TASK_DEFAULT_QUEUE", "")
    if not queue:
        return
    bulk = getattr(django_settings, "CELERY_BULK_QUEUE", f"{queue}-bulk")
    client = redis.Redis.from_url(django_settings.REDIS_URL, socket_timeout=1)
    try:
        client.delete(queue, f"_kombu.binding.{queue}", bulk, f"_kombu.binding.{bulk}")
    except redis.RedisError:
        pass
    finally:
        client.close()


@pytest.fixture
def alices_things(alice: User) -> dict[type[Model], int]:
    """One of each object alice owns that a URL can name: for the ownership walks."""
    application = rejected_late(alice)
    send_due_reminders()
    contact = contact_for(alice)
    applications.contact_link(application=application, contact=contact)
    # Long past, so it proposes no thank-you: the walks expect one follow-up, the reply.
    interview = applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=5),
        kind=InterviewKind.ONSITE,
        interviewers=[contact],
    )
    return {
        Application: application.pk,
        Contact: contact.pk,
        Interview: interview.pk,
        FollowUp: FollowUp.objects.get(application=application).pk,
        Notification: Notification.objects.get(user=alice, channel="in_app").pk,
        ImportJob: import_job_create(
            owner=alice, filename="a.csv", raw=b"Company,Role\nGlobex,Dev\n"
        ).pk,
        InboxItem: InboxItem.objects.create(
            owner=alice,
            fingerprint="walk",
            via="forward",
            kind="rejection",
            application=application,
            channel="unknown",
            sender_role="unknown",
        ).pk,
        Activity: activity_create(
            owner=alice, date=timezone.localdate(), kind="networking", description="Meetup"
        ).pk,
        Company: application.company_id,
        Feedback: applications.feedback_create(
            application=application, text="More Go.", received_at=timezone.now()
        ).pk,
    }
