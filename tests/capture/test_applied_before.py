"""Applied before? By the employer, never by a shared host: a job board's or tracking
system's host carries many employers, and one of them is not all of them."""

import pytest
from rest_framework.test import APIClient

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.capture.selectors import application_prior_at_company

APPLIED_BEFORE = "/api/applications/applied-before/"


def _found(user: User, company_name: str = "", url: str = "") -> list[tuple[str, str]]:
    found = application_prior_at_company(user=user, company_name=company_name, url=url)
    return [(p.company, p.matched_by) for p in found]


# A new job at Globex, on the same shared host as an older application at Acme.
SHARED = [
    ("https://jobs.eu.lever.co/acme-robotics/11", "https://jobs.eu.lever.co/globex/22"),
    ("https://jobs.lever.co/acme-robotics/11", "https://jobs.lever.co/globex/22"),
    ("https://boards.greenhouse.io/acme/jobs/1", "https://boards.greenhouse.io/globex/jobs/2"),
    ("https://job-boards.greenhouse.io/acme/jobs/1", "https://job-boards.greenhouse.io/globex/j/2"),
    ("https://jobs.jobvite.com/acme/job/o1", "https://jobs.jobvite.com/globex/job/o2"),
    ("https://careers.smartrecruiters.com/Acme/1", "https://careers.smartrecruiters.com/Globex/2"),
    ("https://jobs.smartrecruiters.com/Acme/1", "https://jobs.smartrecruiters.com/Globex/2"),
    (
        "https://wd1.myworkdaysite.com/recruiting/acme/Careers/job/X/R1",
        "https://wd1.myworkdaysite.com/recruiting/globex/Careers/job/X/R2",
    ),
    (
        "https://acme.wd5.myworkdayjobs.com/External/job/X/R1",
        "https://globex.wd5.myworkdayjobs.com/External/job/X/R2",
    ),
    ("https://ats.rippling.com/acme/jobs/1", "https://ats.rippling.com/globex/jobs/2"),
    ("https://jobs.ashbyhq.com/acme/1", "https://jobs.ashbyhq.com/globex/2"),
    ("https://acme.jobs.personio.de/job/1", "https://globex.jobs.personio.de/job/2"),
    ("https://acme.recruitee.com/o/one", "https://globex.recruitee.com/o/two"),
    ("https://acme.teamtailor.com/jobs/1-one", "https://globex.teamtailor.com/jobs/2-two"),
    ("https://www.linkedin.com/jobs/view/1/", "https://www.linkedin.com/jobs/view/2/"),
    ("https://www.indeed.com/viewjob?jk=1", "https://www.indeed.com/viewjob?jk=2"),
]


@pytest.mark.parametrize(("before", "now"), SHARED)
def test_a_shared_host_is_never_the_employer(alice: User, before: str, now: str) -> None:
    application_for(alice, company="Acme Robotics", role="Engineer", url=before)
    assert _found(alice, company_name="Globex Logistics", url=now) == []
    # Without a name, the address's handle is the employer: Globex, still not Acme.
    assert _found(alice, url=now) == []


@pytest.mark.parametrize(("before", "now"), SHARED[:14])
def test_the_handle_in_the_address_names_the_employer(alice: User, before: str, now: str) -> None:
    application_for(alice, company="Globex", role="Engineer", url=before)
    assert _found(alice, url=now) == [("Globex", "company name")]


def test_by_name_whatever_the_spelling(alice: User) -> None:
    application_for(alice, company="Pied Piper, Inc.", role="Engineer")
    for name in ("pied piper", "PIED PIPER LLC", "Pied-Piper"):
        assert _found(alice, company_name=name) == [("Pied Piper, Inc.", "company name")]
    assert _found(alice, url="https://ats.rippling.com/piedpiper/jobs/9") == [
        ("Pied Piper, Inc.", "company name")
    ]


def test_by_the_employers_own_domain(alice: User) -> None:
    application_for(alice, company="Hooli", role="SRE", url="https://careers.hooli.example/1")
    application_for(alice, company="Initech", role="QA", url="https://initech.example/jobs/3")
    # Another subdomain of Hooli's own domain is Hooli.
    assert _found(alice, url="https://jobs.hooli.example/42") == [("Hooli", "site")]
    # A domain that only contains Hooli's is not Hooli.
    assert _found(alice, url="https://hooli.example.evil.test/1") == []


def test_the_very_job_is_told_apart(alice: User) -> None:
    url = "https://jobs.lever.co/hooli/abc"
    wished = application_for(alice, company="Hooli", role="SRE", url=url, stage="wishlist")
    application_for(alice, company="Hooli", role="Data Analyst")
    found = application_prior_at_company(user=alice, company_name="Hooli", url=url + "/")
    assert {(p.application_id, p.same_job) for p in found if p.same_job} == {(wished.pk, True)}
    by_role = application_prior_at_company(user=alice, company_name="hooli", role=" sre ")
    assert [p.role for p in by_role if p.same_job] == ["SRE"]


def test_the_api_says_so(alice: User, bob: User, alice_api: APIClient) -> None:
    url = "https://jobs.eu.lever.co/globex/22"
    application_for(
        alice, company="Acme Robotics", role="Engineer", url=url.replace("globex", "acme")
    )
    application_for(bob, company="Globex", role="Bob's", url=url)
    assert alice_api.get(APPLIED_BEFORE, {"url": url}).json() == []
    wished = application_for(alice, company="Globex", role="Analyst", url=url, stage="wishlist")
    (found,) = alice_api.get(APPLIED_BEFORE, {"url": url, "role": "analyst"}).json()
    assert (found["application"], found["same_job"], found["stage"]) == (
        wished.pk,
        True,
        "wishlist",
    )
