"""Rebound settings: everything comes from the environment, with a safe default.

`.env.example` lists every variable; README.md explains them.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django_stubs_ext
import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

# Lets typed code subscript Django generics (ModelAdmin[Application], QuerySet[...]) at runtime.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Development is the default so that `make run` works from a fresh clone; production
# (DJANGO_DEBUG=0) refuses to start without a real secret key.
DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Links in emails point here. `make run PORT=8765` passes its port on as REBOUND_PORT, so
# without a SITE_URL the links follow the port the site is really served on.
SITE_URL = env.str(
    "SITE_URL", default=f"http://127.0.0.1:{env.int('REBOUND_PORT', default=8000)}"
).rstrip("/")

SIGNUPS_OPEN = env.bool("SIGNUPS_OPEN", default=True)
# Webhooks to loopback or private addresses (a self-hosted ntfy on the LAN) are refused
# unless the administrator allows them: users must not reach the server's own network.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)
# The inbox: a mailbox's app password is encrypted with this Fernet key. In development a
# key is derived from the secret key so a fresh clone works; with DEBUG off, connecting a
# mailbox is refused until it is set (see tracker/inbox/crypto.py and .env.example).
INBOX_ENCRYPTION_KEY = env.str("INBOX_ENCRYPTION_KEY", default="")
INBOX_POLL_MINUTES = env.int("INBOX_POLL_MINUTES", default=5)
INBOX_IMAP_TIMEOUT = env.int("INBOX_IMAP_TIMEOUT", default=20)
# A forwarded message larger than this is refused (413) before its body is read.
INBOX_FORWARD_MAX_BYTES = env.int("INBOX_FORWARD_MAX_BYTES", default=25 * 1024 * 1024)
# Inbound mail through an email service (django-anymail's webhook at /inbox/anymail/<service>/
# inbound/, mounted for this one service only): the service, the domain whose addresses
# route to it, and the webhook's basic-auth secret, which production requires.
INBOX_EMAIL_SERVICE = env.str("INBOX_EMAIL_SERVICE", default="").strip().lower()
INBOX_FORWARD_DOMAIN = env.str("INBOX_FORWARD_DOMAIN", default="")
ANYMAIL = {"WEBHOOK_SECRET": env.str("ANYMAIL_WEBHOOK_SECRET", default="") or None}
if INBOX_EMAIL_SERVICE and not DEBUG and not ANYMAIL["WEBHOOK_SECRET"]:
    raise ImproperlyConfigured(
        f"ANYMAIL_WEBHOOK_SECRET (user:password) must be set when INBOX_EMAIL_SERVICE is set "
        f"({INBOX_EMAIL_SERVICE!r}) and DJANGO_DEBUG is off: anyone could post mail to the "
        "inbound webhook without it."
    )
# Networks every outbound request (webhooks, job pages) may reach although they are not
# public, as CIDRs: "192.168.1.0/24". Empty by default; tests list their own loopback.
OUTBOUND_ALLOWED_NETWORKS = env.list("OUTBOUND_ALLOWED_NETWORKS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "csp",
    "template_partials",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "tracker.core",
    "tracker.accounts",
    "tracker.applications",
    "tracker.followups",
    "tracker.notifications",
    "tracker.api",
    "tracker.exports",
    "tracker.imports",
    "tracker.calendar",
    "tracker.insights",
    "tracker.capture",
    "tracker.inbox",
    "tracker.worksearch",
    "tracker.people",
    "anymail",
    # Dev-only: `manage.py bench`; no models, no pages, imported by nothing else.
    "tracker.bench",
]

MIDDLEWARE = [
    # First: the engine's healthcheck, answered before any redirect or host check.
    "tracker.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's language for a visitor; UserLanguageMiddleware puts a user's own on top.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tracker.accounts.middleware.UserTimezoneMiddleware",
    "tracker.accounts.middleware.UserLanguageMiddleware",
    # Refuses an oversized upload from its Content-Length, before CSRF or a view reads it.
    "tracker.core.bodylimit.RequestBodyLimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Request bodies. Form fields (not files) are capped at Django's 2.5 MB; an import's two
# CSV files (10 MB each, tracker/imports/csvfile.py) plus the form fit under the import
# pages' limit, refused from the Content-Length before a byte is read. Files up to that
# limit stay in memory: an import never writes the upload to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
IMPORT_REQUEST_MAX_BYTES = 2 * 10 * 2**20 + 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_REQUEST_MAX_BYTES
REQUEST_BODY_LIMITS = {"/import/": IMPORT_REQUEST_MAX_BYTES}

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.accounts.context_processors.site",
                "tracker.notifications.context_processors.notifications",
                "tracker.inbox.context_processors.inbox",
            ],
        },
    },
]

# Widgets render with the project's templates too (see templates/accounts/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat write to one file: WAL lets readers run beside a writer, and
    # IMMEDIATE transactions take the write lock up front instead of failing on upgrade.
    # secure_delete overwrites what a delete frees, so deleted mail and passwords do not
    # linger in the file's free pages (tracker/core/erasure.py clears the WAL after).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # A file, not memory, so the tests' real Celery worker process can open it too; one
    # per test run, so runs side by side never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"rebound-test-{os.getpid()}.sqlite3")
    }
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# "SQLite does not support indexes with non-key columns": it needs none, since every
# SQLite index already holds the row's id, the only column an index here includes.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses a locked-out one before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair out for a
# quarter of an hour: enough to stop guessing, never a permanent lock on a real user.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# How many reverse proxies in front of the app append to X-Forwarded-For: 0 trusts none
# of it. Axes, the API's throttles and the limits below all read the address this way.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=env.int("API_NUM_PROXIES", default=0))
AXES_CLIENT_IP_CALLABLE = "tracker.core.clientip.client_address"
# Per address, whatever the usernames: a spray of many usernames meets this first.
LOGIN_ATTEMPTS_PER_ADDRESS = env.int("LOGIN_ATTEMPTS_PER_ADDRESS", default=20)  # per 10 min
SIGNUPS_PER_ADDRESS = env.int("SIGNUPS_PER_ADDRESS", default=10)  # per hour
# Argon2 for new and changed passwords; older hashes still verify and are upgraded.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface speaks English, German, French and Spanish: the signed-in user's choice on
# the settings page, else the browser's Accept-Language, else English. Dates and numbers
# follow the language (Django's formats for it). The follow-up drafts have catalogues of
# their own and follow the letter they answer, never the interface.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["tracker.core.formats"]
USE_I18N = True
USE_TZ = True
# The server's default; each user picks their own on the settings page.
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from npm (package.json + lock) and are served by whitenoise.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/sortablejs", NODE_MODULES / "sortablejs"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/chartjs-chart-sankey", NODE_MODULES / "chartjs-chart-sankey" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Rebound <rebound@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: JSON only, bounded tasks, periodic work declared here rather than in a database.
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")


def _redis_database(url: str, number: int) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{number}"))


_BROKER_DB = int(urlsplit(REDIS_URL).path.strip("/") or 0)
# Rate-limit counters (the API's throttles, the login and sign-up limits) are counted once
# for every web worker, in a Redis database of their own: the next one after the broker's.
REDIS_THROTTLE_URL = env.str(
    "REDIS_THROTTLE_URL",
    default=_redis_database(REDIS_URL, _BROKER_DB + 1 if _BROKER_DB < 15 else _BROKER_DB - 1),
)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "tracker.core.rediscache.ForgivingRedisCache",
        "LOCATION": REDIS_THROTTLE_URL,
        "KEY_PREFIX": env.str("THROTTLE_KEY_PREFIX", default="rebound"),
        # A limit must never make a login wait on a Redis that is away.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    },
}
# Rendered fragments a page repeats from one visit to the next (a board's card, a table's
# row, a follow-up's card), kept under a key naming everything they show, so nothing in them
# is ever stale. In Redis beside the rate limits, so that every web worker finds what
# another rendered (kept per process, a user's next visit mostly reached a worker that had
# not seen their cards yet); an hour, so a busy instance keeps only its recent visitors'.
CACHES["fragments"] = {
    "BACKEND": "tracker.core.rediscache.ForgivingRedisCache",
    "LOCATION": REDIS_THROTTLE_URL,
    "KEY_PREFIX": CACHES["throttle"]["KEY_PREFIX"] + "-fragments",
    "TIMEOUT": 3600,
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
}
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_RESULT_EXPIRES = timedelta(hours=1)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request must not hang when Redis is down: fail fast and let the sweeper retry.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 5,
    # How long a task taken by a worker that then died stays invisible before Redis hands
    # it to another worker. Longer than any task; the fault tests set it short.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # How often a worker looks for such messages: every interval times throttle seconds
    # (kombu's defaults: 10 and 10). The fault tests, with a short timeout, look every second.
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TASK_IGNORE_RESULT = True
# Two queues, so that one user's bulk work never delays another's follow-up: a single
# rejection's proposal, a reminder due as its follow-up is proposed, a notification go to
# `interactive`; imports, their batched proposals, the sweeps and their batches (the
# minute's due reminders) go to `bulk`. The Procfile (and
# docker-compose.yml) run a worker for each, so neither waits behind the other. Their
# names are those the Procfile's workers consume; `make bench` gives its own workers
# queues of their own through the environment.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_INTERACTIVE_QUEUE", default="interactive")
CELERY_BULK_QUEUE = env.str("CELERY_BULK_QUEUE", default="bulk")
CELERY_BULK_TASKS = [
    "tracker.imports.tasks.*",
    "tracker.followups.tasks.propose_followups_batch_task",
    "tracker.followups.tasks.sweep_proposal_jobs_task",
    "tracker.followups.tasks.propose_nudges_task",
    "tracker.followups.tasks.send_due_reminders_task",
    "tracker.followups.tasks.send_reminders_batch_task",
    "tracker.notifications.tasks.retry_notifications_task",
    "tracker.inbox.tasks.poll_mailboxes_task",  # waits on IMAP servers
    "tracker.inbox.tasks.read_inbound_mail_task",  # parses mail from outside
    "tracker.inbox.tasks.sweep_mailboxes_task",
    "tracker.inbox.tasks.expire_inbox_items_task",
    "tracker.core.tasks.planner_statistics_task",
    "tracker.applications.tasks.interviews_move_stages_task",
]
CELERY_TASK_ROUTES = ["tracker.celery.route_task"]
# A file the worker touches every 10 s while it consumes (tracker.celery.LivenessFile), for
# docker-compose.yml's healthcheck; unset (the default), none is written.
CELERY_WORKER_LIVENESS_FILE = env.str("CELERY_WORKER_LIVENESS_FILE", default="")
# Beat remembers when each task last ran in a file of this clone's own, one per broker
# database: two clones (or a test run) never share it. var/ is writable in the image too.
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(BASE_DIR / "var" / f"celerybeat-db{_BROKER_DB}")
)
# Every periodic task claims its rows before acting, so a second beat by mistake (or two
# overlapping runs) sends nothing twice.
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "send-due-reminders": {
        "task": "tracker.followups.tasks.send_due_reminders_task",
        "schedule": crontab(),  # every minute
    },
    "sweep-proposal-jobs": {
        "task": "tracker.followups.tasks.sweep_proposal_jobs_task",
        "schedule": crontab(),
    },
    "retry-notifications": {
        "task": "tracker.notifications.tasks.retry_notifications_task",
        "schedule": crontab(),
    },
    "propose-nudges": {
        "task": "tracker.followups.tasks.propose_nudges_task",
        "schedule": crontab(minute="*/15"),
    },
    "sweep-mailboxes": {
        "task": "tracker.inbox.tasks.sweep_mailboxes_task",
        "schedule": crontab(),  # claims only the mailboxes due (every INBOX_POLL_MINUTES)
    },
    "expire-inbox-items": {
        "task": "tracker.inbox.tasks.expire_inbox_items_task",
        "schedule": crontab(minute=17),
    },
    "sweep-import-jobs": {
        "task": "tracker.imports.tasks.sweep_import_jobs_task",
        "schedule": crontab(),
    },
    "interviews-move-stages": {
        "task": "tracker.applications.tasks.interviews_move_stages_task",
        "schedule": crontab(minute="*/5"),
    },
    "work-search-reminders": {
        "task": "tracker.worksearch.tasks.send_weekly_reminders_task",
        # Claims each user's week once; a quarter-hour sweep finds their morning in any zone.
        "schedule": crontab(minute="*/15"),
    },
    "planner-statistics": {
        "task": "tracker.core.tasks.planner_statistics_task",
        "schedule": crontab(minute=41, hour=3),  # a quiet hour; a second or two on SQLite
    },
}

# The HTTP API (tracker/api): token or session, JSON in and out, 50 to a page.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a request without credentials is told how to send them (401).
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Too large or too deeply nested bodies are JSON 413/400s (tracker/api/parsers.py).
    "DEFAULT_PARSER_CLASSES": ["tracker.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "tracker.api.exceptions.exception_handler",
    # Guessing passwords through the token endpoint: a few tries a minute per address.
    "DEFAULT_THROTTLE_RATES": {"auth_token": env.str("API_TOKEN_RATE", default="10/min")},
    # 0 proxies trusts none of X-Forwarded-For, so a client cannot pick its own address to
    # dodge the limit above (the throttle reads the address as axes does).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rebound API",
    "DESCRIPTION": "Applications, their stage history, rejections and follow-ups. Send "
    "`Authorization: Token <token>` (get one from POST /api/auth/token/ or in Settings).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    # Served from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per vocabulary, whichever field uses it (stage and furthest_stage, ...).
    "ENUM_NAME_OVERRIDES": {
        "StageEnum": "tracker.applications.models.Stage",
        "SourceEnum": "tracker.applications.models.Source",
        "ChangeSourceEnum": "tracker.applications.models.ChangeSource",
        "ChannelEnum": "tracker.mail.vocabulary.CHANNEL_CHOICES",
        "SenderRoleEnum": "tracker.mail.vocabulary.SENDER_ROLE_CHOICES",
        "InterviewKindEnum": "tracker.applications.models.InterviewKind",
        "ContactRoleEnum": "tracker.applications.models.ContactRole",
        "KindEnum": "tracker.followups.models.KIND_CHOICES",
        "FollowUpStatusEnum": "tracker.followups.models.FollowUpStatus",
        "ElementEnum": "tracker.followups.models.ELEMENT_CHOICES",
        "ActivityKindEnum": "tracker.worksearch.vocabulary.ACTIVITY_CHOICES",
        "LayoutEnum": "tracker.worksearch.vocabulary.LAYOUT_CHOICES",
    },
}

# Production hardening: on whenever DEBUG is off, each switchable for a TLS-terminating proxy.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# Content Security Policy: every script and style comes from our own static files, so a
# stored-XSS payload that slips into a page still cannot run. Bootstrap draws some icons
# as data: SVGs in its CSS, hence img-src data:.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # axes logs every successful login at INFO; lockouts (WARNING) are what matter.
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint and the font subsetter narrate every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
