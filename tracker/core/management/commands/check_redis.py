from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from redis import Redis
from redis.exceptions import RedisError

HOW_TO_START = """\
Rebound needs Redis for its background worker (follow-ups and reminders).
Start one on this machine, for example:
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379
or with Debian/Ubuntu's package:  sudo apt-get install redis-server
or point REDIS_URL at a running one (see .env.example)."""


class Command(BaseCommand):
    help = "Checks that Redis answers at REDIS_URL, and says how to start one if not."

    def handle(self, *args: Any, **options: Any) -> None:
        url = settings.REDIS_URL
        try:
            Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
        except (RedisError, OSError) as exc:
            raise CommandError(
                f"Redis is not reachable at {url} ({exc}).\n\n{HOW_TO_START}"
            ) from exc
        self.stdout.write(f"Redis answers at {url}.")
