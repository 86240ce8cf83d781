"""Review reports, notification previews, saved views and the reviewer's session scope."""
from __future__ import annotations

import json
import logging

import aiohttp_jinja2
import jsonpickle
from aiohttp import web
from aiohttp_session import get_session
from jinja2 import Environment, Template

routes = web.RouteTableDef()
log = logging.getLogger("accessdesk.reports")

report_env = Environment(autoescape=True)
FINDINGS_BLOCK = (
    "<ul>{% for f in findings %}<li>{{ f.rule }}: {{ f.account }} ({{ f.severity }})</li>"
    "{% endfor %}</ul>"
)
REVIEW_SCOPES = ("own-team", "department", "organisation")


async def _findings(request: web.Request) -> list[dict[str, str]]:
    return await request.app["findings"].open_findings()


@routes.get("/reports/findings")
async def findings_report(request: web.Request) -> web.Response:
    title = request.query.get("title", "Open findings")
    template_text = "<h1>" + title + "</h1>" + FINDINGS_BLOCK
    html = report_env.from_string(template_text).render(findings=await _findings(request))
    return web.Response(text=html, content_type="text/html")


@routes.get("/reports/summary")
async def summary_report(request: web.Request) -> web.Response:
    title = request.query.get("title", "Review summary")
    template_text = "<h1>{{ title }}</h1>" + FINDINGS_BLOCK
    html = report_env.from_string(template_text).render(title=title, findings=await _findings(request))
    return web.Response(text=html, content_type="text/html")


@routes.post("/notifications/preview")
async def preview_notification(request: web.Request) -> web.Response:
    body = await request.json()
    text = Template(str(body.get("message", ""))).render(reviewer="Alex Example", due_in_days=7)
    return web.json_response({"preview": text})


@routes.post("/notifications/reminder")
async def preview_reminder(request: web.Request) -> web.Response:
    body = await request.json()
    context = {"message": str(body.get("message", "")), "reviewer": "Alex Example"}
    return aiohttp_jinja2.render_template("reminder.html", request, context)


@routes.post("/views/import")
async def import_saved_view(request: web.Request) -> web.Response:
    view = jsonpickle.decode(await request.text())
    return web.json_response({"columns": list(getattr(view, "columns", []))})


@routes.post("/filters/import")
async def import_saved_filter(request: web.Request) -> web.Response:
    saved = json.loads(await request.text())
    return web.json_response({"columns": list(saved.get("columns", []))})


@routes.post("/session/scope")
async def choose_review_scope(request: web.Request) -> web.Response:
    form = await request.post()
    session = await get_session(request)
    session["review_scope"] = form.get("scope", "own-team")
    return web.json_response({"scope": session["review_scope"]})


@routes.post("/session/scope/checked")
async def choose_checked_scope(request: web.Request) -> web.Response:
    form = await request.post()
    scope = str(form.get("scope", "own-team"))
    if scope not in REVIEW_SCOPES:
        raise web.HTTPBadRequest(text="unknown scope")
    session = await get_session(request)
    session["review_scope"] = scope
    return web.json_response({"scope": scope})


@routes.get("/session")
async def current_session(request: web.Request) -> web.Response:
    session = await get_session(request)
    return web.json_response(
        {"reviewer": session.get("reviewer"), "scope": session.get("review_scope", "own-team")}
    )
