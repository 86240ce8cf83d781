"""Library browsing, downloads, uploads and imports."""
from __future__ import annotations

import html
import io
import json
import logging
import os
import pickle
import uuid
import xml.dom.minidom

from aiohttp import web
from lxml import etree
from yarl import URL

from .. import config, remote

log = logging.getLogger("mediahub.library")
routes = web.RouteTableDef()


@routes.get("/download")
async def download(request: web.Request) -> web.StreamResponse:
    name = request.query.get("file", "")
    return web.FileResponse(os.path.join(config.MEDIA_ROOT, name))


@routes.get("/stream")
async def stream(request: web.Request) -> web.StreamResponse:
    name = os.path.basename(request.query.get("file", ""))
    root = os.path.realpath(config.MEDIA_ROOT)
    path = os.path.realpath(os.path.join(root, name))
    if not name or os.path.dirname(path) != root:
        raise web.HTTPNotFound()
    return web.FileResponse(path)


@routes.post("/upload")
async def upload(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "file":
        raise web.HTTPBadRequest(text="missing file")
    path = os.path.join(config.UPLOAD_DIR, field.filename or "upload.bin")
    with open(path, "wb") as fh:
        while chunk := await field.read_chunk():
            fh.write(chunk)
    return web.json_response({"stored": os.path.basename(path)})


@routes.post("/upload/episode")
async def upload_episode(request: web.Request) -> web.Response:
    reader = await request.multipart()
    field = await reader.next()
    if field is None or field.name != "file":
        raise web.HTTPBadRequest(text="missing file")
    ext = os.path.splitext(field.filename or "")[1].lower()
    if ext not in config.UPLOAD_EXTENSIONS:
        raise web.HTTPBadRequest(text="unsupported file type")
    path = os.path.join(config.UPLOAD_DIR, uuid.uuid4().hex + ext)
    with open(path, "wb") as fh:
        while chunk := await field.read_chunk():
            fh.write(chunk)
    return web.json_response({"stored": os.path.basename(path)})


@routes.post("/import")
async def import_remote(request: web.Request) -> web.Response:
    form = await request.post()
    data = await remote.download(str(form.get("url", "")))
    return web.json_response({"bytes": len(data)})


@routes.post("/import/partner")
async def import_partner(request: web.Request) -> web.Response:
    form = await request.post()
    url = URL(str(form.get("url", "")))
    if url.scheme != "https" or url.host not in config.IMPORT_HOSTS:
        raise web.HTTPBadRequest(text="imports are limited to partner storage")
    data = await remote.download(str(url))
    return web.json_response({"bytes": len(data)})


@routes.get("/embed")
async def embed(request: web.Request) -> web.Response:
    provider = request.query.get("provider", "www.youtube.com")
    info = await remote.get_json(f"https://{provider}/oembed", {"url": request.query.get("url", ""), "format": "json"})
    return web.json_response({"title": info.get("title"), "html": info.get("html")})


@routes.get("/embed/known")
async def embed_known(request: web.Request) -> web.Response:
    endpoint = config.OEMBED_PROVIDERS.get(request.query.get("provider", "youtube"))
    if endpoint is None:
        raise web.HTTPNotFound()
    info = await remote.get_json(endpoint, {"url": request.query.get("url", ""), "format": "json"})
    return web.json_response({"title": info.get("title"), "html": info.get("html")})


@routes.get("/gallery/caption")
async def caption(request: web.Request) -> web.Response:
    text = request.query.get("text", "")
    credit = request.query.get("credit", "mediahub")
    body = f"<figure><figcaption>{text} <small>({html.escape(credit)})</small></figcaption></figure>"
    return web.Response(text=body, content_type="text/html")


@routes.get("/gallery/credit")
async def credit_line(request: web.Request) -> web.Response:
    text = request.query.get("text", "")
    credit = request.query.get("credit", "mediahub")
    body = f"<figure><figcaption>{html.escape(text)} <small>({html.escape(credit)})</small></figcaption></figure>"
    return web.Response(text=body, content_type="text/html")


@routes.post("/playlists/restore")
async def restore_playlist(request: web.Request) -> web.Response:
    blob = await request.read()
    playlist = pickle.load(io.BytesIO(blob))
    return web.json_response({"tracks": len(playlist)})


@routes.post("/playlists/import")
async def import_playlist(request: web.Request) -> web.Response:
    blob = await request.read()
    playlist = json.load(io.BytesIO(blob))
    return web.json_response({"tracks": len(playlist)})


@routes.post("/feeds/episodes")
async def feed_episodes(request: web.Request) -> web.Response:
    body = await request.read()
    root = etree.fromstring(body, etree.XMLParser(resolve_entities=True, huge_tree=True))
    titles = [t.text for t in root.iter("title")]
    return web.json_response({"titles": titles})


@routes.post("/feeds/validate")
async def feed_validate(request: web.Request) -> web.Response:
    body = await request.read()
    doc = xml.dom.minidom.parseString(body)
    titles = [n.firstChild.data for n in doc.getElementsByTagName("title") if n.firstChild]
    return web.json_response({"titles": titles})


@routes.post("/player/errors")
async def player_error(request: web.Request) -> web.Response:
    data = await request.post()
    log.warning("player error on %s: %s", data.get("media_id", "?"), data.get("message", ""))
    return web.Response(status=204)


@routes.post("/player/stalls")
async def player_stall(request: web.Request) -> web.Response:
    data = await request.post()
    media_id = str(data.get("media_id", "?")).encode("unicode_escape").decode("ascii")
    message = str(data.get("message", "")).encode("unicode_escape").decode("ascii")
    log.warning("player stalled on %s: %s", media_id, message)
    return web.Response(status=204)
