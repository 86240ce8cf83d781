"""Public handlers: browsing events, buying and managing tickets."""

from __future__ import annotations

import base64
import html
import logging
import os
import random
import uuid
from urllib.parse import urlsplit
from xml.dom import pulldom
from xml.sax import handler as sax_handler
from xml.sax import make_parser

import defusedxml.pulldom
import yaml
from aiohttp import web
from markupsafe import Markup

from . import dao, render, settings, tools

log = logging.getLogger(__name__)
routes = web.RouteTableDef()

PROOF_TYPES = (".pdf", ".png", ".jpg", ".jpeg")


@routes.get("/events/venue")
async def events_by_venue(request: web.Request) -> web.Response:
    venue = request.query.get("venue", "")
    events = await dao.events_where(request.app["db"], f"venue = '{venue}'")
    return web.json_response(events)


@routes.get("/events/month")
async def events_by_month(request: web.Request) -> web.Response:
    try:
        month = int(request.query.get("month", "1"))
    except ValueError:
        raise web.HTTPBadRequest(text="month must be 1-12")
    events = await dao.events_where(request.app["db"], f"strftime('%m', starts_at) = '{month:02d}'")
    return web.json_response(events)


@routes.get("/tickets/{code}/pdf")
async def ticket_pdf(request: web.Request) -> web.StreamResponse:
    code = request.match_info["code"]
    target = os.path.join(settings.PDF_DIR, "ticket.pdf")
    status = await tools.run(f"wkhtmltopdf http://127.0.0.1:8080/tickets/{code}/print {target}")
    if status != 0:
        raise web.HTTPServiceUnavailable(text="renderer failed")
    return web.FileResponse(target)


@routes.get(r"/badges/{code:[A-Z0-9]{8}}/pdf")
async def badge_pdf(request: web.Request) -> web.StreamResponse:
    code = request.match_info["code"]
    target = os.path.join(settings.PDF_DIR, "badge.pdf")
    status = await tools.run(f"wkhtmltopdf http://127.0.0.1:8080/badges/{code}/print {target}")
    if status != 0:
        raise web.HTTPServiceUnavailable(text="renderer failed")
    return web.FileResponse(target)


