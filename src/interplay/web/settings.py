"""Django settings for Interplay, read from the environment (see docs/deployment.md).

Zero configuration gives a working SQLite install in `~/.local/share/interplay`;
`INTERPLAY_PRODUCTION=1` turns on everything `manage.py check --deploy` asks for and refuses to
invent secrets.
"""

from __future__ import annotations

from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from interplay.language.engine import DEFAULT_ENGINE, ENGINE_NAMES
from interplay.web import env, keys

BASE_DIR = Path(__file__).resolve().parent

PRODUCTION = env.env_bool("INTERPLAY_PRODUCTION", False)
# Off unless asked for: a laptop install served on a network must not show debug pages.
DEBUG = env.env_bool("INTERPLAY_DEBUG", False)
if PRODUCTION and DEBUG:
    raise env.ConfigError("INTERPLAY_DEBUG=1 is not allowed together with INTERPLAY_PRODUCTION=1.")

DATA_DIR = keys.ensure_data_dir(
    env.env_path("INTERPLAY_DATA_DIR", Path("~/.local/share/interplay"))
)
SECRET_KEY = keys.secret_key(env.env_secret("INTERPLAY_SECRET_KEY"), DATA_DIR, PRODUCTION)
ENCRYPTION_KEYS = keys.encryption_keys(
    env.env_secret("INTERPLAY_ENCRYPTION_KEYS"), DATA_DIR, PRODUCTION
)

ALLOWED_HOSTS = env.env_list(
    "INTERPLAY_ALLOWED_HOSTS", () if PRODUCTION else ("localhost", "127.0.0.1", "[::1]")
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise env.ConfigError(
        "INTERPLAY_ALLOWED_HOSTS must name the host(s) Interplay is served on in production."
    )
CSRF_TRUSTED_ORIGINS = env.env_list("INTERPLAY_CSRF_TRUSTED_ORIGINS", ())
# The address used in emailed links (sign-in links, invitations, password resets).
SITE_URL = env.env_str("INTERPLAY_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # allauth.mfa's pages use it
    "django_htmx",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",  # the list of one's sessions, "sign out everywhere else"
    "django_tasks",
    "django_tasks_db",
    "interplay.web.accounts",
    "interplay.web.kernel",
    "interplay.web.coaching",
    "interplay.web.assessments",
    "interplay.web.journal",
    "interplay.web.safety",
    "interplay.web.values",
    "interplay.web.relationships",
    "interplay.web.practice",
    "interplay.web.path",
    "interplay.web.schedule",
    "interplay.web.reminders",
    "interplay.web.progress",
    "interplay.web.exports",
    "interplay.web.api",
    "interplay.web.health",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "interplay.web.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "interplay.web.kernel.idempotency.IdempotencyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "interplay.web.kernel.headers.PrivacyHeadersMiddleware",
    # After the headers: a timed-out response is a sign-out, and gets their Clear-Site-Data.
    "interplay.web.kernel.idle.SessionLifetimeMiddleware",
    # Inside the header middleware, outside the storage one: its pages become problems too.
    "interplay.web.api.problems.ProblemMiddleware",
    "interplay.web.kernel.storage_errors.StorageErrorMiddleware",
]

ROOT_URLCONF = "interplay.web.urls"
WSGI_APPLICATION = "interplay.web.wsgi.application"

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
                "csp.context_processors.nonce",
                "interplay.web.accounts.context_processors.coaching",
            ],
            "string_if_invalid": "",
            "builtins": ["interplay.web.kernel.templatetags.idempotency"],
        },
    }
]

