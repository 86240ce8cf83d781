"""Configuration objects for the application factory."""

from __future__ import annotations

import os


class Config:
    SECRET_KEY = os.environ.get("HELPDESK_SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get("HELPDESK_DB", "postgresql:///helpdesk")
    LOG_LEVEL = os.environ.get("HELPDESK_LOG_LEVEL", "INFO")
    ATTACHMENT_DIR = os.environ.get("HELPDESK_ATTACHMENTS", "/srv/helpdesk/attachments")
    EXPORT_DIR = os.environ.get("HELPDESK_EXPORTS", "/srv/helpdesk/exports")
    LDAP_URI = os.environ.get("HELPDESK_LDAP", "ldaps://ldap.corp.example")
    LDAP_PEOPLE = "ou=people,dc=corp,dc=example"
    LDAP_GROUPS = "ou=groups,dc=corp,dc=example"
    AVATAR_HOST = "avatars.corp.example"
    WEBHOOK_HOSTS = ("hooks.slack.com", "chat.googleapis.com")
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True


class TestConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
