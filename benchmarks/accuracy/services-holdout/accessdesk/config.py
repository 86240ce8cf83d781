"""Tool configuration (environment variables, with defaults for the staging directory)."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    ldap_url: str = "ldaps://ldap.corp.example.com"
    ldap_bind_dn: str = "cn=accessdesk,ou=services,dc=corp,dc=example,dc=com"
    ldap_password: str = ""
    base_dn: str = "dc=corp,dc=example,dc=com"
    policy_document: str = "/srv/accessdesk/policies.xml"
    plugin_dir: str = "/srv/accessdesk/plugins"
    audit_log: str = "/var/log/accessdesk/events.log"
    username_pattern: str = r"[a-z][a-z0-9._-]{1,31}"
    session_secret: bytes = b""

    @classmethod
    def from_env(cls) -> "Config":
        env = os.environ
        return cls(
            ldap_url=env.get("ACCESSDESK_LDAP_URL", cls.ldap_url),
            ldap_password=env.get("ACCESSDESK_LDAP_PASSWORD", ""),
            base_dn=env.get("ACCESSDESK_BASE_DN", cls.base_dn),
            policy_document=env.get("ACCESSDESK_POLICIES", cls.policy_document),
            plugin_dir=env.get("ACCESSDESK_PLUGINS", cls.plugin_dir),
            session_secret=env.get("ACCESSDESK_SESSION_SECRET", "").encode(),
        )
