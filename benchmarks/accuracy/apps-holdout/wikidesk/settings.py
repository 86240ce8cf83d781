"""Django settings for the wikidesk project."""
from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ["WIKIDESK_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["wiki.corp.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "rest_framework",
    "wikidesk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "wikidesk.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("WIKIDESK_DB_NAME", "wikidesk"),
        "USER": os.environ.get("WIKIDESK_DB_USER", "wikidesk"),
        "PASSWORD": os.environ.get("WIKIDESK_DB_PASSWORD", ""),
        "HOST": os.environ.get("WIKIDESK_DB_HOST", "localhost"),
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
TIME_ZONE = "UTC"
USE_TZ = True

ATTACHMENT_ROOT = os.environ.get("WIKIDESK_ATTACHMENTS", "/srv/wikidesk/attachments")
EXPORT_ROOT = os.environ.get("WIKIDESK_EXPORTS", "/srv/wikidesk/exports")
EXPORT_FORMATS = ("pdf", "docx", "odt", "html", "epub")

LDAP_URI = os.environ.get("WIKIDESK_LDAP_URI", "ldaps://ldap.corp.example.com")
LDAP_BIND_DN = os.environ.get("WIKIDESK_LDAP_BIND_DN", "cn=wikidesk,ou=services,dc=corp,dc=example,dc=com")
LDAP_BIND_PASSWORD = os.environ.get("WIKIDESK_LDAP_BIND_PASSWORD", "")
LDAP_PEOPLE_BASE = "ou=people,dc=corp,dc=example,dc=com"

PREVIEW_TIMEOUT = 5

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