_database_url = env.env_secret("DATABASE_URL")
if _database_url:
    DATABASES = {"default": env.database_from_url("DATABASE_URL", _database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "interplay.web.kernel.sqlite",  # Django's, remembering conversions
            "NAME": DATA_DIR / keys.DATABASE_FILE,
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE takes the write lock
                # at the start of a transaction so busy writers wait instead of failing.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
                ),
            },
            # Django's default for SQLite, said out loud: pytest-django recognises the default
            # only under Django's own engine name, and would otherwise give each parallel
            # test process a file named after the data folder's database.
            "TEST": {"NAME": ":memory:"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds allauth's rate limits and the API's per-token request counters, so every web
# process (gunicorn runs several) must see the same one: Redis when REDIS_URL is set (several
# machines too), otherwise a table in the database (created by migration kernel/0006 and again
# at `interplay serve`), never memory private to one process.
REDIS_URL = env.env_secret("REDIS_URL") or ""
CACHE_TABLE = "interplay_cache"
if REDIS_URL:
    CACHES = {"default": env.redis_cache_from_url("REDIS_URL", REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Django's default (300 rows) would cull live counters once a few hundred tokens
            # and addresses are counted at once; expired rows are dropped first anyway.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]

# Accounts stand on django-allauth (docs/security.md, "Signing in"): an email address and a
# password, the address proved by an emailed code before the account can be used, sign-in by
# emailed code as the other way in, and the same answer whether or not an address has an account.
ACCOUNT_ADAPTER = "interplay.web.accounts.adapter.InterplayAccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "interplay.web.sign_up.SignUpDetails"
# allauth's forms, relabelled in Interplay's words (accounts/forms.py).
ACCOUNT_FORMS = {
    "login": "interplay.web.accounts.forms.CalmLoginForm",
    "signup": "interplay.web.accounts.forms.CalmSignupForm",
    "change_password": "interplay.web.accounts.forms.CalmChangePasswordForm",
    "set_password": "interplay.web.accounts.forms.CalmSetPasswordForm",
    "reset_password_from_key": "interplay.web.accounts.forms.CalmResetPasswordKeyForm",
    "add_email": "interplay.web.accounts.forms.CalmAddEmailForm",
    "reauthenticate": "interplay.web.accounts.forms.CalmReauthenticateForm",
    "reset_password": "interplay.web.accounts.forms.CalmResetPasswordForm",
    "request_login_code": "interplay.web.accounts.forms.CalmRequestLoginCodeForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True  # no reset token in any URL
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # the person stays in; other sessions end
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Interplay: "
ACCOUNT_REAUTHENTICATION_TIMEOUT = 10 * 60
# Changing the email address asks again too (allauth.mfa asks by default for its changes;
# a password change asks for the current password).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = True  # SESSION_COOKIE_AGE below, never "until the browser closes"
# Per address ("ip") and per account ("key", the email typed). The password's own per-account
# limit is generous: the project's counter per account *and* address (accounts/throttle.py)
# is what slows a guesser, so a stranger elsewhere cannot lock the owner out; codes are limited
# per address and only lightly per account, so the owner can always ask for one.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "30/m/ip,100/15m/key",
    "request_login_code": "20/m/ip,10/15m/key",
    "signup": "10/m/ip,50/h/ip",
    "reset_password": "20/m/ip,5/15m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/10s/key",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Two-factor on allauth.mfa: an authenticator app (TOTP) with recovery codes, and passkeys
# (WebAuthn). Required for coaches before any client page (accounts/decorators.py), optional
# for clients. Secrets are encrypted at rest with the project's keys (accounts/mfa_adapter.py).
MFA_ADAPTER = "interplay.web.accounts.mfa_adapter.InterplayMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Interplay"
# WebAuthn needs HTTPS, except on this computer while trying Interplay out.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# The list of one's sessions (allauth.usersessions). Activity is not tracked on every request
# (that would write on every read): the idle timeout notes it at most once a minute and
# updates the session's row then (kernel/idle.py).
USERSESSIONS_TRACK_ACTIVITY = False

# How long a session lasts (kernel/idle.py): idle timeouts by role, and an absolute lifetime
# (the cookie's age too) that no activity extends.
SESSION_COOKIE_AGE = env.env_int("INTERPLAY_SESSION_HOURS", 24 * 30, minimum=1) * 3600
COACH_SESSION_SECONDS = env.env_int("INTERPLAY_COACH_SESSION_HOURS", 12, minimum=1) * 3600
COACH_IDLE_SECONDS = env.env_int("INTERPLAY_COACH_IDLE_MINUTES", 30, minimum=1) * 60
CLIENT_IDLE_SECONDS = env.env_int("INTERPLAY_CLIENT_IDLE_HOURS", 24 * 14, minimum=1) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "interplay.web.home.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# How many reverse proxies stand in front: each appends the address it saw to X-Forwarded-For,
# so the client's address (used for sign-in throttling) is that many entries from the end, and
# HTTPS is what the proxies say it was. The older INTERPLAY_BEHIND_PROXY=1 still means one.
TRUSTED_PROXIES = env.env_int(
    "INTERPLAY_TRUSTED_PROXIES", 1 if env.env_bool("INTERPLAY_BEHIND_PROXY", False) else 0
)
BEHIND_PROXY = TRUSTED_PROXIES > 0
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXIES
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.env_bool("INTERPLAY_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.env_int("INTERPLAY_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_SSL_REDIRECT:
        # The proxy in front redirects instead; silence the check that cannot see it.
        SILENCED_SYSTEM_CHECKS = ["security.W008"]

# No request to any other host: scripts, styles, fonts and images all come from this server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English (UK)")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.env_str("INTERPLAY_TIME_ZONE", "Europe/London")
# Which language engine reads journal entries and drafts (see docs/language.md).
INTERPLAY_LANGUAGE_ENGINE = env.env_choice(
    "INTERPLAY_LANGUAGE_ENGINE", DEFAULT_ENGINE, ENGINE_NAMES
)
# Requests one API token may make per minute (api/auth.py); over it, 429 with Retry-After.
INTERPLAY_API_REQUESTS_PER_MINUTE = env.env_int("INTERPLAY_API_REQUESTS_PER_MINUTE", 120, minimum=1)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

_email = env.email_from_url("INTERPLAY_EMAIL_URL", env.env_secret("INTERPLAY_EMAIL_URL"), DATA_DIR)
globals().update(_email)
DEFAULT_FROM_EMAIL = env.env_str("INTERPLAY_FROM_EMAIL", "Interplay <interplay@localhost>")

# Emails are sent by the database-backed task worker (`interplay worker`, started by
# `interplay serve`), so a slow mail server never holds up a page.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A PDF report of a history holding more records than this (assessments, check-ins,
# experiments and map snapshots the reader may see) is built by the worker rather than inside
# the request: over it a build takes about a second or more (bench/bench_reports.py,
# docs/benchmarks.md).
REPORTS_INLINE_LIMIT = 1500

# Access logs never hold tokens or search words (kernel/log_redaction.py): the kernel app puts
# the filter on the access loggers, and it sits on this handler too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "interplay.web.kernel.log_redaction.RedactRequestLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env.env_str("INTERPLAY_LOG_LEVEL", "INFO")},
}
