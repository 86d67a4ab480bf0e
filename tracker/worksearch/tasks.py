"""Celery tasks of the work-search log: thin; the services do the work."""

from celery import shared_task

from tracker.worksearch import services


@shared_task
def send_weekly_reminders_task() -> int:
    return services.work_search_reminders_send()
