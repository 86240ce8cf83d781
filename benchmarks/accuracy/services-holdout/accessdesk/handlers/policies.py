"""Policy lookups (XPath over the policy document) and policy uploads."""
from __future__ import annotations

import logging
import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from aiohttp import web
from lxml import etree

from ..documents import PolicyDocument

routes = web.RouteTableDef()
log = logging.getLogger("accessdesk.policies")

POLICY_FIELDS = ("owner", "description", "review_interval", "approvers")


def _policies(request: web.Request) -> PolicyDocument:
    return request.app["policies"]


@routes.get("/policies/by-name")
async def policy_by_name(request: web.Request) -> web.Response:
    name = request.query.get("name", "")
    doc = _policies(request)
    found = doc.tree.xpath("//policy[@name='%s']" % name)
    return web.json_response([doc.summary(p) for p in found])


@routes.get("/policies/by-title")
async def policy_by_title(request: web.Request) -> web.Response:
    title = request.query.get("title", "")
    doc = _policies(request)
    found = doc.tree.xpath("//policy[title=$title]", title=title)
    return web.json_response([doc.summary(p) for p in found])


@routes.get("/roles/{role}/policies")
async def policies_for_role(request: web.Request) -> web.Response:
    role = request.match_info["role"]
    doc = _policies(request)
    find = etree.XPath(f"//policy[roles/role='{role}']")
    return web.json_response([doc.summary(p) for p in find(doc.tree)])


@routes.get("/systems/{system}/policies")
async def policies_for_system(request: web.Request) -> web.Response:
    system = request.match_info["system"]
    doc = _policies(request)
    find = etree.XPath("//policy[systems/system=$system]")
    return web.json_response([doc.summary(p) for p in find(doc.tree, system=system)])


@routes.get("/policies/{policy_id}/field")
async def policy_field(request: web.Request) -> web.Response:
    try:
        policy_id = int(request.match_info["policy_id"])
    except ValueError:
        raise web.HTTPNotFound()
    name = request.query.get("field", "owner")
    values = _policies(request).tree.xpath(f"//policy[@id='{policy_id}']/{name}/text()")
    return web.json_response({"values": [str(v) for v in values]})


@routes.get("/policies/{policy_id}/attribute")
async def policy_attribute(request: web.Request) -> web.Response:
    try:
        policy_id = int(request.match_info["policy_id"])
    except ValueError:
        raise web.HTTPNotFound()
    name = request.query.get("field", "owner")
    if name not in POLICY_FIELDS:
        raise web.HTTPBadRequest(text="unknown field")
    values = _policies(request).tree.xpath(f"//policy[@id='{policy_id}']/{name}/text()")
    return web.json_response({"values": [str(v) for v in values]})


def _policy_names(events: pulldom.DOMEventStream) -> list[str]:
    names = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "policy":
            names.append(node.getAttribute("name"))
    return names


@routes.post("/policies/upload")
async def upload_policy(request: web.Request) -> web.Response:
    body = await request.read()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    events = pulldom.parseString(body.decode("utf-8"), parser)
    return web.json_response({"policies": _policy_names(events)})


@routes.post("/policies/check")
async def check_policy(request: web.Request) -> web.Response:
    body = await request.read()
    events = pulldom.parseString(body.decode("utf-8"))
    return web.json_response({"policies": _policy_names(events)})


@routes.post("/policies/bundle")
async def import_policy_bundle(request: web.Request) -> web.Response:
    form = await request.post()
    upload = form["bundle"]
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)
    tree = etree.parse(upload.file, parser)
    return web.json_response({"policies": len(tree.findall(".//policy"))})


@routes.post("/policies/bundle/dry-run")
async def dry_run_policy_bundle(request: web.Request) -> web.Response:
    form = await request.post()
    upload = form["bundle"]
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    tree = etree.parse(upload.file, parser)
    return web.json_response({"policies": len(tree.findall(".//policy"))})


@routes.get("/policies/count")
async def policy_count(request: web.Request) -> web.Response:
    doc = _policies(request)
    return web.json_response({"policies": int(doc.tree.xpath("count(//policy)"))})
