from celery import shared_task

from tracker.notifications import services


@shared_task(acks_late=True)
def deliver_notification_task(notification_id: int) -> str:
    return services.notification_deliver(notification_id=notification_id)


@shared_task
def retry_notifications_task() -> int:
    return services.notifications_retry_due()
