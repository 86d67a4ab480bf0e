"""Sending Celery tasks from a request without ever failing the request.

A task is named by its dotted name ("tracker.followups.tasks.propose_followups_task") or
given as the task itself. By name, a room's services send its tasks without importing
the tasks module, which imports them: no import circle.
"""

import logging
from typing import Any

from celery import Task, current_app
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a dead or unreachable broker raises at publish time.
BROKER_ERRORS = (KombuOperationalError, RedisError, OSError)


def dispatch(task: Task[Any, Any] | str, *args: Any) -> bool:
    """Publishes a task now; on any error logs it and returns False.

    Callers only dispatch work that a database row also records, so a beat sweeper finds
    and re-sends whatever the broker lost. Nothing here waits on a result: a task sent by
    name would otherwise subscribe to the result store, which fails in its own ways while
    Redis restarts, and after a commit that would turn a saved change into a 500.
    """
    name = task if isinstance(task, str) else task.name
    try:
        if isinstance(task, str):
            current_app.send_task(name, args=args, ignore_result=True)
        else:
            task.apply_async(args=args, ignore_result=True)
    except BROKER_ERRORS:
        logger.warning("Broker unreachable: %s%r left for the sweeper", name, args)
        return False
    except Exception:
        # Whatever else Celery raises while Redis comes and goes: the change is saved and
        # its row waits for the sweeper, so the caller still gets the answer it deserves.
        logger.exception("Dispatch failed: %s%r left for the sweeper", name, args)
        return False
    return True


def dispatch_on_commit(task: Task[Any, Any] | str, *args: Any) -> None:
    """Publishes a task once the current transaction commits (never before its rows exist)."""
    transaction.on_commit(lambda: dispatch(task, *args))
