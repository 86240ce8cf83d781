"""Status page probes configured per request."""
import configparser

import requests
from flask import request

from bench.web import bp


class Probe:
    """A health probe built from the caller's settings."""

    def __init__(self, endpoint: str) -> None:
        self.settings = configparser.ConfigParser()
        self.settings["probe"] = {"endpoint": endpoint, "fallback": "https://status.example.com/health"}

    def check(self, key: str) -> int:
        return requests.head(self.settings.get("probe", key), timeout=3).status_code


@bp.route("/ssrf/006/probe")
def probe():
    return {"status": Probe(request.headers.get("X-Probe-Endpoint", "")).check("endpoint")}


@bp.route("/ssrf/006/fallback")
def probe_fallback():
    return {"status": Probe(request.headers.get("X-Probe-Endpoint", "")).check("fallback")}