@routes.post("/venues/map")
async def venue_map(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    svg = await tools.render_map(str(form.get("venue", "main")))
    return web.FileResponse(svg)


@routes.post("/venues/seating")
async def seating_map(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    svg = await tools.render_seating(str(form.get("venue", "main")))
    return web.FileResponse(svg)


@routes.get("/tags")
async def tag_list(request: web.Request) -> web.Response:
    body = "<ul class='tags'>"
    for tag in request.query.getall("tag", []):
        body += f"<li><a href='/events?tag=1'>{tag}</a></li>"
    body += "</ul>"
    return web.Response(text=body, content_type="text/html")


@routes.get("/tags/cloud")
async def tag_cloud(request: web.Request) -> web.Response:
    body = "<ul class='tags cloud'>"
    for tag in request.query.getall("tag", []):
        body += f"<li>{html.escape(tag)}</li>"
    body += "</ul>"
    return web.Response(text=body, content_type="text/html")


@routes.post("/events/{event_id:\\d+}/review")
async def review_page(request: web.Request) -> web.Response:
    form = await request.post()
    event = await dao.event(request.app["db"], int(request.match_info["event_id"]))
    comment = Markup(str(form.get("comment", "")))
    return render.page("review.html", request, {"event": event, "comment": comment})


@routes.post("/events/{event_id:\\d+}/review/submit")
async def review_submit(request: web.Request) -> web.Response:
    form = await request.post()
    event = await dao.event(request.app["db"], int(request.match_info["event_id"]))
    comment = str(form.get("comment", ""))
    return render.page("review.html", request, {"event": event, "comment": comment})


@routes.get("/assets")
async def ticket_asset(request: web.Request) -> web.StreamResponse:
    path = settings.ASSET_DIR / request.query.get("file", "logo.png")
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


@routes.get("/venue-assets")
async def venue_asset(request: web.Request) -> web.StreamResponse:
    path = (settings.ASSET_DIR / request.query.get("file", "logo.png")).resolve()
    if not path.is_relative_to(settings.ASSET_DIR) or not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path)


@routes.post("/orders/{order_id:\\d+}/proof")
async def upload_proof(request: web.Request) -> web.Response:
    form = await request.post()
    proof = form.get("proof")
    if not isinstance(proof, web.FileField):
        raise web.HTTPBadRequest(text="proof file missing")
    stored = tools.save_upload(proof.filename, proof.file.read())
    return web.json_response({"stored": os.path.basename(stored)})


@routes.post("/orders/{order_id:\\d+}/id-document")
async def upload_id_document(request: web.Request) -> web.Response:
    form = await request.post()
    proof = form.get("proof")
    if not isinstance(proof, web.FileField):
        raise web.HTTPBadRequest(text="proof file missing")
    ext = os.path.splitext(proof.filename)[1].lower()
    name = uuid.uuid4().hex + (ext if ext in PROOF_TYPES else ".bin")
    stored = tools.save_upload(name, proof.file.read())
    return web.json_response({"stored": os.path.basename(stored)})


@routes.post("/integrations/webhook/test")
async def webhook_test(request: web.Request) -> web.Response:
    data = await request.json()
    status = await tools.post_json(data["url"], {"text": "Event hall test message"})
    return web.json_response({"status": status})


@routes.post("/integrations/webhook/verify")
async def webhook_verify(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", ""))
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in settings.WEBHOOK_HOSTS:
        raise web.HTTPBadRequest(text="webhook host not supported")
    status = await tools.post_json(url, {"text": "Event hall test message"})
    return web.json_response({"status": status})


@routes.get("/cart")
async def cart_restore(request: web.Request) -> web.Response:
    blob = request.cookies.get("cart")
    items = tools.decode_cart(blob) if blob else []
    return web.json_response({"items": items})


@routes.get("/wishlist")
async def wishlist_restore(request: web.Request) -> web.Response:
    blob = request.cookies.get("wishlist")
    items = []
    if blob:
        items = yaml.load(base64.urlsafe_b64decode(blob), Loader=yaml.SafeLoader)
    return web.json_response({"items": items})


@routes.post("/events/{event_id:\\d+}/price")
async def price_custom(request: web.Request) -> web.Response:
    data = await request.json()
    event = await dao.event(request.app["db"], int(request.match_info["event_id"]))
    if event is None:
        raise web.HTTPNotFound()
    formula = str(data.get("formula", "base"))
    price = tools.price_for(formula, float(data.get("base", 20)), event["seats_left"])
    return web.json_response({"price": round(price, 2)})


@routes.post("/events/{event_id:\\d+}/price/named")
async def price_named(request: web.Request) -> web.Response:
    data = await request.json()
    event = await dao.event(request.app["db"], int(request.match_info["event_id"]))
    if event is None:
        raise web.HTTPNotFound()
    formula = tools.FORMULAS.get(str(data.get("formula", "")), tools.FORMULAS["standard"])
    price = tools.price_for(formula, float(data.get("base", 20)), event["seats_left"])
    return web.json_response({"price": round(price, 2)})


@routes.post("/tickets")
async def issue_ticket(request: web.Request) -> web.Response:
    form = await request.post()
    event_id = int(str(form.get("event_id", "0")))
    code = tools.new_ticket_code()
    await dao.save_ticket(request.app["db"], event_id, str(form.get("email", "")), code)
    return web.json_response({"code": code}, status=201)


@routes.get("/featured")
async def featured(request: web.Request) -> web.Response:
    events = await dao.upcoming(request.app["db"])
    picks = random.sample(events, k=min(3, len(events)))
    return web.json_response(picks)


@routes.post("/imports/schedule")
async def import_schedule(request: web.Request) -> web.Response:
    body = await request.read()
    parser = make_parser()
    parser.setFeature(sax_handler.feature_external_ges, True)
    stream = pulldom.parseString(body.decode("utf-8"), parser=parser)
    sessions = 0
    for kind, node in stream:
        if kind == pulldom.START_ELEMENT and node.tagName == "session":
            sessions += 1
    return web.json_response({"sessions": sessions})


@routes.post("/imports/lineup")
async def import_lineup(request: web.Request) -> web.Response:
    body = await request.read()
    stream = defusedxml.pulldom.parseString(body.decode("utf-8"))
    sessions = 0
    for kind, node in stream:
        if kind == pulldom.START_ELEMENT and node.tagName == "session":
            sessions += 1
    return web.json_response({"sessions": sessions})
