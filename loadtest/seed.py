"""The load test's people: `--users` accounts with `--applications` each, and a JSON file
that tells locustfile.py who they are (password, application ids and their stages).

Run by `make load` on its scratch database: `python -m loadtest.seed --out FILE`.
"""

import argparse
import json
import os
from pathlib import Path

PASSWORD = "load-test-password"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from tracker.accounts.models import User
    from tracker.applications.demo import demo_seed
    from tracker.applications.models import Application

    if User.objects.exists():
        raise SystemExit("This database already has users: the load test seeds an empty one.")
    # One hash for all: Argon2 is slow on purpose, and the password is the same anyway.
    password = make_password(PASSWORD)
    people = []
    for i in range(args.users):
        user = User.objects.create(username=f"load-{i:03d}", password=password)
        demo_seed(owner=user, count=args.applications, seed=i, with_people=False)
        stages = Application.objects.filter(owner=user).values_list("pk", "stage")
        people.append({"username": user.username, "applications": dict(stages)})
    # A database in use has its planner statistics: a freshly seeded one gets them now,
    # not from autovacuum in the middle of the run (plans, and so the figures, would
    # depend on when it came).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    args.out.write_text(json.dumps({"password": PASSWORD, "people": people}))
    print(f"Seeded {args.users} users with {args.applications} applications each.")


if __name__ == "__main__":
    main()
