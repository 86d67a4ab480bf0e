from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from tracker.applications.names import company_display_name, company_name_key
from tracker.applications.search import application_search_text, search_fold
from tracker.core.fields import SingleLineCharField, bounded_text
from tracker.mail.vocabulary import (
    CHANNEL_CHOICES,
    SENDER_ROLE_CHOICES,
    RejectionChannel,
    SenderRole,
)


class Stage(models.TextChoices):
    WISHLIST = "wishlist", _("Wishlist")
    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Screening")
    INTERVIEWING = "interviewing", _("Interviewing")
    OFFER = "offer", _("Offer")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    GHOSTED = "ghosted", _("Ghosted")


# How far along the hiring process each stage is. Terminal outcomes (rejected, withdrawn,
# ghosted) say how it ended, not how far it got, so they carry no progress of their own.
STAGE_PROGRESS: dict[str, int] = {
    Stage.WISHLIST: 0,
    Stage.APPLIED: 1,
    Stage.SCREENING: 2,
    Stage.INTERVIEWING: 3,
    Stage.OFFER: 4,
    Stage.ACCEPTED: 5,
}
# Where an application stops (each can still be undone).
TERMINAL_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED})
# How an application ended without an acceptance: these say how it ended, not how far it
# got, and make a pending thank-you or nudge moot.
ENDED_STAGES = TERMINAL_STAGES - {Stage.ACCEPTED}


SALARY_RANGE_MESSAGE = _("The maximum salary must not be below the minimum.")


def salary_range_ordered(low: int | None, high: int | None) -> bool:
    """The salary range's one rule (the database checks it too): min ≤ max when both are
    given. Forms, services and the import ask this before saving."""
    return low is None or high is None or low <= high


class Source(models.TextChoices):
    JOB_BOARD = "job_board", _("Job board")
    COMPANY_SITE = "company_site", _("Company website")
    REFERRAL = "referral", _("Referral")
    RECRUITER = "recruiter_outreach", _("Recruiter outreach")
    NETWORKING = "networking", _("Networking")
    OTHER = "other", _("Other")


class ChangeSource(models.TextChoices):
    WEB = "web", _("Web")
    BOARD = "board", _("Board")
    API = "api", _("API")
    IMPORT = "import", _("Import")
    ADMIN = "admin", _("Admin")
    SYSTEM = "system", _("System")
    INBOX = "inbox", _("Inbox")


class ContactRole(models.TextChoices):
    RECRUITER = "recruiter", _("Recruiter")
    HR = "hr", _("HR")
    HIRING_MANAGER = "hiring_manager", _("Hiring manager")
    INTERVIEWER = "interviewer", _("Interviewer")
    OTHER = "other", _("Other")


