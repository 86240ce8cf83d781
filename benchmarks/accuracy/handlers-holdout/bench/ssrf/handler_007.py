"""Internal service health pages."""
import httpx
from flask import Flask

from bench.helpers import with_arg

SERVICES = {
    "billing": "http://billing.internal:8080/health",
    "search": "http://search.internal:9200/_cluster/health",
}


def register(app: Flask) -> None:
    """Attach the service health routes."""

    @app.route("/ssrf/007/health")
    @with_arg("service")
    def service_health(service: str):
        url = SERVICES.get(service, SERVICES["billing"])
        return {"body": httpx.get(url, timeout=3).text}

    @app.route("/ssrf/007/metrics")
    @with_arg("service")
    def service_metrics(service: str):
        url = "http://%s.internal:8080/metrics" % service
        return {"body": httpx.get(url, timeout=3).text}
