"""Thumbnails, posters and raw file access."""

import os
import re
from pathlib import Path

import tornado.web

from .. import settings
from ..services import library, thumbs
from .base import BaseHandler

CHUNK = 256 * 1024


class ThumbHandler(BaseHandler):
    def get(self, media_id):
        item = library.get_item(int(media_id))
        if item is None:
            raise tornado.web.HTTPError(404)
        size = self.get_argument("size", "320x320")
        path = thumbs.image_thumb(item.abspath, size)
        self.set_header("Content-Type", "image/jpeg")
        with open(path, "rb") as fh:
            self.finish(fh.read())


class PreviewHandler(BaseHandler):
    def get(self, media_id):
        item = library.get_item(int(media_id))
        if item is None:
            raise tornado.web.HTTPError(404)
        size = self.get_argument("size", "320x320")
        if not re.fullmatch(r"\d{2,4}x\d{2,4}", size):
            raise tornado.web.HTTPError(400, "size must look like 320x240")
        path = thumbs.image_thumb(item.abspath, size)
        self.set_header("Content-Type", "image/jpeg")
        with open(path, "rb") as fh:
            self.finish(fh.read())


class PosterHandler(BaseHandler):
    def get(self, media_id):
        item = library.get_item(int(media_id))
        if item is None or item.kind != "video":
            raise tornado.web.HTTPError(404)
        at = self.get_argument("t", "00:00:05")
        path = thumbs.video_poster(item.abspath, at)
        self.set_header("Content-Type", "image/jpeg")
        with open(path, "rb") as fh:
            self.finish(fh.read())


class FrameHandler(BaseHandler):
    def get(self, media_id):
        item = library.get_item(int(media_id))
        if item is None or item.kind != "video":
            raise tornado.web.HTTPError(404)
        try:
            seconds = min(max(float(self.get_argument("t", "5")), 0.0), item.duration)
        except ValueError:
            raise tornado.web.HTTPError(400, "t is a number of seconds")
        path = thumbs.video_poster(item.abspath, "%.3f" % seconds)
        self.set_header("Content-Type", "image/jpeg")
        with open(path, "rb") as fh:
            self.finish(fh.read())


class RawHandler(BaseHandler):
    """Mapped to r"/raw/(.*)"."""

    def get(self, relpath):
        full = os.path.join(settings.MEDIA_ROOT, relpath)
        if not os.path.isfile(full):
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "application/octet-stream")
        with open(full, "rb") as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                self.write(chunk)
        self.finish()


class UploadsHandler(BaseHandler):
    """Mapped to r"/uploads/([\\w-]+\\.(?:jpg|jpeg|png|mp4|mkv|mp3|flac))"."""

    def get(self, name):
        full = os.path.join(settings.UPLOAD_DIR, name)
        if not os.path.isfile(full):
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "application/octet-stream")
        with open(full, "rb") as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                self.write(chunk)
        self.finish()


def _parse_range(header, size):
    m = re.fullmatch(r"bytes=(\d*)-(\d*)", header or "")
    if not m:
        return 0, size - 1
    start = int(m.group(1)) if m.group(1) else max(0, size - int(m.group(2) or 0))
    end = int(m.group(2)) if m.group(1) and m.group(2) else size - 1
    return start, min(end, size - 1)


class StreamHandler(BaseHandler):
    async def get(self):
        name = self.get_argument("f")
        if name.startswith(".."):
            raise tornado.web.HTTPError(400)
        full = os.path.join(settings.MEDIA_ROOT, name)
        size = os.path.getsize(full)
        start, end = _parse_range(self.request.headers.get("Range"), size)
        self.set_status(206 if self.request.headers.get("Range") else 200)
        self.set_header("Accept-Ranges", "bytes")
        self.set_header("Content-Range", f"bytes {start}-{end}/{size}")
        with open(full, "rb") as fh:
            fh.seek(start)
            remaining = end - start + 1
            while remaining > 0:
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                self.write(chunk)
                await self.flush()
        self.finish()


class PlayHandler(BaseHandler):
    async def get(self):
        name = self.get_argument("f")
        root = Path(settings.MEDIA_ROOT).resolve()
        full = (root / name).resolve()
        if not full.is_relative_to(root) or not full.is_file():
            raise tornado.web.HTTPError(404)
        size = full.stat().st_size
        start, end = _parse_range(self.request.headers.get("Range"), size)
        self.set_status(206 if self.request.headers.get("Range") else 200)
        self.set_header("Accept-Ranges", "bytes")
        self.set_header("Content-Range", f"bytes {start}-{end}/{size}")
        with open(full, "rb") as fh:
            fh.seek(start)
            remaining = end - start + 1
            while remaining > 0:
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                self.write(chunk)
                await self.flush()
        self.finish()


class UploadHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        for info in self.request.files.get("file", []):
            dest = os.path.join(settings.UPLOAD_DIR, info["filename"])
            with open(dest, "wb") as out:
                out.write(info["body"])
        self.write_json({"ok": True})


class DropHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self):
        for info in self.request.files.get("file", []):
            name = os.path.basename(info["filename"])
            if name in ("", ".", ".."):
                raise tornado.web.HTTPError(400)
            dest = os.path.join(settings.UPLOAD_DIR, name)
            with open(dest, "wb") as out:
                out.write(info["body"])
        self.write_json({"ok": True})
