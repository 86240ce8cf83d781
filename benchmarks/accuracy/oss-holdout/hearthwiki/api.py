"""Imports, exports, bookmarks and API tokens."""
import http.client
import json
import logging
import os
import random
import re
import subprocess
import urllib.request
from urllib.parse import quote, urlsplit

from lxml import etree

from . import sessions, settings, storage
from .router import json_response, router

log = logging.getLogger("hearthwiki.api")

FETCH_LIMIT = 256 * 1024


def _bookmarks():
    return etree.parse(settings.BOOKMARKS_XML)


def _bookmark_dicts(nodes) -> list:
    return [{"title": n.get("title"), "url": n.get("url"), "tag": n.get("tag")} for n in nodes]


def _head(host: str, path: str) -> int:
    conn = http.client.HTTPSConnection(host, timeout=5)
    try:
        conn.request("HEAD", path or "/", headers={"User-Agent": "hearthwiki-linkcheck"})
        return conn.getresponse().status
    finally:
        conn.close()


@router.route("POST", "/api/import")
def import_page(req):
    data = req.json()
    with urllib.request.urlopen(data["url"], timeout=10) as resp:
        body = resp.read(FETCH_LIMIT).decode("utf-8", "replace")
    storage.save_page(data.get("title") or "Imported page", body, "import")
    return json_response({"ok": True, "bytes": len(body)})


@router.route("POST", "/api/import/mirror")
def import_from_mirror(req):
    data = req.json()
    name = str(data.get("name", ""))
    url = settings.MIRROR_URL + "/raw/" + quote(name, safe="")
    with urllib.request.urlopen(url, timeout=10) as resp:
        body = resp.read(FETCH_LIMIT).decode("utf-8", "replace")
    storage.save_page(name or "Imported page", body, "mirror")
    return json_response({"ok": True, "bytes": len(body)})


@router.route("GET", "/api/linkcheck")
def check_link(req):
    parts = urlsplit(req.query("url"))
    status = _head(parts.netloc, parts.path)
    return json_response({"status": status})


@router.route("GET", "/api/linkcheck/trusted")
def check_trusted_link(req):
    parts = urlsplit(req.query("url"))
    if parts.hostname not in settings.TRUSTED_LINK_HOSTS or parts.port is not None:
        return json_response({"error": "host not checked"}, 400)
    status = _head(parts.hostname, parts.path)
    return json_response({"status": status})


@router.route("GET", "/api/bookmarks")
def bookmark_lookup(req):
    tag = req.query("tag")
    nodes = _bookmarks().xpath("//bookmark[@tag='" + tag + "']")
    return json_response({"bookmarks": _bookmark_dicts(nodes)})


@router.route("GET", "/api/bookmarks/title")
def bookmark_by_title(req):
    title = req.query("title")
    nodes = _bookmarks().xpath("//bookmark[@title=$t]", t=title)
    return json_response({"bookmarks": _bookmark_dicts(nodes)})


@router.route("GET", "/api/bookmarks/count")
def bookmark_count(req):
    prefix = req.query("prefix", "https://")
    total = _bookmarks().xpath(f"count(//bookmark[starts-with(@url, '{prefix}')])")
    return json_response({"count": int(total)})


@router.route("GET", "/api/bookmarks/count/checked")
def bookmark_count_checked(req):
    prefix = req.query("prefix", "https://")
    if not re.fullmatch(r"[A-Za-z0-9:/._-]{1,200}", prefix):
        return json_response({"error": "unsupported prefix"}, 400)
    total = _bookmarks().xpath(f"count(//bookmark[starts-with(@url, '{prefix}')])")
    return json_response({"count": int(total)})


@router.route("POST", "/api/export/pdf")
def export_pdf(req):
    name = req.json().get("page", "")
    out = os.path.join(settings.EXPORT_DIR, name + ".pdf")
    status = subprocess.call(f"pandoc --from=markdown -o '{out}' '{settings.DATA_DIR}/pages/{name}.md'", shell=True)
    return json_response({"ok": status == 0})


@router.route("POST", "/api/export/pdf/by-id")
def export_pdf_by_id(req):
    page = storage.get_page(req.json().get("page", ""))
    if page is None:
        return json_response({"error": "no such page"}, 404)
    page_id = page["id"]
    out = os.path.join(settings.EXPORT_DIR, f"{page_id}.pdf")
    status = subprocess.call(f"pandoc --from=markdown -o '{out}' '{settings.DATA_DIR}/pages/{page_id}.md'", shell=True)
    return json_response({"ok": status == 0})


@router.route("POST", "/api/tokens")
def create_api_token(req):
    session = sessions.load(req)
    if not session:
        return json_response({"error": "log in first"}, 401)
    token = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40))
    storage.save_token(session["user"], token)
    return json_response({"token": token})


@router.route("POST", "/api/report/link")
def report_broken_link(req):
    data = req.json()
    log.warning("broken link reported on %s: %s", data.get("page", "?"), data.get("url", ""))
    return json_response({"ok": True})


@router.route("POST", "/api/report/spam")
def report_spam(req):
    data = req.json()
    log.warning("spam reported on %s: %s", json.dumps(str(data.get("page", "?"))), json.dumps(str(data.get("reason", ""))))
    return json_response({"ok": True})
