"""Helpdesk settings with their defaults."""
from django.conf import settings

ATTACHMENT_ROOT = getattr(settings, "HELPDESK_ATTACHMENT_ROOT", "/srv/helpdesk/attachments")
EXPORT_ROOT = getattr(settings, "HELPDESK_EXPORT_ROOT", "/srv/helpdesk/exports")
WEBHOOK_HOSTS = getattr(settings, "HELPDESK_WEBHOOK_HOSTS", ("hooks.slack.com", "chat.internal.example"))
LDAP_URI = getattr(settings, "HELPDESK_LDAP_URI", "ldaps://ldap.internal.example")
LDAP_BASE = getattr(settings, "HELPDESK_LDAP_BASE", "ou=people,dc=example,dc=com")
DRAFT_KEY = getattr(settings, "SECRET_KEY", "").encode()