class Company(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = SingleLineCharField(max_length=200)
    # names.company_name_key(name): what makes two names one company. Build companies
    # with Company.named so it is always set.
    name_key = models.CharField(max_length=200, editable=False)
    # search.search_fold(name), what a search meets; set with the name (Company.named).
    search_name = models.TextField(editable=False, default="")
    website = models.URLField(blank=True, max_length=500)
    # How an agency's clerk could check an application: the work-search log prints them.
    address = SingleLineCharField(max_length=300, blank=True)
    phone = SingleLineCharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["name"]
        constraints = [
            # One "Acme" per user, however it is spelled: every way in reuses it.
            models.UniqueConstraint(
                fields=("owner", "name_key"), name="company_unique_key_per_owner"
            ),
            models.CheckConstraint(condition=~models.Q(name_key=""), name="company_key_set"),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def named(cls, *, owner: Any, name: str) -> "Company":
        """A new (unsaved) company, its name tidied and its key set."""
        name = company_display_name(name)
        return cls(
            owner=owner, name=name, name_key=company_name_key(name), search_name=search_fold(name)
        )


def application_label(role: str, company: str) -> str:
    """ "Backend Engineer at Acme": an application as the pages name it, in the page's
    language ("Entwicklerin bei Brandt Werke"); English in the worker."""
    return gettext("%(role)s at %(company)s") % {"role": role, "company": company}


class Application(models.Model):
    # Indexed with the id below (app_owner_id_idx), which serves what an index of the
    # owner alone would, and the user's applications in the order they were added.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_index=False)
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="applications")
    role = SingleLineCharField(_("role title"), max_length=200)
    url = models.URLField(_("job posting URL"), max_length=500, blank=True)
    location = SingleLineCharField(max_length=200, blank=True)
    source = models.CharField(max_length=32, choices=Source.choices, default=Source.JOB_BOARD)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True, default="")
    applied_on = models.DateField(null=True, blank=True)
    # Whether the user gave the date applied (typed it, or a file they imported said so).
    # False when Rebound chose it (today, for one added without a date): such a start
    # yields to the earliest dated fact (applications.history), and applied_on with it.
    applied_on_stated = models.BooleanField(default=True)
    notes = bounded_text(20_000, blank=True)
    # The posting as captured (sanitised HTML, see capture.posting), kept after the job
    # board takes it down; the text of the whole page too if the user asked for a copy.
    description = bounded_text(50_000, blank=True)
    apply_url = models.URLField(_("apply URL"), max_length=500, blank=True)
    posting_text = bounded_text(
        100_000, verbose_name=_("copy of the posting page's text"), blank=True
    )
    posting_captured_at = models.DateTimeField(null=True, blank=True)
    # The text above as a search meets it (search.application_search_text): written with
    # it, by fold_for_search() before every save that changes it.
    search_text = models.TextField(editable=False, default="")
    # Written only by services.application_change_stage, together with a StageChange row.
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.APPLIED)
    stage_changed_at = models.DateTimeField()
    # Recomputed from the full history on every stage change (see services); stored so
    # lists and exports can show it without reading every application's history.
    furthest_stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.APPLIED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-stage_changed_at", "-id"]
        indexes = [
            # One user's applications, and those added last first (insights' sample).
            models.Index(fields=["owner", "id"], name="app_owner_id_idx"),
            # Dashboard: one user's applications, most recently moved first.
            models.Index(fields=["owner", "-stage_changed_at"], name="app_owner_recent_idx"),
            # Board columns and stage counts: one user's applications in one stage. The
            # id rides along (PostgreSQL; SQLite keeps it in every index), so that a
            # column's newest cards and insights' rejected applications are picked from
            # the index alone.
            models.Index(
                fields=["owner", "stage", "-stage_changed_at"],
                include=["id"],
                name="app_owner_stage_idx",
            ),
            # Table filter by date range: one user's applications applied between two dates;
            # and insights' undated applications (applied_on IS NULL), counted per stage
            # and day added from the index alone.
            models.Index(
                fields=["owner", "applied_on", "stage", "furthest_stage", "created_at"],
                name="app_owner_applied_idx",
            ),
            # The nudge sweep, across users: applications quiet in a stage since a date.
            models.Index(fields=["stage", "stage_changed_at"], name="app_stage_quiet_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_min__isnull=True)
                | models.Q(salary_max__isnull=True)
                | models.Q(salary_min__lte=models.F("salary_max")),
                name="application_salary_range_ordered",
                violation_error_message=SALARY_RANGE_MESSAGE,
            ),
        ]

    def __str__(self) -> str:
        return application_label(self.role, str(self.company))

    def fold_for_search(self) -> None:
        self.search_text = application_search_text(
            role=self.role,
            location=self.location,
            notes=self.notes,
            description=self.description,
            posting_text=self.posting_text,
        )


