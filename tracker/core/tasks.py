"""Celery tasks for the ground floor: thin; the modules beside them do the work."""

from celery import shared_task

from tracker.core.planner import planner_statistics_refresh


@shared_task
def planner_statistics_task() -> bool:
    """Refreshes the query planner's statistics where the database keeps none itself."""
    return planner_statistics_refresh()
