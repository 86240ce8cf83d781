"""Runtime configuration. Checks and alert rules come from statuswatch.yml."""
import os

import yaml

CONFIG_PATH = os.environ.get("STATUSWATCH_CONFIG", "/etc/statuswatch/statuswatch.yml")
SERVICES_XML = os.environ.get("STATUSWATCH_SERVICES", "/etc/statuswatch/services.xml")
LOG_DIR = os.path.realpath(os.environ.get("STATUSWATCH_LOG_DIR", "/var/log/statuswatch"))
COOKIE_SECRET = os.environ.get("STATUSWATCH_COOKIE_SECRET", "")
LDAP_URL = os.environ.get("STATUSWATCH_LDAP_URL", "ldap://localhost")
LDAP_BASE = os.environ.get("STATUSWATCH_LDAP_BASE", "dc=example,dc=org")
LDAP_BIND_DN = os.environ.get("STATUSWATCH_LDAP_BIND_DN", "")
LDAP_BIND_PASSWORD = os.environ.get("STATUSWATCH_LDAP_BIND_PASSWORD", "")
PORT = int(os.environ.get("STATUSWATCH_PORT", "8470"))


def _load():
    try:
        with open(CONFIG_PATH) as fh:
            return yaml.safe_load(fh) or {}
    except FileNotFoundError:
        return {}


_raw = _load()

CHECKS = {int(k): v for k, v in (_raw.get("checks") or {}).items()}
ALERT_RULES = _raw.get("alert_rules") or {"cpu_high": "cpu > 90", "disk_full": "disk_used_pct >= 95"}
WEBHOOKS = _raw.get("webhooks") or {}
MONITORED_HOSTS = tuple(_raw.get("hosts") or ("db1.internal", "web1.internal", "web2.internal"))
HEALTH_PORT = int(_raw.get("health_port", 8080))
