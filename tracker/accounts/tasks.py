from celery import shared_task

from tracker.accounts import services


@shared_task(acks_late=True)
def password_reset_send_task(email: str) -> None:
    services.password_reset_send(email=email)