class Contact(models.Model):
    """A person the user met or heard from, one row however many applications they were
    part of: contact_keys.py says when two are one (the services and a constraint keep it
    so)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    company = models.ForeignKey(
        Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts"
    )
    name = SingleLineCharField(max_length=200)
    # search.search_fold(name), what a search meets; set with the name.
    search_name = models.TextField(editable=False, default="")
    email = models.EmailField(blank=True)
    role = models.CharField(max_length=16, choices=ContactRole.choices, default=ContactRole.OTHER)
    linkedin_url = models.URLField("LinkedIn URL", max_length=500, blank=True)
    applications = models.ManyToManyField(Application, related_name="contacts", blank=True)
    notes = bounded_text(5_000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # A contact is a person, one per address whatever its case (contact_keys.py);
            # the services say so by name before this ever refuses a row.
            models.UniqueConstraint(
                "owner",
                Lower("email"),
                condition=~models.Q(email=""),
                name="contact_unique_email_per_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name


# What a tally's applied_on holds for applications without a date applied: a key column
# must not be NULL for the triggers' upserts to meet the row (NULLs never collide).
UNDATED = date.min


class ApplicationTally(models.Model):
    """How many of one user's applications share a stage, a furthest stage and a date
    applied, kept by the database itself.

    Triggers on the applications table (tally_triggers.py) add or take away one on every
    insert, delete and change of those columns, whatever wrote it: a service, an import's
    bulk insert, the admin, a cascade. Nothing in Python writes these rows. The board's
    and the table's stage counts and insights' rates and weeks are sums of a user's
    tallies (a row per stage and day, some thousand at 100,000 applications) rather than
    counts of every application per request.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    stage = models.CharField(max_length=16, choices=Stage.choices)
    furthest_stage = models.CharField(max_length=16, choices=Stage.choices)
    applied_on = models.DateField()  # UNDATED when none was given
    applications = models.IntegerField(default=0)

    class Meta:
        constraints = [
            # What the triggers' upserts meet on; it indexes the owner's rows too.
            models.UniqueConstraint(
                fields=["owner", "stage", "furthest_stage", "applied_on"],
                name="applicationtally_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.applications} in {self.stage}, applied {self.applied_on}"


class MoveTally(models.Model):
    """How many of one user's moves went from one stage to another (from "" for the row
    an application started with), kept by triggers on the stage history as
    ApplicationTally is on the applications: insights' flows, without a date range, are
    these rows."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    from_stage = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    moves = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "from_stage", "to_stage"], name="movetally_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.moves} from {self.from_stage or 'start'} to {self.to_stage}"


class StageChange(models.Model):
    """One move of an application between stages, kept as a chain in time order: rows are
    added, re-dated or (an undated detour a dated change undoes) dropped only through
    applications.history."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    # The application's owner, copied (an application never changes hands) so that one
    # user's moves are a range of an index: insights count them without visiting each
    # application. Indexed below, with the columns those counts read.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Blank for the row that records where the application started.
    from_stage = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    # When it happened, as the user says (may be back-dated); recorded_at is when we heard.
    at = models.DateTimeField()
    source = models.CharField(max_length=8, choices=ChangeSource.choices)
    # Whether the user gave `at` (a date typed, a rejection "received on Monday", an
    # interview's time). A later dated change may re-date an undated move (a drag, a quick
    # move, "now" by default), never a dated one: see applications.history.
    dated = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(auto_now_add=True)

    # Set by the services on the row they return: words for the page about the earlier
    # moves this change re-dated or dropped to keep the history a chain.
    adjusted: tuple[str, ...] = ()

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            # Timeline of one application, oldest first (the application page), and the
            # insights' stays: the moves of the applications sampled, in order, from the
            # index alone (SQLite keeps the id in it too).
            models.Index(
                fields=["application", "at", "from_stage", "to_stage"],
                name="stagechange_app_flow_idx",
            ),
            # Insights' flows: every move of one user's applications, counted per pair of
            # stages in the index's own order (the application, to keep to a date range).
            models.Index(
                fields=["owner", "from_stage", "to_stage", "application"],
                name="stagechange_owner_flow_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_stage or 'start'} → {self.to_stage} at {self.at:%Y-%m-%d}"


class InterviewKind(models.TextChoices):
    PHONE_SCREEN = "phone_screen", _("Phone screen")
    TECHNICAL = "technical", _("Technical")
    ONSITE = "onsite", _("Onsite")
    FINAL = "final", _("Final")


class Interview(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    scheduled_at = models.DateTimeField()
    kind = models.CharField(max_length=16, choices=InterviewKind.choices)
    interviewers = models.ManyToManyField(Contact, related_name="interviews", blank=True)
    notes = bounded_text(10_000, blank=True)
    # When the interview's move of the stage was claimed: at once for a past interview,
    # by the sweep once a future one has happened. Claimed once, so it moves once.
    stage_moved_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheduled_at"]
        indexes = [
            # The sweep: interviews whose time has come and whose move is unclaimed.
            models.Index(
                fields=["scheduled_at"],
                condition=models.Q(stage_moved_at__isnull=True),
                name="interview_unmoved_idx",
            ),
        ]

    # Set by interview_create: words for the page about the moves it re-dated.
    adjusted: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.scheduled_at:%Y-%m-%d}"


# How a rejection arrived and who sent it, in the page's language. The words live in
# tracker/mail/vocabulary.py, a decision module free of Django; gettext_noop is where
# makemessages finds them (a test checks each has its place here).
REJECTION_WORDS = (
    gettext_noop("Automated (form letter, no-reply address)"),
    gettext_noop("Personal email"),
    gettext_noop("Phone call"),
    gettext_noop("In person"),
    gettext_noop("I am not sure"),
    gettext_noop("Recruiter"),
    gettext_noop("HR"),
    gettext_noop("Hiring manager"),
    gettext_noop("Interviewer"),
    gettext_noop("Unknown"),
)
CHANNEL_CHOICES_SHOWN = [(value, _(label)) for value, label in CHANNEL_CHOICES]
SENDER_ROLE_CHOICES_SHOWN = [(value, _(label)) for value, label in SENDER_ROLE_CHOICES]


class Rejection(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="rejection"
    )
    received_at = models.DateTimeField()
    channel = models.CharField(
        max_length=16, choices=CHANNEL_CHOICES_SHOWN, default=RejectionChannel.UNKNOWN
    )
    sender_role = models.CharField(
        max_length=16, choices=SENDER_ROLE_CHOICES_SHOWN, default=SenderRole.UNKNOWN
    )
    sender_name = SingleLineCharField(max_length=200, blank=True)
    sender_email = models.EmailField(blank=True)
    # Their email's subject when Rebound read it from the mail (the reply stays in the thread).
    subject = SingleLineCharField(max_length=300, blank=True)
    message = bounded_text(20_000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Set by application_reject: words for the page about the earlier moves it re-dated.
    adjusted: tuple[str, ...] = ()

    class Meta:
        indexes = [
            # Insights' rejections by channel: each rejected application's channel read
            # from the index alone, without the row and its message.
            models.Index(fields=["application", "channel"], name="rejection_app_channel_idx"),
        ]

    def __str__(self) -> str:
        return f"Rejection for {self.application}"


class FeedbackReason(models.TextChoices):
    EXPERIENCE = "experience", _("Experience")
    SKILLS = "skills", _("Skills")
    CULTURE = "culture", _("Culture")
    TIMING = "timing", _("Timing")
    OTHER = "other", _("Other")


class Feedback(models.Model):
    """What someone at the company said about why it was a no: the words, and the reasons
    the user reads in them (the user tags them; Insights counts them by month)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="feedback")
    text = bounded_text(20_000)
    reasons = models.JSONField(default=list, blank=True)
    received_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            # The application page's feedback, newest first.
            models.Index(fields=["application", "-received_at"], name="feedback_app_received_idx"),
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.application}"
