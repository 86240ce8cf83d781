"""Tiny web admin for guild owners. Runs in the same aiohttp app as the bot."""

import ast
import base64
import functools
import hmac
import importlib
import json
import logging
import pickle
import re
import subprocess
import types

import yaml
from aiohttp import web
from aiohttp_session import get_session
from itsdangerous import BadSignature, URLSafeSerializer

from . import bot, storage
from .plugins import BUNDLED
from .settings import ADMIN_SECRET, BOT_DIR, SIGNING_KEY

log = logging.getLogger("guildbot.admin")
routes = web.RouteTableDef()
_signer = URLSafeSerializer(SIGNING_KEY, salt="gb-admin")
LOADED: dict = {}


def _authed(request: web.Request) -> bool:
    return hmac.compare_digest(request.headers.get("X-Admin-Token", ""), ADMIN_SECRET)


def require_admin(handler):
    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        if not _authed(request):
            log.warning("admin endpoint %s called without a valid token", request.path)
        return await handler(request)
    return wrapper


@routes.post("/admin/login")
async def login(request: web.Request) -> web.Response:
    form = await request.post()
    if not hmac.compare_digest(str(form.get("secret", "")), ADMIN_SECRET):
        raise web.HTTPForbidden()
    resp = web.HTTPSeeOther("/admin")
    resp.set_cookie("gb_admin", _signer.dumps({"admin": True}), max_age=3600 * 12)
    return resp


@routes.post("/admin/login/v2")
async def login_v2(request: web.Request) -> web.Response:
    form = await request.post()
    if not hmac.compare_digest(str(form.get("secret", "")), ADMIN_SECRET):
        raise web.HTTPForbidden()
    resp = web.HTTPSeeOther("/admin")
    resp.set_cookie("gb_admin", _signer.dumps({"admin": True}), max_age=3600 * 12, secure=True, httponly=True, samesite="Strict")
    return resp


@routes.get("/admin/whoami")
async def whoami(request: web.Request) -> web.Response:
    raw = request.cookies.get("gb_prefs", "")
    prefs = pickle.loads(base64.urlsafe_b64decode(raw)) if raw else {}
    return web.json_response({"prefs": prefs})


@routes.get("/admin/whoami/v2")
async def whoami_v2(request: web.Request) -> web.Response:
    raw = request.cookies.get("gb_prefs", "")
    try:
        prefs = _signer.loads(raw) if raw else {}
    except BadSignature:
        prefs = {}
    return web.json_response({"prefs": prefs})


@routes.post("/admin/guild/{guild_id}/import")
@require_admin
async def import_settings(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    form = await request.post()
    blob = base64.b64decode(str(form["backup"]))
    settings = pickle.loads(blob)
    storage.save(guild_id, settings)
    return web.json_response({"keys": sorted(settings)})


@routes.post("/admin/guild/{guild_id}/import.json")
@require_admin
async def import_settings_json(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    form = await request.post()
    blob = base64.b64decode(str(form["backup"]))
    settings = json.loads(blob)
    storage.save(guild_id, settings)
    return web.json_response({"keys": sorted(settings)})


@routes.post("/admin/guild/{guild_id}/config.yaml")
@require_admin
async def upload_yaml(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    text = await request.text()
    settings = yaml.load(text, Loader=yaml.Loader)
    storage.save(guild_id, settings)
    return web.json_response({"keys": sorted(settings)})


@routes.put("/admin/guild/{guild_id}/config.yaml")
@require_admin
async def replace_yaml(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    text = await request.text()
    settings = yaml.safe_load(text)
    storage.save(guild_id, settings)
    return web.json_response({"keys": sorted(settings)})


@routes.post("/admin/guild/{guild_id}/option")
@require_admin
async def set_option(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    form = await request.post()
    key, raw = str(form["key"]), str(form["value"])
    settings = storage.decode_settings(storage.load_blob(guild_id))
    settings[key] = eval(raw)
    storage.save(guild_id, settings)
    return web.json_response({key: repr(settings[key])})


@routes.patch("/admin/guild/{guild_id}/option")
@require_admin
async def patch_option(request: web.Request) -> web.Response:
    guild_id = int(request.match_info["guild_id"])
    form = await request.post()
    key, raw = str(form["key"]), str(form["value"])
    settings = storage.decode_settings(storage.load_blob(guild_id))
    settings[key] = ast.literal_eval(raw)
    storage.save(guild_id, settings)
    return web.json_response({key: repr(settings[key])})


@routes.post("/admin/plugins/upload")
@require_admin
async def upload_plugin(request: web.Request) -> web.Response:
    reader = await request.multipart()
    part = await reader.next()
    name = re.sub(r"\W", "_", part.filename.rsplit(".", 1)[0])
    code = (await part.read()).decode()
    module = types.ModuleType(name)
    exec(compile(code, f"<plugin {name}>", "exec"), module.__dict__)
    LOADED[name] = module
    return web.json_response({"loaded": name})


@routes.post("/admin/plugins/enable")
@require_admin
async def enable_plugin(request: web.Request) -> web.Response:
    form = await request.post()
    name = str(form.get("name", ""))
    if name not in BUNDLED:
        raise web.HTTPNotFound(text="no such plugin")
    module = importlib.import_module(f"guildbot.plugins.{name}")
    LOADED[name] = module
    return web.json_response({"loaded": name})


@routes.post("/admin/update")
@require_admin
async def self_update(request: web.Request) -> web.Response:
    form = await request.post()
    branch = str(form.get("branch", "main"))
    out = subprocess.run(f"git -C {BOT_DIR} pull --ff-only origin {branch}", shell=True, capture_output=True, text=True)
    return web.json_response({"rc": out.returncode, "out": out.stdout[-2000:]})


@routes.post("/admin/update/checked")
@require_admin
async def self_update_checked(request: web.Request) -> web.Response:
    form = await request.post()
    branch = str(form.get("branch", "main"))
    if branch.startswith("-") or not re.fullmatch(r"[\w./-]{1,100}", branch):
        raise web.HTTPBadRequest(text="odd branch name")
    out = subprocess.run(f"git -C {BOT_DIR} pull --ff-only origin {branch}", shell=True, capture_output=True, text=True)
    return web.json_response({"rc": out.returncode, "out": out.stdout[-2000:]})


@routes.post("/admin/manage")
async def choose_guild(request: web.Request) -> web.Response:
    session = await get_session(request)
    form = await request.post()
    session["managed_guild"] = form.get("guild_id")
    raise web.HTTPSeeOther("/admin")


@routes.post("/admin/manage/v2")
async def choose_guild_v2(request: web.Request) -> web.Response:
    session = await get_session(request)
    form = await request.post()
    owned = session.get("owned_guilds", [])
    try:
        wanted = int(str(form.get("guild_id", "")))
    except ValueError:
        raise web.HTTPBadRequest(text="guild id must be a number")
    if wanted not in owned:
        raise web.HTTPForbidden(text="you do not own that guild")
    session["managed_guild"] = wanted
    raise web.HTTPSeeOther("/admin")


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/events", bot.events)
    app.add_routes(routes)
    return app
