"""Django settings for the book club."""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["BOOKCLUB_SECRET_KEY"]
DEBUG = os.environ.get("BOOKCLUB_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("BOOKCLUB_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "library",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "bookclub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("BOOKCLUB_DB", "bookclub"),
        "HOST": os.environ.get("BOOKCLUB_DB_HOST", "localhost"),
    }
}

MEDIA_ROOT = os.environ.get("BOOKCLUB_MEDIA", str(BASE_DIR / "media"))
EBOOK_ROOT = os.path.join(MEDIA_ROOT, "ebooks")
SAMPLE_ROOT = os.path.join(MEDIA_ROOT, "samples")
COVER_ROOT = os.path.join(MEDIA_ROOT, "covers")

LDAP_URI = os.environ.get("BOOKCLUB_LDAP", "ldap://directory.internal")
LDAP_BASE = "ou=people,dc=bookclub,dc=example"

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
