"""Settings read from the environment."""
from __future__ import annotations

import os

DATABASE = os.environ.get("METRICSGW_DB", "/var/lib/metricsgw/metrics.sqlite3")
DASHBOARD_XML = os.environ.get("METRICSGW_DASHBOARDS", "/etc/metricsgw/dashboards.xml")
PUBLIC_URL = os.environ.get("METRICSGW_PUBLIC_URL", "https://metrics.example.com")

ALERT_CHANNELS = {
    "ops": os.environ.get("METRICSGW_HOOK_OPS", "https://hooks.chat.example.com/services/ops"),
    "db": os.environ.get("METRICSGW_HOOK_DB", "https://hooks.chat.example.com/services/dba"),
    "network": os.environ.get("METRICSGW_HOOK_NET", "https://hooks.chat.example.com/services/netops"),
}
WEBHOOK_TIMEOUT = 5.0

LDAP_URL = os.environ.get("METRICSGW_LDAP_URL", "ldaps://ldap.example.com")
LDAP_BASE = "dc=example,dc=com"
LDAP_BIND_DN = os.environ.get("METRICSGW_LDAP_BIND_DN", "cn=metricsgw,ou=services,dc=example,dc=com")
LDAP_BIND_PASSWORD = os.environ.get("METRICSGW_LDAP_BIND_PASSWORD", "")

MAX_BODY = 1024 * 1024
