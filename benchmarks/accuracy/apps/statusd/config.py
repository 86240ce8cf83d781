"""Runtime configuration, read from the environment at start-up."""
import os

BIND = os.environ.get("STATUSD_BIND", "0.0.0.0")
PORT = int(os.environ.get("STATUSD_PORT", "8088"))
LOG_DIR = os.environ.get("STATUSD_LOG_DIR", "/var/log/statusd")
STATIC_DIR = os.environ.get("STATUSD_STATIC", "/usr/share/statusd/static")
REPORT_DIR = os.environ.get("STATUSD_REPORTS", "/var/lib/statusd/reports")
METRICS_BASE = "http://metrics.internal:9100"
UPSTREAMS = {
    "api": "http://api.internal:8080/healthz",
    "billing": "http://billing.internal:8081/healthz",
    "search": "http://search.internal:9200/_cluster/health",
}
MOUNTS = {"root": "/", "data": "/srv/data", "logs": "/var/log"}
THEMES = ("light", "dark")
