"""Settings shared by every environment. Secrets and hosts come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .oidc import provider_origins, socialaccount_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("COLLECTIF_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "progress",
    "statements",
    "courses",
    "reflections",
    "cases",
    "teams",
    "teamjournal",
    "h5p",
    "scorm",
    "quizzes",
    "debrief",
    "lti",
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
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

# Bench, load-test and scale-check commands (devtools/): development and test settings add them; a production
# deployment gets them only when asked (make bench and make scale-check run production settings with it).
if os.environ.get("COLLECTIF_DEV_TOOLS") == "1":
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "core.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside SessionMiddleware: sessions opened by an LTI launch get cookies an LMS iframe can send.
    "lti.framing.LtiCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    # Before any view or CSRF check reads the body (they run after every middleware's request phase).
    "core.request_limits.RequestSizeLimitMiddleware",
    "core.request_limits.NulCharacterGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.csp.CollectifCSPMiddleware",
    # Inside the CSP and X-Frame-Options middleware: pages of an LTI flow may be framed by the platform.
    "lti.framing.LtiFramingMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "collectif.urls"
WSGI_APPLICATION = "collectif.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A persistent connection broken by a database restart is replaced before the request uses it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite for a small multi-user pilot: readers no longer block the writer (WAL), and a writer waits for the
    # lock up to 20 s instead of answering « database is locked » at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler costs tens of milliseconds on the aggregates of team dashboards and saves
    # nothing on short web queries: off, as commonly advised for OLTP workloads (see README, performance).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    # A database that does not answer must not hang every request (and /sante/): give up connecting after a few
    # seconds, and, when DATABASE_STATEMENT_TIMEOUT_MS is set, stop any query that runs longer (docs/deploiement.md).
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    if os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS"):
        DATABASES["default"]["OPTIONS"]["options"] += (
            f" -c statement_timeout={int(os.environ['DATABASE_STATEMENT_TIMEOUT_MS'])}"
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_space"

# --- django-allauth: e-mail is the login, verification mandatory, rate limits on (allauth defaults).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Collectif] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Sign-up tells plainly that an address is taken (a clear message beats a silent e-mail for our users);
# login and password reset still do not reveal whether an account exists: the reset form (accounts.allauth_forms) gives
# the same answer for any address, and only an existing account gets an e-mail (no mail to strangers).
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_FORMS = {"reset_password": "accounts.allauth_forms.ResetPasswordForm"}
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
}
# --- Single sign-on (OpenID Connect, README « Connexion unique »): providers come from OIDC_PROVIDERS (JSON).
# A provider's login never takes over a local account by its e-mail alone: when the address is already a
# Collectif account, the person signs in with their password and confirms the link (accounts.social_adapter).
SOCIALACCOUNT_PROVIDERS = socialaccount_providers(os.environ.get("OIDC_PROVIDERS", ""), os.environ)
OIDC_FORM_ACTION_ORIGINS = provider_origins(SOCIALACCOUNT_PROVIDERS)  # see CONTENT_SECURITY_POLICY
SOCIALACCOUNT_ADAPTER = "accounts.social_adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_STORE_TOKENS = False
# The login buttons post to the provider's login URL; a GET (a link followed by a crawler) only asks to confirm.
SOCIALACCOUNT_LOGIN_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Collectif"
# Staff must have TOTP before opening the Wagtail admin (switched on in production).
COLLECTIF_REQUIRE_STAFF_MFA = False

# --- Internationalisation: French first, English available.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "collectif_language"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("COLLECTIF_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Any request body larger than this is refused (413) before it is read (core/request_limits.py); staff in the
# admin may send up to REQUEST_MAX_UPLOAD_SIZE (H5P packages). Keep the proxy's limit (client_max_body_size) at
# least as high as the upload limit: see docs/deploiement.md.
REQUEST_MAX_BODY_SIZE = int(os.environ.get("REQUEST_MAX_BODY_SIZE", 10 * 1024 * 1024))

# --- Wagtail.
WAGTAIL_SITE_NAME = "Collectif"
# The site's public address: every absolute link (e-mails, certificates, xAPI, admin notifications) is built from it
# by core.links.absolute_url. Production derives it from the first allowed host when it is not given.
SITE_URL = (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000").rstrip(
    "/"
)
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# On PostgreSQL: French stemming without accents, a configuration created by courses/migrations/0002.
# The SQLite backend ignores SEARCH_CONFIG.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "collectif_french"}
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "ods", "xlsx", "csv", "txt"]

# --- Background tasks (django-tasks backport, database backend).
# Two queues: "lrs" (xAPI forwarding, statements/tasks.py) has its own worker process, so that a slow or hanging LRS
# never delays reminders and e-mails on "default". Workers run `manage.py run_worker` (core/worker.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "lrs"]}}
# A worker whose heartbeat is older than this is dead: the tasks it held go back to the queue.
TASK_WORKER_DEAD_AFTER_SECONDS = int(os.environ.get("TASK_WORKER_DEAD_AFTER_SECONDS", 30))
# A periodic job the worker (re)schedules runs this long after: soon, but after the worker has settled.
PERIODIC_FIRST_RUN_DELAY_SECONDS = int(os.environ.get("PERIODIC_FIRST_RUN_DELAY_SECONDS", 5))

# --- Live collective debriefs (debrief/): sessions, guests and their votes are deleted after this many days.
DEBRIEF_RETENTION_DAYS = int(os.environ.get("DEBRIEF_RETENTION_DAYS", 90))

# --- Inactive accounts (accounts/inactivity.py): learners idle this many days are deleted, after a notice sent
# INACTIVE_ACCOUNT_WARNING_DAYS before. Staff accounts are never deleted automatically.
INACTIVE_ACCOUNT_RETENTION_DAYS = int(os.environ.get("INACTIVE_ACCOUNT_RETENTION_DAYS", 1095))
INACTIVE_ACCOUNT_WARNING_DAYS = int(os.environ.get("INACTIVE_ACCOUNT_WARNING_DAYS", 30))

# --- H5P packages (see h5p/packages.py): limits against oversized archives and zip bombs.
H5P_MAX_UPLOAD_SIZE = int(os.environ.get("H5P_MAX_UPLOAD_SIZE", 128 * 1024 * 1024))
REQUEST_MAX_UPLOAD_SIZE = int(os.environ.get("REQUEST_MAX_UPLOAD_SIZE", H5P_MAX_UPLOAD_SIZE + 1024 * 1024))
H5P_MAX_UNPACKED_SIZE = int(os.environ.get("H5P_MAX_UNPACKED_SIZE", 512 * 1024 * 1024))
H5P_MAX_ENTRIES = int(os.environ.get("H5P_MAX_ENTRIES", 10_000))
# Uncompressed/compressed ratio above which an archive (or one of its larger entries) is a zip bomb.
H5P_MAX_COMPRESSION_RATIO = int(os.environ.get("H5P_MAX_COMPRESSION_RATIO", 100))
# h5p.json, content.json, library.json and semantics.json: size and nesting depth, checked before parsing.
H5P_MAX_JSON_SIZE = int(os.environ.get("H5P_MAX_JSON_SIZE", 8 * 1024 * 1024))
H5P_MAX_JSON_DEPTH = int(os.environ.get("H5P_MAX_JSON_DEPTH", 100))
# The player runs in an opaque-origin sandbox without the session: its files are reached through signed URLs
# (h5p/player_tokens.py) valid this many seconds; the lesson page issues one per learner and activity.
H5P_PLAYER_TOKEN_MAX_AGE = int(os.environ.get("H5P_PLAYER_TOKEN_MAX_AGE", 4 * 3600))

# --- SCORM packages (see scorm/packages.py): the same kind of limits as H5P packages. The module runs in an
# opaque-origin sandbox reached through signed URLs (scorm/player_tokens.py) valid this many seconds.
SCORM_MAX_UPLOAD_SIZE = int(os.environ.get("SCORM_MAX_UPLOAD_SIZE", H5P_MAX_UPLOAD_SIZE))
SCORM_MAX_UNPACKED_SIZE = int(os.environ.get("SCORM_MAX_UNPACKED_SIZE", 512 * 1024 * 1024))
SCORM_MAX_ENTRIES = int(os.environ.get("SCORM_MAX_ENTRIES", 10_000))
SCORM_MAX_COMPRESSION_RATIO = int(os.environ.get("SCORM_MAX_COMPRESSION_RATIO", 100))
SCORM_PLAYER_TOKEN_MAX_AGE = int(os.environ.get("SCORM_PLAYER_TOKEN_MAX_AGE", 4 * 3600))

# --- Optional forwarding of xAPI statements to an external LRS (xAPI 1.0.3); off when the endpoint is empty.
LRS_ENDPOINT = os.environ.get("LRS_ENDPOINT", "")
LRS_USERNAME = os.environ.get("LRS_USERNAME", "")
LRS_PASSWORD = os.environ.get("LRS_PASSWORD", "")
LRS_TIMEOUT = float(os.environ.get("LRS_TIMEOUT", "10"))
LRS_MAX_ATTEMPTS = int(os.environ.get("LRS_MAX_ATTEMPTS", "6"))

# --- Health check: /sante/ answers only "ok"/"erreur" to everyone; the detailed check (storage write, task worker)
# needs this token in the X-Health-Token header. Empty: no detailed check.
HEALTH_CHECK_TOKEN = os.environ.get("HEALTH_CHECK_TOKEN", "")

# --- Client address behind proxies: how many proxies in front of the app add themselves to X-Forwarded-For.
# 0 (default) ignores the header, which anyone can forge; 1 behind one load balancer, and so on. allauth's login
# limits and the live-session join limits (accounts.network.client_ip) key on the address this gives.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("COLLECTIF_TRUSTED_PROXY_COUNT", "0"))

# --- E-mail.
# What core.mail.DeliverableOnlyBackend hands the deliverable messages to, where EMAIL_BACKEND names it.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Collectif <ne-pas-repondre@collectif.example>")

# --- Security headers shared by every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # views that must be framed (H5P player) opt in
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx and fetch read the token from the cookie-less meta tag instead
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The single sign-on buttons post here and are redirected to the provider (collectif/settings/oidc.py).
        "form-action": [SELF, *OIDC_FORM_ACTION_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin uses inline styles and scripts of its own; it gets a looser policy (see core.csp).
ADMIN_CONTENT_SECURITY_POLICY_EXTRA = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["https:"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Page edits are already in Wagtail's audit log; one console line per edit only adds noise.
        "wagtail": {"level": "WARNING"},
    },
}

# Benchmarks only: adds Server-Timing and X-DB-Queries headers to every response.
COLLECTIF_TIMING_HEADERS = os.environ.get("COLLECTIF_TIMING_HEADERS") == "1"

COLLECTIF_ROLE_LABELS = {
    "learner": _("Apprenant·e"),
    "trainer": _("Formateur·rice"),
    "manager": _("Responsable d'équipe"),
    "admin": _("Administrateur·rice"),
}
