"""Transcoding, thumbnails and waveforms."""
from __future__ import annotations

import asyncio
import os
import re
import uuid

from aiohttp import web

from .. import config, jobs

routes = web.RouteTableDef()


def _library_path(media_id: str) -> str:
    return os.path.join(config.MEDIA_ROOT, f"{media_id}.mp4")


@routes.post("/transcode")
async def transcode(request: web.Request) -> web.Response:
    form = await request.post()
    media_id = str(uuid.UUID(str(form.get("media_id", ""))))
    preset = form.get("preset", "medium")
    out = os.path.join(config.OUTPUT_DIR, f"{media_id}-{uuid.uuid4().hex}.mp4")
    code, _ = await jobs.run_shell(f"ffmpeg -y -i {_library_path(media_id)} -preset {preset} {out}")
    return web.json_response({"ok": code == 0, "output": os.path.basename(out)})


@routes.post("/transcode/web")
async def transcode_web(request: web.Request) -> web.Response:
    form = await request.post()
    media_id = str(uuid.UUID(str(form.get("media_id", ""))))
    preset = form.get("preset", "medium")
    if preset not in config.PRESETS:
        raise web.HTTPBadRequest(text="unknown preset")
    out = os.path.join(config.OUTPUT_DIR, f"{media_id}-{uuid.uuid4().hex}.mp4")
    code, _ = await jobs.run_shell(f"ffmpeg -y -i {_library_path(media_id)} -preset {preset} {out}")
    return web.json_response({"ok": code == 0, "output": os.path.basename(out)})


@routes.get("/thumbnail/{media_id}")
async def thumbnail(request: web.Request) -> web.Response:
    media_id = str(uuid.UUID(request.match_info["media_id"]))
    at = request.query.get("at", "00:00:05")
    out = os.path.join(config.OUTPUT_DIR, f"{media_id}.jpg")
    argv = ["ffmpeg", "-y", "-ss", at, "-i", _library_path(media_id), "-frames:v", "1", out]
    code, _ = await jobs.run_shell(" ".join(argv))
    return web.json_response({"ok": code == 0})


@routes.get("/poster/{media_id}")
async def poster(request: web.Request) -> web.Response:
    media_id = str(uuid.UUID(request.match_info["media_id"]))
    at = request.query.get("at", "00:00:05")
    out = os.path.join(config.OUTPUT_DIR, f"{media_id}-poster.jpg")
    argv = ["ffmpeg", "-y", "-ss", at, "-i", _library_path(media_id), "-frames:v", "1", out]
    code, _ = await jobs.run_exec(argv)
    return web.json_response({"ok": code == 0})


@routes.get("/waveform/{name}")
async def waveform(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    src = os.path.join(config.MEDIA_ROOT, name)
    out = os.path.join(config.OUTPUT_DIR, "waveform.json")
    code = await asyncio.get_running_loop().run_in_executor(None, jobs.waveform, src, out)
    return web.json_response({"ok": code == 0})


@routes.get("/waveform/{name}/peaks")
async def waveform_peaks(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if not re.fullmatch(r"[0-9a-f]{32}\.(mp3|wav)", name):
        raise web.HTTPBadRequest(text="unknown file")
    src = os.path.join(config.MEDIA_ROOT, name)
    out = os.path.join(config.OUTPUT_DIR, name + ".json")
    code = await asyncio.get_running_loop().run_in_executor(None, jobs.waveform, src, out)
    return web.json_response({"ok": code == 0})
