"""Settings for Kurs, read from the environment.

Every value that differs between machines comes from an environment variable, parsed by one of
the small typed helpers below, which fail loudly on a malformed value. With no environment at
all, Kurs runs in development mode on an embedded SQLite database.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # Development only: a key that is obviously not secret, so it is never mistaken for one.
    SECRET_KEY = "development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off, e.g. kurs.example.dk")
if not DEBUG and not os.environ.get("DATABASE_URL"):
    # Production names its database; an SQLite file created in the code folder would be lost.
    raise ImproperlyConfigured("DATABASE_URL must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Trigram lookups for the company search on PostgreSQL (`businesses.search`).
    "django.contrib.postgres",
    "simple_history",
    "axes",
    "core",
    "strategy",
    "actions",
    "businesses",
    "inquiries",
    "officialstats",
    "transparency",
    "reports",
    "contacts",
    "visits",
    "events",
    "imports",
    "forum",
    "newsletter",
    "partnerships",
    "procurement",
    "outreach",
    "api",
    "django_q",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.DanishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the session, user and messages, which its page needs; before any view looks a value
    # of the address up in the database.
    "core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    # Last: turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kurs.urls"
WSGI_APPLICATION = "kurs.wsgi.application"

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
                "core.context_processors.memberships",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://…) is the production choice.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Production keeps a connection open across requests rather than opening one for each.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, reading an out-of-range stored decimal without crashing.
    DATABASES["default"]["ENGINE"] = "core.sqlite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cached page parts (core.pagecache): in each process's memory by default; with REDIS_URL in a
# Redis server that every worker shares, so a part is computed once, not once per worker.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses any login, right password or not, while the user or address is locked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["kurs.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In development the files are served from the app folders as they change; in production from
# STATIC_ROOT after `collectstatic`.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# Login throttling with django-axes; the rules are in core/lockout.py's docstring.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
if min(AXES_FAILURE_LIMIT, LOGIN_ADDRESS_FAILURE_LIMIT, AXES_COOLOFF_TIME.total_seconds()) < 1:
    raise ImproperlyConfigured(
        "LOGIN_FAILURE_LIMIT, LOGIN_ADDRESS_FAILURE_LIMIT and LOGIN_COOLOFF_MINUTES "
        "must be 1 or more"
    )
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "core.lockout.LoginFailureHandler"
AXES_CLIENT_IP_CALLABLE = "core.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_VERBOSE = False  # no banner on every manage.py command

# Password reset (core/accounts.py): requests from one address, and reset mails to one e-mail
# address, in an hour; counted like the public forms (core/ratelimit.py).
PASSWORD_RESET_ADDRESS_LIMIT = env_int("PASSWORD_RESET_ADDRESS_LIMIT", 5)
PASSWORD_RESET_EMAIL_LIMIT = env_int("PASSWORD_RESET_EMAIL_LIMIT", 3)
if min(PASSWORD_RESET_ADDRESS_LIMIT, PASSWORD_RESET_EMAIL_LIMIT) < 1:
    raise ImproperlyConfigured(
        "PASSWORD_RESET_ADDRESS_LIMIT and PASSWORD_RESET_EMAIL_LIMIT must be 1 or more"
    )

# HTTPS. In production every request is redirected to HTTPS and browsers are told (HSTS) to use
# nothing else for a year. Behind a reverse proxy that ends TLS (BEHIND_PROXY), the proxy says
# which requests came in over HTTPS, for which host and from which client (core/lockout.py); it
# must set these headers itself and drop any a client sent (README: Production).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
PROXY_COUNT = env_int("PROXY_COUNT", 1)

# GDPR: a contact person with no contact for this many months is erased by
# `manage.py apply_retention` (contacts.services); 36 months = three years of no dealings.
CONTACT_RETENTION_MONTHS = env_int("CONTACT_RETENTION_MONTHS", 36)
# Hours a person on an event's waiting list has to accept a seat that freed up (events).
EVENT_OFFER_HOURS = env_int("EVENT_OFFER_HOURS", 48)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
# Subdomains of Kurs' own host name (not of the municipality's domain) are HTTPS only too.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # The preload list takes registered domains, not the subdomain Kurs runs on; putting the
    # municipality's whole domain on it is the domain owner's decision, not Kurs' default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Sessions are read from the cache and written through to the database: a page saves the
# session query on every request, and a cache that loses an entry (per process, or a restarted
# Redis) falls back to the database, so nobody is logged out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Development (DEBUG) without an EMAIL_HOST prints mails in the terminal, so `make start` can
# show receipts, confirmations and reminders without a mail server; production always uses SMTP.
if DEBUG and not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kurs@localhost")

# Statistics Denmark's StatBank API (officialstats.client), read by `fetch_statistics` and by
# the form that links an indicator to a table.
STATBANK_URL = env_str("STATBANK_URL", "https://api.statbank.dk/v1/")
STATBANK_TIMEOUT = env_int("STATBANK_TIMEOUT", 20)
if STATBANK_TIMEOUT < 1:
    raise ImproperlyConfigured("STATBANK_TIMEOUT must be 1 second or more")

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Newsletters (newsletter/sending.py): rows a worker claims and sends on one SMTP connection,
# workers per issue, the waits (seconds) before each retry of a temporary SMTP error, the run of
# failures that pauses a send; at most this many confirmation mails to one address a day; the
# mailbox of the mailto unsubscribe address (read by a person or the mail system, not by Kurs).
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 100)
NEWSLETTER_WORKERS = env_int("NEWSLETTER_WORKERS", 1)
NEWSLETTER_RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600]
NEWSLETTER_PAUSE_AFTER = env_int("NEWSLETTER_PAUSE_AFTER", 20)
NEWSLETTER_CONFIRMATION_MAILS_PER_DAY = env_int("NEWSLETTER_CONFIRMATION_MAILS_PER_DAY", 3)
# Empty: DEFAULT_FROM_EMAIL.
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
if min(NEWSLETTER_BATCH_SIZE, NEWSLETTER_WORKERS, NEWSLETTER_PAUSE_AFTER) < 1:
    raise ImproperlyConfigured("NEWSLETTER_BATCH_SIZE, _WORKERS and _PAUSE_AFTER must be 1 or more")

# Background jobs: the committee reports (reports/jobs.py), newsletter sending and the recurring
# jobs of `core.schedules` (nightly counts, reminders, warnings). django-q2 keeps its queue in
# the database by default, so SQLite in development and PostgreSQL in production need no other
# service; KURS_JOB_BROKER=redis puts the queue on Redis (REDIS_URL) instead, for many workers.
# Schedules and results stay in the database either way. The worker is a second process,
# `manage.py qcluster` (`make worker`; `make start` runs one beside the development server).
# KURS_JOBS_SYNC=true runs each job at once inside the request that queues it, without a worker
# (the test suite does so).
JOB_BROKER = env_str("KURS_JOB_BROKER", "database")
if JOB_BROKER not in {"database", "redis"}:
    raise ImproperlyConfigured("KURS_JOB_BROKER must be 'database' or 'redis'")
if JOB_BROKER == "redis" and not REDIS_URL:
    raise ImproperlyConfigured("KURS_JOB_BROKER=redis needs REDIS_URL")
Q_CLUSTER = {
    "name": "kurs",
    **({"redis": REDIS_URL} if JOB_BROKER == "redis" else {"orm": "default"}),
    "workers": env_int("KURS_JOB_WORKERS", 1),
    "timeout": 600,  # seconds a report may take before its worker is stopped
    "retry": 660,  # must exceed the timeout, or a slow report is started twice
    "max_attempts": 1,  # a failed report is marked failed; an editor asks for a new one
    "poll": 1,  # seconds between looks at the queue
    "catch_up": False,
    "save_limit": 100,
    "ack_failures": True,
    "sync": env_bool("KURS_JOBS_SYNC", False),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every step of every PDF at INFO; its warnings are what matters.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# The CVR register's "system til system" service (Elasticsearch), for `manage.py import_cvr`.
# The Danish Business Authority grants the user name and password; they live in the environment
# only, never in the repository.
CVR_URL = env_str("CVR_URL", "http://distribution.virk.dk")
CVR_USERNAME = env_str("CVR_USERNAME", "")
CVR_PASSWORD = env_str("CVR_PASSWORD", "")
