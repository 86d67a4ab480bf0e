"""People using Rebound at once, each logged in as an account of their own (from the file
loadtest/seed.py wrote), so that no two of them ever touch the same application.

Each logs in once, through the real login form and from an address of its own, then
looks at the board, the table (filtered and sorted), insights and application pages, and
moves applications: through the detail page's stage form, by the board's drag and drop,
and by recording rejections. Every answer is checked for the exact status the page gives a
person; anything else (a 500, a 429, "database is locked", a redirect to the login page)
counts as a failure.

`make load` runs it; by hand: `locust -f loadtest/locustfile.py --host http://127.0.0.1:8000`
with LOAD_PEOPLE pointing at the seed's file, against a server started with
TRUSTED_PROXY_COUNT=1 (or more than 20 people meet the per-address login limit).
"""

import csv
import ipaddress
import itertools
import json
import os
import random
from datetime import UTC, datetime
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any

from locust import FastHttpUser, between, events, task
from locust.contrib.fasthttp import ResponseContextManager

SEED = json.loads(Path(os.environ.get("LOAD_PEOPLE", "/tmp/rebound-load-people.json")).read_text())
# Simulated users take the accounts in turn, one each.
_accounts = itertools.count()

# The stages the stage form and the board move to; Rejected goes through the rejection form.
MOVABLE = ["wishlist", "applied", "screening", "interviewing", "offer", "accepted", "withdrawn",
           "ghosted"]  # fmt: skip
TABLE_VIEWS = [
    "",
    "?sort=company",
    "?stage=applied&sort=-changed",
    "?q=Engineer",
    "?source=referral&sort=applied",
    "?stage=rejected&page=2",
    "?followup_due=on",
    "?applied_from=2025-01-01&sort=-applied",
]


# Every request, for the report to tell the steady state from the first seconds' logins.
REQUEST_LOG = os.environ.get("LOAD_REQUEST_LOG", "")
_requests: list[tuple[float, str, float, bool]] = []


@events.request.add_listener
def _record(
    request_type: str, name: str, response_time: float, exception: Exception | None, **kw: Any
) -> None:
    _requests.append((kw["start_time"], f"{request_type} {name}", response_time, not exception))


@events.test_stop.add_listener
def _write_requests(**kwargs: Any) -> None:
    if REQUEST_LOG:
        with open(REQUEST_LOG, "w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["start", "name", "ms", "ok"])
            writer.writerows(_requests)


def _address(index: int) -> str:
    """The simulated person's own address: 10.0.0.1, 10.0.0.2, ..."""
    return str(ipaddress.IPv4Address("10.0.0.1") + index)


class Person(FastHttpUser):
    # A busy person: a click every one to three seconds.
    wait_time = between(1, 3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.index = next(_accounts)
        # People come from addresses of their own, as behind the TLS proxy production sits
        # behind; `make load` trusts one proxy (TRUSTED_PROXY_COUNT=1), locust standing in
        # for it. From one address, the 21st login in ten minutes would meet the
        # per-address login limit.
        self.default_headers = {"X-Forwarded-For": _address(self.index)}
        super().__init__(*args, **kwargs)

    def on_start(self) -> None:
        if self.index >= len(SEED["people"]):
            raise RuntimeError("More simulated users than seeded accounts: they would collide.")
        me = SEED["people"][self.index]
        # Rebound's cookies are Secure, for the TLS proxy production sits behind; here
        # locust talks plain HTTP to gunicorn, and sends them all the same.
        self.client.cookiejar.set_policy(DefaultCookiePolicy(secure_protocols=("http", "https")))
        self.stages: dict[int, str] = {int(pk): s for pk, s in me["applications"].items()}
        self._get("/accounts/login/", "/accounts/login/")
        form = {
            "username": me["username"],
            "password": SEED["password"],
            "csrfmiddlewaretoken": self._csrf_token(),
        }
        self._post("/accounts/login/", form, "/accounts/login/ (POST)", redirect_to="/")

    # --- What people do -----------------------------------------------------------------

    @task(4)
    def board(self) -> None:
        self._get("/", "/ (board)")

    @task(4)
    def table(self) -> None:
        self._get("/applications/" + random.choice(TABLE_VIEWS), "/applications/?[view]")

    @task(1)
    def insights(self) -> None:
        self._get("/insights/", "/insights/")

    @task(3)
    def application_page(self) -> None:
        self._get(f"/applications/{self._any_application()}/", "/applications/[pk]/")

    @task(2)
    def change_stage(self) -> None:
        pk = self._any_application()
        stage = random.choice([s for s in MOVABLE if s != self.stages[pk]])
        page = f"/applications/{pk}/"
        form = {"stage": stage, "at": "", "csrfmiddlewaretoken": self._csrf_token()}
        if self._post(f"{page}stage/", form, "/applications/[pk]/stage/", redirect_to=page):
            self.stages[pk] = stage
            self._get(page, "/applications/[pk]/")

    @task(2)
    def move_on_board(self) -> None:
        pk = self._any_application()
        stage = random.choice([s for s in MOVABLE if s != self.stages[pk]])
        headers = {"HX-Request": "true", "X-CSRFToken": self._csrf_token()}
        with self.client.post(
            f"/applications/{pk}/move/",
            data={"stage": stage},
            headers=headers,
            name="/applications/[pk]/move/",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if _expect(response, 200):
                self.stages[pk] = stage

    @task(1)
    def record_rejection(self) -> None:
        """From the application page's form, or from the board's dialog (htmx), which
        answers with the moved card."""
        pk = self._any_application()
        page = f"/applications/{pk}/"
        form = {
            "message": "Thank you for your time. We have decided to move forward with another "
            "candidate.",
            "channel": "personal_email",
            "sender_role": "recruiter",
            "sender_name": "Dana Smith",
            "sender_email": "dana@northwind.example",
            # The accounts' time zone is UTC; the current minute means "now".
            "received_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M"),
            "csrfmiddlewaretoken": self._csrf_token(),
        }
        if random.random() < 0.5:
            with self.client.post(
                f"{page}reject/",
                data=form,
                headers={"HX-Request": "true"},
                name="/applications/[pk]/reject/ (board dialog)",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if _expect(response, 200):
                    self.stages[pk] = "rejected"
        elif self._post(f"{page}reject/", form, "/applications/[pk]/reject/", redirect_to=page):
            self.stages[pk] = "rejected"
            self._get(page, "/applications/[pk]/")

    # --- Helpers ------------------------------------------------------------------------

    def _any_application(self) -> int:
        return random.choice(list(self.stages))

    def _csrf_token(self) -> str:
        return next(c.value or "" for c in self.client.cookiejar if c.name == "csrftoken")

    def _get(self, url: str, name: str) -> bool:
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            return _expect(response, 200)

    def _post(self, url: str, form: dict[str, Any], name: str, *, redirect_to: str) -> bool:
        """A form post, which succeeds by redirecting to `redirect_to` (followed by the caller)."""
        with self.client.post(
            url, data=form, name=name, allow_redirects=False, catch_response=True
        ) as response:
            return _expect(response, 302, redirect_to)


def _expect(response: ResponseContextManager, status: int, location: str = "") -> bool:
    got = response.headers.get("Location", "") if response.headers else ""
    if response.status_code == status and (not location or got == location):
        response.success()
        return True
    where = f" to {got}" if got else ""
    text = (response.text or "")[:200].replace("\n", " ")
    response.failure(f"{response.status_code}{where} (expected {status} {location}): {text}")
    return False
