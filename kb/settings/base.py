"""Settings shared by every environment, read from the environment.

Defaults here are production-safe (DEBUG off, no allowed host); `dev.py` relaxes them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

from caching import config as cache_settings
from kb.addresses import SITE_ROOT_URL

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "kb",
    "studydays",
    "resources",
    "search",
    "citations",
    "oai",
    "feeds",
    "accounts",
    "alerts",
    "readinglists",
    "imports",
    "caching",
    "backups",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kb.security.ContentSecurityPolicyMiddleware",
    # Before WhiteNoise, so that static files carry it too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers 304 to a conditional request from the ETag/Last-Modified of any response, cached ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF (each reader's token goes back into cached forms), before anything reads the session.
    "caching.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After OTPMiddleware, which tells whether the session proved a device: the admin asks for the code.
    "accounts.two_factor.middleware.AdminSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kb.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kb.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "kb.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site answer reads while a long import writes. IMMEDIATE transactions take the write lock
    # when they begin, so concurrent writers (uploads, the worker) wait their turn up to the timeout instead
    # of failing with « database is locked » when a deferred read upgrades to a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches (caching app): KB_CACHE_URL names a Redis or memcached server; files under var/cache otherwise.
CACHES = cache_settings.caches(
    os.environ.get("KB_CACHE_URL", ""), Path(os.environ.get("KB_CACHE_DIR", BASE_DIR / "var" / "cache"))
)
# How long an anonymous page stays stored (purges make it fresh sooner); how long browsers and proxies reuse it.
KB_PAGE_CACHE_SECONDS = int(os.environ.get("KB_PAGE_CACHE_SECONDS", "3600"))
KB_PAGE_CACHE_MAX_AGE = int(os.environ.get("KB_PAGE_CACHE_MAX_AGE", "60"))

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "centre-ressources@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks, as Wagtail uses). "default" runs at once unless configured; "background"
# holds the long jobs (imports, PDF extraction, alert digests) in the database for a worker:
# `manage.py kb_worker --backend background` (db_worker plus recovery sweeps), started by `make run`.
TASKS = {
    "default": {"BACKEND": os.environ.get("KB_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")},
    "background": {"BACKEND": os.environ.get("KB_BACKGROUND_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
}

# Bibliography imports (imports app): the largest file and ZIP of PDFs accepted, and references per file.
KB_IMPORT_MAX_FILE_MB = int(os.environ.get("KB_IMPORT_MAX_FILE_MB", "20"))
KB_IMPORT_MAX_ZIP_MB = int(os.environ.get("KB_IMPORT_MAX_ZIP_MB", "500"))
KB_IMPORT_MAX_ROWS = int(os.environ.get("KB_IMPORT_MAX_ROWS", "10000"))

# OAI-PMH (oai app): the repository id harvesters key records on, the contact Identify gives, paging.
KB_OAI_REPOSITORY_ID = os.environ.get("KB_OAI_REPOSITORY_ID", "")
KB_OAI_ADMIN_EMAIL = os.environ.get("KB_OAI_ADMIN_EMAIL", "")
KB_OAI_PAGE_SIZE = int(os.environ.get("KB_OAI_PAGE_SIZE", "100"))
KB_OAI_TOKEN_LIFETIME = int(os.environ.get("KB_OAI_TOKEN_LIFETIME", str(24 * 3600)))

# The public address links in emails start with (kb.addresses); the default Wagtail Site when empty.
KB_SITE_URL = os.environ.get("KB_SITE_URL", "")

# Accounts (accounts app): the site's own sign-in page, for the public site and restricted pages alike.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/compte/connexion/"
# Anyone may create a reader's account (confirmed by email) unless the pole switches it off.
KB_SELF_REGISTRATION = env_bool("KB_SELF_REGISTRATION", True)
# Whom a DU student whose access has ended (or anyone refused) should write to.
KB_ACCESS_CONTACT_NAME = os.environ.get("KB_ACCESS_CONTACT_NAME", "l’équipe pédagogique du DU ESS")
KB_ACCESS_CONTACT_EMAIL = os.environ.get("KB_ACCESS_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)
# Two-factor authentication (accounts.two_factor, on django-otp): required of superusers and documentalists
# when on. Off by default so `make run` opens the admin with the demo account, which has no phone to enrol;
# a deployment sets KB_REQUIRE_STAFF_2FA=1. Staff who enrolled are asked for a code either way. django-otp's
# throttling stays at its default: each wrong code doubles the wait before the next (1, 2, 4… seconds).
KB_REQUIRE_STAFF_2FA = env_bool("KB_REQUIRE_STAFF_2FA", False)

WAGTAIL_SITE_NAME = "Centre de ressources ESS"
# The name authenticator apps show beside the account's codes.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Where Wagtail's emails (moderation) link to the admin: the environment's address, else the site's own as
# kb.addresses reads it when the email is written (KB_SITE_URL, else the default Site), never a development host.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_ROOT_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ArchiveDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "csv", "txt", "rtf", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("KB_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))
# Every download goes through Wagtail's view, which checks the collection's privacy (never a bare /media/ URL).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.forms.ArchiveDocumentForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"

# Moderation emails (Wagtail's workflow notifications) go through the email settings above.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("KB_NOTIFY_SUPERUSERS", False)

# Login throttling (public and admin login): a username is locked out from one address after too many failures.
AXES_FAILURE_LIMIT = int(os.environ.get("KB_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KB_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "kb/login_locked.html"
AXES_CLIENT_IP_CALLABLE = "kb.security.client_ip"
# How many reverse proxies append to X-Forwarded-For in front of the application (0: none, use the socket).
KB_TRUSTED_PROXIES = int(os.environ.get("KB_TRUSTED_PROXIES", "0"))

# Content-Security-Policy (django-csp): the public site runs no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Embedded videos come from whichever oEmbed provider an editor chose.
        "frame-src": ["https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin needs inline scripts and styles, `new Function` and a same-origin preview frame (kb.security).
KB_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# PDF text extraction runs in the worker, in a child process with these bounds: the timeout stays below
# gunicorn's (30 s) so that `kb_extract` or an immediate backend never outlives a web request either.
KB_EXTRACTION_TIMEOUT_SECONDS = int(os.environ.get("KB_EXTRACTION_TIMEOUT_SECONDS", "25"))
KB_EXTRACTION_MEMORY_MB = int(os.environ.get("KB_EXTRACTION_MEMORY_MB", "768"))
KB_EXTRACTION_MAX_MB = int(os.environ.get("KB_EXTRACTION_MAX_MB", "200"))
# A crash or a timeout is tried again after 1, then 2... times this delay, up to this many attempts in all.
KB_EXTRACTION_MAX_ATTEMPTS = int(os.environ.get("KB_EXTRACTION_MAX_ATTEMPTS", "3"))
KB_EXTRACTION_RETRY_SECONDS = int(os.environ.get("KB_EXTRACTION_RETRY_SECONDS", "60"))
# The worker looks this often for work a dead process left (tasks still « running », unindexed commits);
# a task running longer than KB_TASK_STALE_SECONDS (extraction: its timeout plus a minute) lost its worker.
KB_WORKER_SWEEP_SECONDS = int(os.environ.get("KB_WORKER_SWEEP_SECONDS", "60"))
KB_TASK_STALE_SECONDS = int(os.environ.get("KB_TASK_STALE_SECONDS", "1800"))

# The archive search runs on a cluster when KB_ELASTICSEARCH_URL is set, on the database otherwise;
# the database engine is kept up to date either way and answers whenever the cluster cannot.
KB_ELASTICSEARCH_URL = os.environ.get("KB_ELASTICSEARCH_URL", "")
# What the cluster runs, and so which official client talks to it: "elasticsearch" or "opensearch".
KB_SEARCH_FLAVOUR = os.environ.get("KB_SEARCH_FLAVOUR", "elasticsearch").strip().lower()
if KB_SEARCH_FLAVOUR not in {"elasticsearch", "opensearch"}:
    raise ImproperlyConfigured(f'KB_SEARCH_FLAVOUR must be "elasticsearch" or "opensearch", not {KB_SEARCH_FLAVOUR!r}.')
KB_ELASTICSEARCH_INDEX = os.environ.get("KB_ELASTICSEARCH_INDEX", "kb-records")
KB_ELASTICSEARCH_USERNAME = os.environ.get("KB_ELASTICSEARCH_USERNAME", "")
KB_ELASTICSEARCH_PASSWORD = os.environ.get("KB_ELASTICSEARCH_PASSWORD", "")
KB_ELASTICSEARCH_API_KEY = os.environ.get("KB_ELASTICSEARCH_API_KEY", "")
KB_ELASTICSEARCH_CA_CERTS = os.environ.get("KB_ELASTICSEARCH_CA_CERTS", "")
KB_ELASTICSEARCH_VERIFY_CERTS = env_bool("KB_ELASTICSEARCH_VERIFY_CERTS", True)
KB_ELASTICSEARCH_SHARDS = int(os.environ.get("KB_ELASTICSEARCH_SHARDS", "1"))
KB_ELASTICSEARCH_REPLICAS = int(os.environ.get("KB_ELASTICSEARCH_REPLICAS", "0"))
KB_SEARCH_TIMEOUT = float(os.environ.get("KB_SEARCH_TIMEOUT", "2"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # opensearch-py logs every failed request with its traceback; search.engines.es.client already
        # logs each failure in one precise line, so only the client's errors are kept.
        "opensearch": {"level": "ERROR"},
        # Two lines per task run (started, finished), and Wagtail runs one per saved object (search and
        # reference index): thousands during `make setup`. A failed task still logs at ERROR with its
        # traceback. The worker (db_worker) sets its own level from --verbosity.
        "django_tasks": {"level": "WARNING"},
        # Three lines per page (created, edited, published), which Wagtail's audit log already keeps
        # in the database (the page's history in the admin).
        "wagtail": {"level": "WARNING"},
    },
}

# /sante/ reports the task worker as stalled when a task has waited longer than this.
KB_HEALTH_MAX_TASK_WAIT = int(os.environ.get("KB_HEALTH_MAX_TASK_WAIT", "300"))
# The proxy polls /sante/ on the web process itself, over plain HTTP: no redirect to HTTPS there.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]

# Powerful browser features the site never uses, refused to it and to any frame it embeds; the
# video embeds' own (fullscreen, autoplay, picture-in-picture) and the clipboard the citation
# buttons write to stay at the browsers' defaults.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "shared-storage",
        "shared-storage-select-url",
        "usb",
        "xr-spatial-tracking",
    )
}


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
