import pytest
from django.test import Client
from pytest_django import Settings

from tests.factories import application_for, make_user
from tracker.accounts.models import User
from tracker.applications.models import Application


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
def alices_application(alice: User) -> Application:
    return application_for(alice, company="Acme", role="Backend Engineer")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Settings) -> None:
    # Real hashing costs ~0.3 s a user on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
