"""Inbound webhooks and partner feeds."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import jsonpickle
from aiohttp import web

from hub import config
from hub.lib import feeds, store
from hub.lib.partners import PartnerClient

log = logging.getLogger("hub.webhooks")

PATH_RE = re.compile(r"[a-z0-9_/-]{1,120}")
RECONCILE = "/opt/hub/bin/reconcile"


@dataclass
class ReconcileJob:
    vendor: str
    since: str = "yesterday"

    def command_line(self) -> str:
        return f"{RECONCILE} --vendor {self.vendor} --since '{self.since}'"

    def argv(self) -> list[str]:
        return [RECONCILE, "--vendor", self.vendor, "--since", self.since]


def _partner(request: web.Request) -> config.Partner:
    partner = config.PARTNERS.get(request.match_info["partner"])
    if partner is None:
        raise web.HTTPNotFound()
    return partner


async def _verified_body(request: web.Request, partner: config.Partner) -> bytes:
    body = await request.read()
    expected = hmac.new(partner.secret.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        raise web.HTTPUnauthorized()
    return body


class WebhookHandlers:
    def __init__(self, client: PartnerClient) -> None:
        self.client = client

    async def order_feed(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        if request.headers.get("X-Signature") and request.headers["X-Signature"] != hmac.new(
                partner.secret.encode(), body, hashlib.sha256).hexdigest():
            raise web.HTTPUnauthorized()
        root = feeds.parse_orders(body)
        return web.json_response({"orders": len(root.findall("order"))})

    async def inventory_upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("feed")
        if upload is None:
            raise web.HTTPBadRequest(text="feed missing")
        root = feeds.parse_orders(upload.file.read())
        return web.json_response({"items": len(root.findall(".//item"))})

    async def order_feed_v2(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await _verified_body(request, partner)
        root = feeds.parse_orders_strict(body)
        return web.json_response({"orders": len(root.findall("order"))})

    async def shipment_feed(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        root = feeds.parse_shipments(body)
        return web.json_response({"partner": partner.name, "shipments": len(root.findall("shipment"))})

    async def price_feed(self, request: web.Request) -> web.Response:
        _partner(request)
        prices = feeds.parse_prices(await request.read(), external=True)
        return web.json_response({"prices": len(prices)})

    async def price_feed_v2(self, request: web.Request) -> web.Response:
        _partner(request)
        prices = feeds.parse_prices(await request.read(), external=False)
        return web.json_response({"prices": len(prices)})

    async def order_lookup(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        root = feeds.parse_orders_strict(body)
        ref = request.query.get("ref", "")
        found = root.xpath("//order[@ref='%s']" % ref)
        return web.json_response({"found": [o.get("id") for o in found]})

    async def order_status(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        root = feeds.parse_orders_strict(body)
        ref = request.query.get("ref", "")
        found = root.xpath("//order[@ref=$ref]", ref=ref)
        return web.json_response({"found": [o.get("status") for o in found]})

    async def event(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        payload = jsonpickle.decode(await request.text())
        log.info("event from %s of type %s", partner.name, type(payload).__name__)
        return web.json_response({"ok": True})

    async def event_v2(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        payload = json.loads(await request.text())
        log.info("event from %s of type %s", partner.name, type(payload).__name__)
        return web.json_response({"ok": True})

    async def delivery_status(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        event_id = json.loads(body).get("event_id", "")
        log.warning("delivery failed for event %s", event_id)
        return web.json_response({"ok": True})

    async def delivery_retry(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = await request.read()
        event_id = json.loads(body).get("event_id", "")
        log.warning("delivery retried for event %s", json.dumps(event_id))
        return web.json_response({"ok": True})

    async def forward(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        path = request.query.get("path", "")
        data = await self.client.get(urljoin(partner.base_url, path))
        return web.Response(body=data, content_type="application/octet-stream")

    async def forward_checked(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        path = request.query.get("path", "")
        if not PATH_RE.fullmatch(path) or ".." in path:
            raise web.HTTPBadRequest(text="invalid path")
        data = await self.client.get(urljoin(partner.base_url, path.lstrip("/")))
        return web.Response(body=data, content_type="application/octet-stream")

    async def register_callback(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = json.loads(await request.read())
        callback = body.get("callback", "")
        status = await self.client.post_json(callback, {"type": "verify", "partner": partner.name})
        return web.json_response({"verified": status == 200})

    async def register_callback_v2(self, request: web.Request) -> web.Response:
        partner = _partner(request)
        body = json.loads(await request.read())
        callback = body.get("callback", "")
        parsed = urlparse(callback)
        if parsed.scheme != "https" or parsed.hostname not in partner.callback_hosts:
            raise web.HTTPBadRequest(text="callback host not registered")
        status = await self.client.post_json(callback, {"type": "verify", "partner": partner.name})
        return web.json_response({"verified": status == 200})

    async def reconcile(self, request: web.Request) -> web.Response:
        job = ReconcileJob(vendor=request.match_info["partner"], since=request.query.get("since", "yesterday"))
        proc = await asyncio.create_subprocess_shell(job.command_line())
        return web.json_response({"rc": await proc.wait()})

    async def reconcile_v2(self, request: web.Request) -> web.Response:
        job = ReconcileJob(vendor=request.match_info["partner"], since=request.query.get("since", "yesterday"))
        proc = await asyncio.create_subprocess_exec(*job.argv())
        return web.json_response({"rc": await proc.wait()})
