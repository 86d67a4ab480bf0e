from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from redis import Redis
from redis.exceptions import RedisError

HOW_TO_START = """\
Rebound needs Redis for its background worker (follow-ups and reminders).
Start the Redis that REDIS_URL names (e.g. `redis-server --daemonize yes`, from Debian's
redis-server package), point REDIS_URL at a running one, or unset it (in the environment
and .env): then `make run` starts a private one of its own (see .env.example)."""


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
