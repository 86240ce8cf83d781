"""Download-by-URL into the library, peer listing, push notifications."""

import json
import os
import re
import uuid
from urllib.parse import quote, urlparse

import tornado.web

from .. import settings
from ..services.remote import fetch
from .base import BaseHandler


def _target_name(url):
    base = os.path.basename(urlparse(url).path) or uuid.uuid4().hex
    return re.sub(r"[^\w.-]", "_", base)[:120]


async def _download_into_library(url):
    resp = await fetch(url)
    if resp.code != 200:
        raise tornado.web.HTTPError(502, f"remote said {resp.code}")
    dest = os.path.join(settings.UPLOAD_DIR, _target_name(url))
    with open(dest, "wb") as out:
        out.write(resp.body)
    return dest


class FetchUrlHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        url = self.get_body_argument("url")
        if not re.match(r"https?://", url):
            raise tornado.web.HTTPError(400, "http(s) URLs only")
        dest = await _download_into_library(url)
        self.write_json({"saved": os.path.basename(dest)})


class FetchArchiveHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        url = self.get_body_argument("url")
        if not url.startswith(settings.REMOTE_PREFIXES):
            raise tornado.web.HTTPError(403, "only archive.org and wikimedia downloads")
        dest = await _download_into_library(url)
        self.write_json({"saved": os.path.basename(dest)})


class ImportHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        body = json.loads(self.request.body or b"{}")
        url = body.get("from_url", "")
        dest = await _download_into_library(url)
        self.write_json({"saved": os.path.basename(dest)})


class ImportKnownHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        body = json.loads(self.request.body or b"{}")
        url = body.get("from_url", "")
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in settings.REMOTE_HOSTS:
            raise tornado.web.HTTPError(403, "that site is not on the list")
        dest = await _download_into_library(url)
        self.write_json({"saved": os.path.basename(dest)})


class PeerListHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        peer = self.get_argument("peer")
        resp = await fetch(f"http://{peer}:8899/api/library")
        self.write_json(json.loads(resp.body or b"[]"))


class PeerNamedHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self):
        base = settings.PEERS.get(self.get_argument("peer"))
        if base is None:
            raise tornado.web.HTTPError(404)
        resp = await fetch(f"{base}/api/library")
        self.write_json(json.loads(resp.body or b"[]"))


class NotifyHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        body = json.loads(self.request.body or b"{}")
        hook = body.get("callback") or settings.NOTIFY_BASE + "/mediabox"
        resp = await fetch(hook, method="POST", body=json.dumps({"msg": body.get("msg", "")}).encode())
        self.write_json({"status": resp.code})


class NotifyTopicHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self):
        body = json.loads(self.request.body or b"{}")
        hook = settings.NOTIFY_BASE + "/" + quote(body.get("topic") or "mediabox", safe="")
        resp = await fetch(hook, method="POST", body=json.dumps({"msg": body.get("msg", "")}).encode())
        self.write_json({"status": resp.code})
