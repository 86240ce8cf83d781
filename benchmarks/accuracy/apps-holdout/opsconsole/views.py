"""Request handlers of the console."""
from __future__ import annotations

import functools
import json
import logging
import re
import shlex
import time
from typing import Any, Awaitable, Callable
from urllib.parse import urlparse

from aiohttp import web

from . import audit, deploy, inventory, probes, settings, templating, topology

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PERCENTAGE = re.compile(r"\d{1,3}(\.\d{1,2})?")
NODE_NAME = re.compile(r"[a-z0-9-]{1,63}")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=str)


def timed(handler: Handler) -> Handler:
    """Log slow requests with the route name."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        started = time.monotonic()
        try:
            return await handler(request)
        finally:
            elapsed = time.monotonic() - started
            if elapsed > 2:
                logger.warning("%s took %.1fs", handler.__name__, elapsed)

    return wrapper


# inventory


@timed
async def host_search(request: web.Request) -> web.Response:
    where: list[str] = []
    needle = request.query.get("q", "").strip()
    if needle:
        where.append(f"hostname ILIKE '%{needle}%'")
    if "stale" in request.query:
        where.append("last_seen < now() - interval '1 day'")
    return web.json_response({"hosts": await inventory.fetch_hosts(where)}, dumps=_dumps)


@timed
async def host_filter(request: web.Request) -> web.Response:
    where: list[str] = []
    args: list[str] = []
    for column in ("role", "datacenter"):
        value = request.query.get(column)
        if value:
            args.append(value)
            where.append(f"{column} = ${len(args)}")
    return web.json_response({"hosts": await inventory.fetch_hosts(where, args)}, dumps=_dumps)


# services


@timed
async def restart_service(request: web.Request) -> web.Response:
    form = await request.post()
    service = str(form.get("service", ""))
    if not service:
        raise web.HTTPBadRequest(text="service missing")
    status, output = await deploy.run(f"sudo systemctl restart {service}")
    return web.json_response({"service": service, "status": status, "output": output})


@timed
async def service_status(request: web.Request) -> web.Response:
    form = await request.post()
    service = str(form.get("service", ""))
    if not service:
        raise web.HTTPBadRequest(text="service missing")
    status, output = await deploy.run(f"systemctl status --no-pager -- {shlex.quote(service)}")
    return web.json_response({"service": service, "status": status, "output": output})


@timed
async def tail_log(request: web.Request) -> web.Response:
    unit = request.match_info["unit"]
    lines = request.query.get("lines", "200")
    if not lines.isdigit() or int(lines) > 5000:
        lines = "200"
    _, output = await deploy.run(f"journalctl --no-pager -u {unit} -n {lines}")
    return web.Response(text=output)


@timed
async def tail_unit_log(request: web.Request) -> web.Response:
    unit = request.match_info["unit"]
    if unit not in settings.MANAGED_UNITS:
        raise web.HTTPNotFound(text="not a managed unit")
    lines = request.query.get("lines", "200")
    if not lines.isdigit() or int(lines) > 5000:
        lines = "200"
    _, output = await deploy.run(f"journalctl --no-pager -u {unit} -n {lines}")
    return web.Response(text=output)


# artifacts


@timed
async def download_artifact(request: web.Request) -> web.StreamResponse:
    name = request.query.get("file", "")
    if not name or name.startswith("/"):
        raise web.HTTPBadRequest(text="file name not accepted")
    path = settings.ARTIFACT_DIR / name
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


@timed
async def download_release(request: web.Request) -> web.StreamResponse:
    name = request.query.get("file", "")
    root = settings.RELEASE_DIR.resolve()
    path = (root / name).resolve()
    if root not in path.parents or not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


# probes


@timed
async def check_endpoint(request: web.Request) -> web.Response:
    payload = await request.json()
    url = str(payload.get("url", ""))
    if urlparse(url).hostname in ("localhost", "127.0.0.1", "::1"):
        raise web.HTTPForbidden(text="probing the console host is not allowed")
    status, body = await probes.http_check(url)
    return web.json_response({"url": url, "status": status, "body": body})


@timed
async def check_status_page(request: web.Request) -> web.Response:
    payload = await request.json()
    try:
        check_id = int(payload.get("check_id", 0))
    except (TypeError, ValueError):
        raise web.HTTPBadRequest(text="check_id must be a number") from None
    url = f"{settings.STATUS_API}/checks/{check_id}"
    status, body = await probes.http_check(url)
    return web.json_response({"check": check_id, "status": status, "body": body})


# rollouts


@timed
async def update_rollout(request: web.Request) -> web.Response:
    """Set the share of traffic for a rollout; accepts simple arithmetic like ``100/3``."""
    data = await request.json()
    share = eval(str(data.get("percentage", "10")))
    if not 0 <= share <= 100:
        raise web.HTTPBadRequest(text="percentage out of range")
    return web.json_response({"service": data.get("service"), "percentage": share})


@timed
async def update_canary(request: web.Request) -> web.Response:
    """Set the share of traffic sent to the canary."""
    data = await request.json()
    raw = str(data.get("percentage", "5"))
    if not PERCENTAGE.fullmatch(raw):
        raise web.HTTPBadRequest(text="percentage must be a number")
    share = eval(raw)
    if not 0 <= share <= 100:
        raise web.HTTPBadRequest(text="percentage out of range")
    return web.json_response({"service": data.get("service"), "percentage": share})


# notifications


@timed
async def notify_preview(request: web.Request) -> web.Response:
    form = await request.post()
    template_text = str(form.get("template", settings.NOTIFY_TEMPLATE))
    context = {"severity": "info", "service": "example-service", "message": "This is what the message looks like."}
    return web.Response(text=templating.render_text(template_text, context))


@timed
async def notify_send(request: web.Request) -> web.Response:
    form = await request.post()
    context = {
        "severity": str(form.get("severity", "info")),
        "service": str(form.get("service", "")),
        "message": str(form.get("message", "")),
    }
    return web.Response(text=templating.render_text(settings.NOTIFY_TEMPLATE, context))


# inventory uploads and topology


@timed
async def import_inventory(request: web.Request) -> web.Response:
    hosts = topology.parse_inventory(await request.read(), allow_includes=True)
    return web.json_response({"imported": len(hosts), "hosts": hosts})


@timed
async def validate_inventory(request: web.Request) -> web.Response:
    hosts = topology.parse_inventory(await request.read())
    return web.json_response({"valid": True, "hosts": hosts})


@timed
async def find_node(request: web.Request) -> web.Response:
    name = request.query.get("name", "")
    return web.json_response({"nodes": topology.query(f"//rack[not(@restricted='true')]/node[@name='{name}']")})


@timed
async def rack_nodes(request: web.Request) -> web.Response:
    rack = request.query.get("rack", "")
    if not NODE_NAME.fullmatch(rack):
        raise web.HTTPBadRequest(text="unknown rack id")
    return web.json_response({"nodes": topology.query(f"//rack[not(@restricted='true')][@id='{rack}']/node")})


# alerts


@timed
async def acknowledge_alert(request: web.Request) -> web.Response:
    form = await request.post()
    note = str(form.get("note", ""))[:1000]
    audit.record("ack", note)
    return web.json_response({"acknowledged": True})


@timed
async def silence_alert(request: web.Request) -> web.Response:
    form = await request.post()
    note = str(form.get("note", ""))[:1000]
    audit.record("silence", audit.single_line(note))
    return web.json_response({"silenced": True})
