from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tracker.accounts.models import User
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application
from tracker.followups.demo import demo_followups

DEMO_PASSWORD = "rebound-demo"


class Command(BaseCommand):
    # Here, not in applications: the demo's follow-ups are proposed after its applications.
    help = "Creates a user with realistic sample applications (the demo account, or bench data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", default="demo", help="username to fill (created if new)")
        parser.add_argument("--applications", type=int, default=40, help="how many to add")
        parser.add_argument("--seed", type=int, default=7, help="random seed, for repeatable data")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds applications (for `make run`)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Application.objects.exists():
            self.stdout.write("The database already holds applications; no demo data added.")
            return
        user, created = User.objects.get_or_create(
            username=options["user"],
            # The demo's reminders ring the bell; by email they would only print whole
            # HTML messages into `make run`'s console.
            defaults={
                "full_name": "Alex Demo",
                "email": f"{options['user']}@example.com",
                "email_reminders": False,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        count = options["applications"]
        with_people = count <= 500
        added = demo_seed(owner=user, count=count, seed=options["seed"], with_people=with_people)
        if with_people:
            demo_followups(owner=user)
        self.stdout.write(self.style.SUCCESS(f"Added {added} applications for {user.username}."))
        if created:
            self.stdout.write(self.style.SUCCESS(f"Log in as {user.username} / {DEMO_PASSWORD}"))
