"""Import of browser exports: Netscape bookmark HTML, XBEL and OPML."""

import logging
import xml.sax
from html.parser import HTMLParser
from typing import List, Tuple

import defusedxml.ElementTree as DefusedET
from flask import Blueprint, make_response, render_template, request
from lxml import etree
from markupsafe import Markup

from . import db

bp = Blueprint("importer", __name__, url_prefix="/import")
log = logging.getLogger(__name__)


class NetscapeParser(HTMLParser):
    """Collects (href, title) pairs from a Netscape-format bookmarks.html."""

    def __init__(self) -> None:
        super().__init__()
        self.links: List[Tuple[str, str]] = []
        self._href = None

    def handle_starttag(self, tag, attrs):
        if tag.lower() == "a":
            self._href = dict(attrs).get("href")

    def handle_data(self, data):
        if self._href:
            self.links.append((self._href, data.strip()))
            self._href = None


class OutlineHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.links: List[Tuple[str, str]] = []

    def startElement(self, name, attrs):
        if name == "outline" and attrs.get("htmlUrl"):
            self.links.append((attrs.get("htmlUrl"), attrs.get("title") or attrs.get("text") or ""))


def _save_all(links: List[Tuple[str, str]]) -> int:
    for href, title in links:
        db.insert_bookmark(href, title or href, "imported")
    return len(links)


@bp.route("/netscape", methods=["POST"])
def import_netscape():
    upload = request.files["file"]
    parser = NetscapeParser()
    parser.feed(upload.read().decode("utf-8", "replace"))
    count = _save_all(parser.links)
    return make_response(Markup(f"<p>Imported {count} links from <code>{upload.filename}</code>.</p>"))


@bp.route("/netscape/v2", methods=["POST"])
def import_netscape_v2():
    upload = request.files["file"]
    parser = NetscapeParser()
    parser.feed(upload.read().decode("utf-8", "replace"))
    count = _save_all(parser.links)
    return render_template("import_done.html", count=count, filename=upload.filename)


def _xbel_links(root) -> List[Tuple[str, str]]:
    out = []
    for node in root.iter("bookmark"):
        title = node.find("title")
        out.append((node.get("href"), title.text if title is not None else ""))
    return out


@bp.route("/xbel", methods=["POST"])
def import_xbel():
    data = request.files["file"].read()
    parser = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)
    root = etree.fromstring(data, parser)
    return {"imported": _save_all(_xbel_links(root))}


@bp.route("/xbel/v2", methods=["POST"])
def import_xbel_v2():
    data = request.files["file"].read()
    root = DefusedET.fromstring(data)
    return {"imported": _save_all(_xbel_links(root))}


@bp.route("/opml", methods=["POST"])
def import_opml():
    handler = OutlineHandler()
    sax = xml.sax.make_parser()
    sax.setContentHandler(handler)
    sax.setFeature(xml.sax.handler.feature_external_ges, True)
    sax.parse(request.files["file"].stream)
    return {"imported": _save_all(handler.links)}


@bp.route("/opml/v2", methods=["POST"])
def import_opml_v2():
    data = request.files["file"].read()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    links = [(o.get("htmlUrl"), o.get("title") or o.get("text") or "") for o in root.iter("outline") if o.get("htmlUrl")]
    return {"imported": _save_all(links)}
