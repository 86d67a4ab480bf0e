"""Helpers for tests that read pages: how many queries one costs, a streamed body."""

from typing import Any

from django.test import Client
from pytest_django import DjangoAssertNumQueries

# The dashboard's pages cost a constant number of queries, at most this many.
MOST_QUERIES = 10


def queries_to_get(
    client: Client,
    url: str,
    assert_max: DjangoAssertNumQueries,
    params: dict[str, str] | None = None,
) -> int:
    """The number of queries one GET of a page makes (it must answer 200, within budget)."""
    with assert_max(MOST_QUERIES) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


def streamed(response: Any) -> bytes:
    """A streamed response's bytes (test responses are typed as plain ones)."""
    return b"".join(response.streaming_content)
