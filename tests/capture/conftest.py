from collections.abc import Iterator

import pytest
from pytest_django import Settings

from tests.capture.jobsite import JobSite

PUBLIC = "127.0.0.2"  # the stand-in for a public job site: the only address allowed


@pytest.fixture(autouse=True)
def _only_the_stand_in_is_allowed(settings: Settings) -> None:
    settings.OUTBOUND_ALLOWED_NETWORKS = [f"{PUBLIC}/32"]


@pytest.fixture
def jobsite() -> Iterator[JobSite]:
    site = JobSite(PUBLIC)
    yield site
    site.close()


@pytest.fixture
def internal() -> Iterator[JobSite]:
    """Something on the server's own network, which no fetch may reach."""
    site = JobSite("127.0.0.1")
    yield site
    site.close()
