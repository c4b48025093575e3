"""IBIS Hub settings. Every difference between machines is an environment variable,
each documented in .env.example; the defaults are safe for a developer's machine."""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import environ
import xstatic.pkg.leaflet
from django.utils.translation import gettext_lazy as _

from hub.lib.catalogues import complete_languages

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# The fallback key only ever serves a developer's machine; `check --deploy` flags it.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-ibis-hub-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# E-mails link here; by default the address `make run` serves on (PORT=8113 make run).
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{env('PORT', default='8000')}")
SITE_NAME = "IBIS Hub"
# Where people write to the team that runs the site (the contact and privacy pages).
CONTACT_EMAIL = env("CONTACT_EMAIL", default="contact@ibis-hub.example.org")

INSTALLED_APPS = [
    # Before the admin, whose forms it extends with a field per language (hub/vocabularies/translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "hub.lib.apps.StaticFiles",  # django.contrib.staticfiles, less what we never serve
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    "django_countries",
    "django_filters",
    "simple_history",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "axes",
    "hub.accounts",
    "hub.publishing",
    "hub.vocabularies",
    "hub.people",
    "hub.places",
    "hub.practices",
    "hub.pledges",
    "hub.resources",
    "hub.events",
    "hub.imports",
    "hub.search",
    "hub.reactions",
    "hub.operations",
    "hub.serving",
    "hub.forum",
    "hub.pages",
    "hub.follow",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache: a first visit, or a reader who chose a language, is sent to the page in
    # their language (hub/serving/language.py), so the cache only ever answers for an address.
    "hub.serving.language.LanguageMiddleware",
    # Before the session: a cached page for an anonymous reader is answered without opening one.
    "hub.serving.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Control characters out of every form's input (and 404 for an address holding one).
    "hub.lib.text.ControlCharacterMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

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
                "django.template.context_processors.i18n",
                "hub.practices.context_processors.site",
            ],
            # {% colon %}: the colon after a label, with the space the reader's language puts before it.
            "builtins": ["hub.lib.templatetags.typography"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'ibis.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a moderator writes; IMMEDIATE avoids lock upgrades mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-64000;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Files under var/ by default, not local memory: the web server and the background worker (which
# publishes imported practices) are separate processes and must see the same "content changed" mark.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis down must not take the site down: the forgiving cache serves without it (hub/lib/cache.py).
    CACHES["default"]["BACKEND"] = "hub.lib.cache.ForgivingRedisCache"
if CACHES["default"]["BACKEND"].endswith(("FileBasedCache", "LocMemCache")):
    # These cull entries at random past 300; the "content changed" marks must stay.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)

# Whole pages for anonymous readers, kept in the cache above (hub/serving/middleware.py says which and
# when). Entries of versions that changed are never read again: they expire after this many seconds.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# How long a proxy or CDN in front may serve an anonymous page without asking again (s-maxage);
# 0: it asks every time (with the ETag, answered by a 304 when nothing changed).
PAGE_CACHE_SHARED_SECONDS = env.int("PAGE_CACHE_SHARED_SECONDS", default=0)
# After a bulk change (an import, a renamed term), each web process rebuilds its facet index in a
# thread of its own while the old one serves (hub/search/facet_index.py, "Freshness"); off, the
# request that notices rebuilds it (the tests: a thread cannot see a test's uncommitted data).
FACET_INDEX_IN_BACKGROUND = env.bool("FACET_INDEX_IN_BACKGROUND", default=True)

# Background work: the database-backed queue, run by `manage.py db_worker` (make run starts one).
TASKS = {"default": {"BACKEND": env("TASK_BACKEND", default="django_tasks_db.DatabaseBackend")}}

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="IBIS Hub <noreply@ibis-hub.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who receives an e-mail with the details of every server error (500): "Name <address>, other@…".
ADMINS = [getaddresses([entry])[0] for entry in env.list("ADMINS", default=[])]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Accounts (django-allauth): sign in by user name or e-mail; an address is verified by a link before use.
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_FORMS = {"login": "hub.accounts.forms.LoginForm", "signup": "hub.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "hub.accounts.adapter.AccountAdapter"
# Sign-up is limited by django-ratelimit and failed sign-ins by django-axes (below); allauth keeps its
# limits on the other forms (password reset, e-mail changes).
ACCOUNT_RATE_LIMITS = {"signup": False, "login_failed": False}

# Brute force (django-axes): 5 failed sign-ins for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "hub.accounts.lockout.username_of_attempt"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind a proxy the person's address is in X-Forwarded-For, TRUSTED_PROXY_HOPS entries from the right
# (one per proxy we run); the lockout and the rate limits both count by it (hub/lib/proxy.py).
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=1) if BEHIND_PROXY else 0
AXES_CLIENT_IP_CALLABLE = "hub.lib.proxy.client_ip"
RATELIMIT_IP_META_KEY = "hub.lib.proxy.client_ip"

# Spam (django-ratelimit, counted in the cache: share CACHE_URL between web processes in production).
RATE_LIMITS = {
    "signup": env("RATE_LIMIT_SIGNUP", default="5/h"),
    "submit": env("RATE_LIMIT_SUBMIT", default="10/h"),
    "comment": env("RATE_LIMIT_COMMENT", default="10/h"),
    "post": env("RATE_LIMIT_POST", default="20/h"),
    "contact": env("RATE_LIMIT_CONTACT", default="5/h"),
    # Follow by e-mail without an account: each asks for a confirmation e-mail to the address given.
    "follow": env("RATE_LIMIT_FOLLOW", default="10/h"),
}
# A member's first comments and forum posts (counted together) wait for a moderator; after this many
# are published, theirs appear at once.
COMMENTS_TRUSTED_AFTER = 2
# A comment or post scoring this much by hub.lib.spam.spam_score waits for a moderator, whoever wrote it.
SPAM_HOLD_SCORE = 6
COMMENT_EDIT_MINUTES = 30
POST_EDIT_MINUTES = 60
POSTS_PER_PAGE = 20

LANGUAGE_CODE = "en"
# Every form of the site lays out its fields the same way: templates/forms/field.html.
FORM_RENDERER = "hub.lib.forms.SiteFormRenderer"

# The languages the site is being translated into; only those whose catalogue is complete are
# offered (and negotiated from the browser), so that no page is half English (hub/lib/catalogues.py).
TRANSLATED_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The controlled vocabularies' names have a column per language (django-modeltranslation), fixed to the
# languages being translated, not to LANGUAGES (which grows as catalogues are completed): the database
# schema must not change with a catalogue. A name missing in a language is read in English (or, for a
# term nobody named in English yet, in whichever language it has).
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in TRANSLATED_LANGUAGES)
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = MODELTRANSLATION_LANGUAGES
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # slugs stay English: stable addresses
LANGUAGES = complete_languages(TRANSLATED_LANGUAGES, LOCALE_PATHS)
TIME_ZONE = "UTC"
USE_I18N = True
# Dates and numbers in each language's conventions (Django's locale formats); English's own: hub/formats/en.
FORMAT_MODULE_PATH = ["hub.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Leaflet for the world map comes from a Python package (XStatic), served as our own static files.
STATICFILES_DIRS = [BASE_DIR / "static", ("leaflet", xstatic.pkg.leaflet.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without a collectstatic run (a developer's machine, the tests) WhiteNoise serves from the finders.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"
# Files uploaded to resources: the largest accepted, in megabytes. They are served by the resource's
# own view (safe headers, unpublished ones to their submitter and moderators only), never from MEDIA_URL.
RESOURCE_FILE_MAX_BYTES = env.int("RESOURCE_FILE_MAX_MB", default=20) * 1024 * 1024

# A public site sets HTTPS=1: redirects, secure cookies and HSTS (`check --deploy` asks for it).
# Off by default so that `make run` and the test server work over plain http on 127.0.0.1.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts only from our own static files, never inline, so that
# markup slipped into a page cannot run. Map tiles come from MAP_TILE_URL's host (set below).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Leaflet and the admin position things with style attributes; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
TAGGIT_CASE_INSENSITIVE = True
COUNTRIES_FIRST = []

PRACTICES_PER_PAGE = 20
FILTERS_EMPTY_CHOICE_LABEL = _("All")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# The world map's background: by default the countries of Natural Earth (public domain), shipped with
# the site (static/vendor/world-atlas, from the npm package world-atlas) and drawn by Leaflet, so the
# map works offline and behind firewalls. Remote tiles only when MAP_TILE_URL is set (e.g.
# https://tile.openstreetmap.org/{z}/{x}/{y}.png, whose usage policy then applies), with their credit.
MAP_TILE_URL = env("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="")

# The tile server's host may serve images to the map, and nothing else ("{s}" is a subdomain wildcard).
if MAP_TILE_URL:
    _tiles = urlsplit(MAP_TILE_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}")
