"""Celery tasks for applications: thin; the services do the work."""

import logging

from celery import shared_task

from tracker.applications import services

logger = logging.getLogger(__name__)


@shared_task
def interviews_move_stages_task() -> int:
    """Interviews whose time has come move the stage they name. Safe to overlap: each
    interview is claimed before it moves anything."""
    moved = services.interviews_move_stages()
    if moved:
        logger.info("Moved the stage for %s interviews that took place", moved)
    return moved
