"""The WSGI application: a dispatch table from PATH_INFO to handler functions."""
from __future__ import annotations

import base64
import hashlib
import hmac
import html as htmlmod
import json
import logging
import marshal
import os
import pickle
import re
import urllib.request
from typing import Callable, Iterable

from lxml import etree

from . import orders, partners, settings, web
from .web import LegacyRequest, StartResponse

log = logging.getLogger("legacygw")
Handler = Callable[[LegacyRequest, StartResponse], Iterable[bytes]]
ROUTES: dict[str, Handler] = {}


def route(path: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        ROUTES[path] = fn
        return fn

    return register


@route("/orders")
def partner_orders(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    return web.as_json(start_response, orders.for_partner(req.arg("partner")))


@route("/orders/since")
def orders_since(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    return web.as_json(start_response, orders.since(req.arg("day", "1970-01-01")))


@route("/orders/search")
def search_orders(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    filters = {"status": req.arg("status", "open"), "limit": 50}
    status, limit = filters["status"], filters["limit"]
    rows = orders.fetch_all(
        f"SELECT id, reference, total FROM orders WHERE status = '{status}' ORDER BY id DESC LIMIT {limit}"
    )
    return web.as_json(start_response, rows)


@route("/orders/recent")
def recent_orders(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    filters = {"status": req.arg("status", "open"), "limit": 50}
    status, limit = filters["status"], filters["limit"]
    rows = orders.fetch_all(
        f"SELECT id, reference, total FROM orders WHERE status = ? ORDER BY id DESC LIMIT {limit}", (status,)
    )
    return web.as_json(start_response, rows)


@route("/welcome")
def welcome(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    name = req.arg("partner", "partner")[:64]
    return web.html(start_response, "<h1>Welcome back, {}</h1><p>Your orders are below.</p>".format(name))


@route("/goodbye")
def farewell(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    name = req.arg("partner", "partner")
    return web.html(start_response, f"<h1>See you soon, {htmlmod.escape(name)}</h1>")


@route("/partners/contact")
def partner_contact(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    code = req.arg("code")
    return web.as_json(start_response, partners.query("//partner[@code='%s']/contact/text()" % code))


@route("/partners/address")
def partner_address(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    code = req.arg("code")
    return web.as_json(start_response, partners.query("//partner[@code=$code]/address/text()", code=code))


@route("/partners/region")
def partners_in_region(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    region = req.arg("region", "eu")
    return web.as_json(start_response, partners.by_region(etree.XPath(f"//partner[region='{region}']")))


@route("/partners/country")
def partners_in_country(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    country = req.arg("country", "de")
    return web.as_json(start_response, partners.by_region(etree.XPath("//partner[country=$c]"), c=country))


@route("/partners/match")
def partners_matching(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    matcher = re.compile(req.arg("q"), re.IGNORECASE)
    return web.as_json(start_response, [n for n in partners.names() if matcher.search(n)])


@route("/partners/prefix")
def partners_with_prefix(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    matcher = re.compile(re.escape(req.arg("q")), re.IGNORECASE)
    return web.as_json(start_response, [n for n in partners.names() if matcher.match(n)])


@route("/go")
def go(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    return web.redirect(start_response, req.arg("to", "/"))


@route("/link")
def link(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    return web.redirect(start_response, settings.LINKS.get(req.arg("id"), settings.LINKS["portal"]))


@route("/docs")
def document(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    with open(os.path.join(settings.DOCS_DIR, req.arg("name", "index.pdf")), "rb") as fh:
        data = fh.read()
    start_response("200 OK", [("Content-Type", "application/pdf"), ("Content-Length", str(len(data)))])
    return [data]


@route("/docs/numbered")
def numbered_document(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    doc_id = int(req.arg("id", "0"))
    with open(os.path.join(settings.DOCS_DIR, f"{doc_id:05d}.pdf"), "rb") as fh:
        data = fh.read()
    start_response("200 OK", [("Content-Type", "application/pdf"), ("Content-Length", str(len(data)))])
    return [data]


@route("/relay")
def relay(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    endpoint = req.arg("endpoint")
    with urllib.request.urlopen(endpoint, data=req.body(), timeout=10) as resp:
        return web.as_json(start_response, {"status": resp.status})


@route("/relay/partner")
def relay_partner(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    found = partners.query("//partner[@code=$code]/endpoint/text()", code=req.arg("code"))
    if not found:
        return web.as_json(start_response, {"error": "unknown partner"}, "404 Not Found")
    with urllib.request.urlopen(found[0], data=req.body(), timeout=10) as resp:
        return web.as_json(start_response, {"status": resp.status})


@route("/orders/import")
def import_orders(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(req.body(), parser)
    refs = [o.findtext("reference", "") for o in root.iter("order")]
    return web.as_json(start_response, {"references": refs})


@route("/orders/preview")
def preview_orders(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(req.body(), parser)
    refs = [o.findtext("reference", "") for o in root.iter("order")]
    return web.as_json(start_response, {"references": refs})


@route("/shipping/quote")
def shipping_quote(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    name = req.arg("rate", "flat")
    weight = float(req.arg("weight", "1"))
    formula = settings.RATE_FORMULAS.get(name, name)
    return web.as_json(start_response, {"price": round(eval(formula, {}, {"weight": weight}), 2)})


@route("/shipping/estimate")
def shipping_estimate(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    name = req.arg("rate", "flat")
    weight = float(req.arg("weight", "1"))
    formula = settings.RATE_FORMULAS[name] if name in settings.RATE_FORMULAS else settings.RATE_FORMULAS["flat"]
    return web.as_json(start_response, {"price": round(eval(formula, {}, {"weight": weight}), 2)})


@route("/basket")
def basket(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    raw = req.cookie("gw_basket")
    items = pickle.loads(base64.b64decode(raw)) if raw else []
    return web.as_json(start_response, {"items": len(items)})


@route("/basket/count")
def basket_count(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    raw = req.cookie("gw_basket_v2")
    items = json.loads(base64.b64decode(raw)) if raw else []
    return web.as_json(start_response, {"items": len(items)})


@route("/rules/load")
def load_rules(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    blob = req.body()
    rules = marshal.loads(blob)
    namespace: dict = {}
    exec(rules, {"__builtins__": {}}, namespace)
    return web.as_json(start_response, {"rules": sorted(namespace)})


@route("/rules/reload")
def reload_rules(req: LegacyRequest, start_response: StartResponse) -> Iterable[bytes]:
    blob = req.body()
    signature = req.environ.get("HTTP_X_RULES_SIGNATURE", "")
    expected = hmac.new(settings.RULES_KEY, blob, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return web.as_json(start_response, {"error": "bad signature"}, "403 Forbidden")
    rules = marshal.loads(blob)
    namespace: dict = {}
    exec(rules, {"__builtins__": {}}, namespace)
    return web.as_json(start_response, {"rules": sorted(namespace)})


def application(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
    req = LegacyRequest(environ)
    handler = ROUTES.get(req.path)
    if handler is None:
        return web.as_json(start_response, {"error": "not found"}, "404 Not Found")
    try:
        return handler(req, start_response)
    except (KeyError, ValueError) as exc:
        log.info("bad request: %s", type(exc).__name__)
        return web.as_json(start_response, {"error": "bad request"}, "400 Bad Request")
