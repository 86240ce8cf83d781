"""Django settings for the helpdesk project."""
from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["HELPDESK_SECRET_KEY"]
DEBUG = os.environ.get("HELPDESK_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("HELPDESK_HOSTS", "helpdesk.example.com").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "rest_framework",
    "helpdesk.tickets",
    "helpdesk.accounts",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "helpdesk.tickets.middleware.PreferencesMiddleware",
    "helpdesk.tickets.middleware.UiStateMiddleware",
]
ROOT_URLCONF = "helpdesk.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("HELPDESK_DB", "helpdesk"),
        "HOST": os.environ.get("HELPDESK_DB_HOST", "localhost"),
    }
}
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ATTACHMENT_ROOT = os.environ.get("HELPDESK_ATTACHMENTS", "/srv/helpdesk/attachments")
KB_DOCUMENT = os.environ.get("HELPDESK_KB", "/srv/helpdesk/kb.xml")
INTEGRATION_PROVIDERS = {
    "pagerduty": "https://events.pagerduty.com/v2/enqueue",
    "opsgenie": "https://api.opsgenie.com/v2/alerts",
}
LOGGING = {
    "version": 1,
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/var/log/helpdesk/app.log"}},
    "loggers": {"helpdesk": {"handlers": ["file"], "level": "INFO"}},
}
