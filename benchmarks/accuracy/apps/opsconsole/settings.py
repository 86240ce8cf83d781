import os

COOKIE_SECRET = os.environ.get("OPSCONSOLE_COOKIE_SECRET", "dev")
REPO_DIR = os.environ.get("OPSCONSOLE_REPO", "/srv/deploy/repo")
SERVICES = ("api", "worker", "scheduler", "webhooks")
LDAP_URI = "ldaps://ldap.internal.example"
LDAP_GROUPS_BASE = "ou=groups,dc=example,dc=com"
MENU_PATHS = ("/", "/deploys", "/runbooks", "/oncall", "/audit")
DENSITIES = ("compact", "comfortable")
OPERATORS = ("+", "-", "*", "/")
SNIPPETS = {
    "disk": "report['disk'] = shutil.disk_usage('/')._asdict()",
    "load": "report['load'] = os.getloadavg()",
    "uptime": "report['uptime'] = time.monotonic()",
}
