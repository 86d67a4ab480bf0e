"""Sending Celery tasks from a request without ever failing the request."""

import logging
from typing import Any

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a dead or unreachable broker raises at publish time.
BROKER_ERRORS = (KombuOperationalError, RedisError, OSError)


def dispatch(task: Task[Any, Any], *args: Any) -> bool:
    """Publishes a task now; on a broker error logs it and returns False.

    Callers only dispatch work that a database row also records, so a beat sweeper finds
    and re-sends whatever the broker lost.
    """
    try:
        task.apply_async(args=args)
    except BROKER_ERRORS:
        logger.warning("Broker unreachable: %s%r left for the sweeper", task.name, args)
        return False
    return True


def dispatch_on_commit(task: Task[Any, Any], *args: Any) -> None:
    """Publishes a task once the current transaction commits (never before its rows exist)."""
    transaction.on_commit(lambda: dispatch(task, *args))
