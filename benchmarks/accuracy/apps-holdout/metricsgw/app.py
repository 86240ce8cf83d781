"""The WSGI entry point: ``metricsgw.app:application``."""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable

from . import handlers
from .request import StartResponse, error

logger = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

ROUTES: dict[tuple[str, str], Handler] = {
    ("GET", "/api/series/points"): handlers.series_points,
    ("GET", "/api/series/window"): handlers.series_window,
    ("GET", "/api/diag/ping"): handlers.probe_host,
    ("GET", "/api/diag/trace"): handlers.trace_host,
    ("GET", "/dashboard"): handlers.dashboard_page,
    ("GET", "/hosts"): handlers.hosts_page,
    ("POST", "/api/webhooks/test"): handlers.test_webhook,
    ("POST", "/api/alerts/test"): handlers.send_test_alert,
    ("POST", "/api/rules/preview"): handlers.preview_alert_rule,
    ("POST", "/api/rules"): handlers.save_alert_rule,
    ("GET", "/api/units/convert"): handlers.convert_units,
    ("GET", "/api/units/scale"): handlers.scale_units,
    ("GET", "/go"): handlers.short_link,
    ("GET", "/docs/go"): handlers.docs_link,
    ("GET", "/api/people/oncall"): handlers.lookup_oncall,
    ("GET", "/api/people/team"): handlers.lookup_team,
    ("GET", "/api/panels/by-owner"): handlers.panels_by_owner,
    ("GET", "/api/panels/by-tag"): handlers.panels_by_tag,
    ("GET", "/api/series/names"): handlers.filter_series,
    ("GET", "/api/hosts/names"): handlers.filter_hosts,
}


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    method = environ.get("REQUEST_METHOD", "GET").upper()
    handler = ROUTES.get((method, environ.get("PATH_INFO", "/")))
    if handler is None:
        return error(start_response, "404 Not Found", "no such route")
    try:
        return handler(environ, start_response)
    except ValueError as exc:
        return error(start_response, "400 Bad Request", str(exc))
    except Exception:
        logger.exception("unhandled error")
        return error(start_response, "500 Internal Server Error", "internal error")
