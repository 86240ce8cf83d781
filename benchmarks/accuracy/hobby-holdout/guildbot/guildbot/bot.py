"""Receives chat events over HTTP (Slack-style events API) and runs commands."""

import inspect
import logging

from aiohttp import web

from . import commands
from .context import Attachment, Context
from .settings import PREFIX

log = logging.getLogger("guildbot")


async def dispatch(ctx: Context) -> None:
    commands.RECENT.append(f"{ctx.author}: {ctx.text}")
    if not ctx.text.startswith(PREFIX):
        return
    name, _, arg = ctx.text[len(PREFIX):].partition(" ")
    handler = commands.COMMANDS.get(name.lower())
    if handler is None:
        return
    result = handler(ctx, arg)
    if inspect.isawaitable(result):
        await result


async def events(request: web.Request) -> web.Response:
    payload = await request.json()
    if payload.get("type") == "url_verification":
        return web.json_response({"challenge": payload.get("challenge")})
    ev = payload.get("event", {})
    ctx = Context(
        guild_id=int(payload.get("team_id_num", 0)),
        channel=ev.get("channel", ""),
        author=ev.get("user", ""),
        text=ev.get("text", ""),
        attachments=[Attachment(f.get("name", ""), f.get("content", "").encode()) for f in ev.get("files", [])],
    )
    await dispatch(ctx)
    return web.json_response({"replies": ctx.replies})
