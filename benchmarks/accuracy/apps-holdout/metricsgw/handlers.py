"""Route handlers. Each takes the WSGI ``environ`` and ``start_response``."""
from __future__ import annotations

import html
import logging
import re
import time
from typing import Any, Iterable
from urllib.parse import urlparse

from . import alerts, config, integrations, xmlreports
from .request import Request, StartResponse, error, redirect, respond_html, respond_json
from .store import STORE

logger = logging.getLogger(__name__)

Environ = dict[str, Any]

UNIT_FACTORS = {
    "ms": "1 / 1000",
    "s": "1",
    "min": "60",
    "h": "60 * 60",
    "d": "24 * 60 * 60",
    "KiB": "1024",
    "MiB": "1024 ** 2",
    "GiB": "1024 ** 3",
}


def _panel_list(names: list[str]) -> str:
    return "".join(f"<section class='panel'>{html.escape(name)}</section>" for name in names)


def series_points(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    req = Request(environ)
    metric = req.arg("metric")
    since = int(req.arg("since", "0") or 0)
    rows = STORE.select_points("metric = '%s' AND ts >= %d" % (metric, since))
    return respond_json(start_response, {"metric": metric, "points": rows})


def series_window(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    req = Request(environ)
    metric = req.arg("metric")
    window = int(req.arg("window", "3600") or 3600)
    rows = STORE.select_points("metric = ? AND ts >= ?", (metric, int(time.time()) - window))
    return respond_json(start_response, {"metric": metric, "points": rows})


def probe_host(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    host = Request(environ).arg("host")
    if not host:
        return error(start_response, "400 Bad Request", "host missing")
    output = integrations.run_diagnostic(f"ping -c 3 -W 2 {host}")
    return respond_json(start_response, {"host": host, "output": output})


def trace_host(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    host = Request(environ).arg("host")
    if not host or host.startswith("-"):
        return error(start_response, "400 Bad Request", "host missing")
    output = integrations.run_diagnostic(["traceroute", "-w", "2", "-m", "15", host])
    return respond_json(start_response, {"host": host, "output": output})


def dashboard_page(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    title = Request(environ).arg("title", "Overview")
    body = (
        "<!doctype html><html><body>"
        f'<div class="dashboard" data-title="{html.escape(title, quote=False)}">'
        + _panel_list(STORE.metric_names())
        + "</div></body></html>"
    )
    return respond_html(start_response, body)


def hosts_page(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    title = Request(environ).arg("title", "Hosts")
    body = (
        "<!doctype html><html><body>"
        f'<div class="dashboard" data-title="{html.escape(title)}">'
        + _panel_list(STORE.host_names())
        + "</div></body></html>"
    )
    return respond_html(start_response, body)


def test_webhook(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    """Let a team check the webhook URL they are about to register."""
    data = Request(environ).json()
    url = str(data.get("url", ""))
    if urlparse(url).scheme not in ("http", "https"):
        return error(start_response, "400 Bad Request", "webhook URL must be http(s)")
    status, answer = integrations.post_webhook(url, {"text": "metricsgw webhook test"})
    return respond_json(start_response, {"status": status, "answer": answer})


def send_test_alert(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    """Send a test alert to one of the configured chat channels."""
    data = Request(environ).json()
    url = config.ALERT_CHANNELS.get(str(data.get("channel", "")))
    if url is None:
        return error(start_response, "404 Not Found", "unknown channel")
    status, answer = integrations.post_webhook(url, {"text": f"test alert sent by {data.get('user', 'someone')}"})
    return respond_json(start_response, {"status": status, "answer": answer})


def preview_alert_rule(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    rule = Request(environ).form().get("rule", "")
    try:
        fired = alerts.evaluate(rule, STORE.latest_values())
    except (ArithmeticError, NameError, SyntaxError, TypeError) as exc:
        return error(start_response, "400 Bad Request", str(exc))
    return respond_json(start_response, {"rule": rule, "fires_now": fired})


def save_alert_rule(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    rule = Request(environ).form().get("rule", "")
    values = STORE.latest_values()
    try:
        alerts.check_rule(rule, values)
    except ValueError as exc:
        return error(start_response, "400 Bad Request", str(exc))
    fired = alerts.evaluate(rule, values)
    logger.info("alert rule saved, firing now: %s", fired)
    return respond_json(start_response, {"rule": rule, "fires_now": fired}, "201 Created")


def convert_units(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    req = Request(environ)
    value = float(req.arg("value", "0") or 0)
    unit = req.arg("unit", "s")
    factor = eval(UNIT_FACTORS.get(unit, unit), {"__builtins__": {}}, {})
    return respond_json(start_response, {"value": value * factor, "unit": "base"})


def scale_units(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    req = Request(environ)
    value = float(req.arg("value", "0") or 0)
    unit = req.arg("unit", "s")
    factor = eval(UNIT_FACTORS.get(unit, "1"), {"__builtins__": {}}, {})
    return respond_json(start_response, {"value": value / factor, "unit": unit if unit in UNIT_FACTORS else "s"})


def short_link(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    """Links in alert messages go through here so clicks can be counted."""
    target = Request(environ).arg("to", config.PUBLIC_URL)
    if not target.startswith(config.PUBLIC_URL):
        target = config.PUBLIC_URL
    logger.info("alert link followed")
    return redirect(start_response, target)


def docs_link(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    """Links from the runbooks to dashboards."""
    target = Request(environ).arg("to", config.PUBLIC_URL + "/")
    if not target.startswith(config.PUBLIC_URL + "/"):
        target = config.PUBLIC_URL + "/"
    return redirect(start_response, target)


def lookup_oncall(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    user = Request(environ).arg("user")
    if not user:
        return error(start_response, "400 Bad Request", "user missing")
    people = integrations.directory_search(f"(&(objectClass=inetOrgPerson)(uid={user}))")
    return respond_json(start_response, {"people": people})


def lookup_team(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    team = Request(environ).arg("team")
    if not team.isalnum():
        return error(start_response, "400 Bad Request", "team names are letters and digits")
    people = integrations.directory_search(f"(&(objectClass=groupOfNames)(cn={team}))")
    return respond_json(start_response, {"teams": people})


def panels_by_owner(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    owner = Request(environ).arg("owner")
    panels = xmlreports.select(f"//dashboard[@public='true']/panel[@owner='{owner}']")
    return respond_json(start_response, {"panels": [xmlreports.describe(p) for p in panels]})


def panels_by_tag(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    tag = Request(environ).arg("tag")
    panels = xmlreports.select("//dashboard[@public='true']/panel[@tag=$tag]", tag=tag)
    return respond_json(start_response, {"panels": [xmlreports.describe(p) for p in panels]})


def filter_series(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    pattern = Request(environ).arg("match").replace(".", r"\.")
    names = [name for name in STORE.metric_names() if re.search(pattern, name)]
    return respond_json(start_response, {"metrics": names})


def filter_hosts(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    prefix = Request(environ).arg("prefix")
    names = [name for name in STORE.host_names() if re.match(re.escape(prefix), name)]
    return respond_json(start_response, {"hosts": names})
