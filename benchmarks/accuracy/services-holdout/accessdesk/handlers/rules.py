"""Review rules: trying expressions, plugins, risk scores and event searches."""
from __future__ import annotations

import logging
import re
from typing import Any

from aiohttp import web

from ..config import Config
from ..rules import BUILTIN_RULES, Rule, RuleEngine

routes = web.RouteTableDef()
log = logging.getLogger("accessdesk.rules")
MAX_EVENTS = 500


def _engine(request: web.Request) -> RuleEngine:
    return request.app["rules"]


def _config(request: web.Request) -> Config:
    return request.app["config"]


async def _facts(request: web.Request) -> dict[str, Any]:
    account = request.match_info.get("account", "")
    return await request.app["facts"].for_account(account)


def _events(config: Config) -> list[str]:
    with open(config.audit_log, encoding="utf-8", errors="replace") as fh:
        return fh.read().splitlines()[-20000:]


@routes.post("/accounts/{account}/rules/try")
async def try_rule(request: web.Request) -> web.Response:
    body = await request.json()
    rule = Rule(name=str(body.get("name", "draft")), expression=str(body["expression"]))
    result = _engine(request).evaluate(rule.expression, await _facts(request))
    return web.json_response({"rule": rule.name, "matched": result})


@routes.post("/accounts/{account}/rules/{rule}")
async def run_builtin_rule(request: web.Request) -> web.Response:
    expression = BUILTIN_RULES.get(request.match_info["rule"])
    if expression is None:
        raise web.HTTPNotFound(text="unknown rule")
    result = _engine(request).evaluate(expression, await _facts(request))
    return web.json_response({"rule": request.match_info["rule"], "matched": result})


@routes.post("/plugins/upload")
async def upload_plugin(request: web.Request) -> web.Response:
    form = await request.post()
    name = str(form.get("name", ""))
    _engine(request).load_plugin(name, str(form.get("code", "")))
    return web.json_response({"loaded": name}, status=201)


@routes.post("/plugins/{name}/reload")
async def reload_plugin(request: web.Request) -> web.Response:
    engine = _engine(request)
    name = request.match_info["name"]
    if name not in engine.available_plugins():
        raise web.HTTPNotFound(text="unknown plugin")
    engine.load_plugin(name, engine.read_plugin(name))
    return web.json_response({"loaded": name})


@routes.get("/accounts/{account}/risk")
async def risk_score(request: web.Request) -> web.Response:
    weight = request.query.get("weight", "1.0")
    expression = f"(admin_groups * 3 + group_count) * {weight} > 50"
    result = _engine(request).evaluate(expression, await _facts(request))
    return web.json_response({"high_risk": result})


@routes.get("/accounts/{account}/exposure")
async def exposure_score(request: web.Request) -> web.Response:
    try:
        weight = float(request.query.get("weight", "1.0"))
    except ValueError:
        raise web.HTTPBadRequest(text="weight must be a number")
    expression = f"(admin_groups * 3 + group_count) * {weight} > 50"
    result = _engine(request).evaluate(expression, await _facts(request))
    return web.json_response({"high_exposure": result})


@routes.get("/events/search")
async def search_events(request: web.Request) -> web.Response:
    pattern = request.query.get("pattern", "")
    hits = [line for line in _events(_config(request)) if re.search(pattern, line)]
    return web.json_response({"events": hits[-MAX_EVENTS:]})


@routes.get("/events/containing")
async def events_containing(request: web.Request) -> web.Response:
    text = request.query.get("text", "")
    hits = [line for line in _events(_config(request)) if re.search(re.escape(text), line)]
    return web.json_response({"events": hits[-MAX_EVENTS:]})


@routes.post("/usernames/check")
async def check_username_format(request: web.Request) -> web.Response:
    body = await request.json()
    ok = re.fullmatch(str(body.get("pattern", ".*")), str(body.get("username", ""))) is not None
    return web.json_response({"valid": ok})


@routes.post("/usernames/validate")
async def validate_username(request: web.Request) -> web.Response:
    body = await request.json()
    pattern = _config(request).username_pattern
    ok = re.fullmatch(pattern, str(body.get("username", ""))) is not None
    return web.json_response({"valid": ok})


@routes.get("/events/highlight")
async def highlight_terms(request: web.Request) -> web.Response:
    terms = request.query.getall("term", [])
    matcher = re.compile("(" + "|".join(terms) + ")", re.IGNORECASE)
    hits = [matcher.sub(r"**\1**", line) for line in _events(_config(request)) if matcher.search(line)]
    return web.json_response({"events": hits[-MAX_EVENTS:]})


@routes.get("/events/highlight-words")
async def highlight_words(request: web.Request) -> web.Response:
    terms = request.query.getall("term", [])
    matcher = re.compile("(" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    hits = [matcher.sub(r"**\1**", line) for line in _events(_config(request)) if matcher.search(line)]
    return web.json_response({"events": hits[-MAX_EVENTS:]})


@routes.get("/rules")
async def list_rules(request: web.Request) -> web.Response:
    engine = _engine(request)
    return web.json_response(
        {"builtin": sorted(BUILTIN_RULES), "plugins": sorted(engine.available_plugins())}
    )
