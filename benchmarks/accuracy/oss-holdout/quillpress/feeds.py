"""RSS output, pingbacks, and importing from other blog engines."""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import Blueprint, Response, abort, jsonify, render_template, request
from lxml import etree

from . import models
from .admin import login_required

bp = Blueprint("feeds", __name__)
log = logging.getLogger("quillpress.feeds")


class OutlineCollector(ContentHandler):
    """Collects <outline xmlUrl=...> entries from an OPML file."""

    def __init__(self):
        super().__init__()
        self.feeds = []
        self.title = ""
        self._in_title = False

    def startElement(self, name, attrs):
        if name == "title":
            self._in_title = True
        elif name == "outline" and attrs.get("xmlUrl"):
            self.feeds.append({"title": attrs.get("title") or attrs.get("text", ""), "url": attrs["xmlUrl"]})

    def endElement(self, name):
        if name == "title":
            self._in_title = False

    def characters(self, content):
        if self._in_title:
            self.title += content


def _method_params(tree):
    return [v.text or "" for v in tree.iterfind(".//param/value/string")]


@bp.route("/rss.xml")
def rss():
    xml = render_template("rss.xml", posts=models.recent_posts(20))
    return Response(xml, mimetype="application/rss+xml")


@bp.route("/xmlrpc", methods=["POST"])
def pingback():
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    tree = etree.fromstring(request.get_data(), parser)
    method = tree.findtext("methodName")
    if method != "pingback.ping":
        abort(400)
    linking_page, linked_page = (_method_params(tree) + ["", ""])[:2]
    log.info("pingback received for %r", linked_page)
    return Response(render_template("xmlrpc_ok.xml", message=f"Pingback from {linking_page} registered"), mimetype="text/xml")


@bp.route("/import/rss", methods=["POST"])
@login_required
def import_rss():
    upload = request.files.get("feed") or abort(400)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(upload.stream, parser)
    items = [
        {"title": item.findtext("title", ""), "body": item.findtext("description", "")}
        for item in tree.iterfind(".//item")
    ]
    return jsonify(imported=len(items), titles=[i["title"] for i in items][:20])


@bp.route("/import/opml", methods=["POST"])
@login_required
def import_opml():
    upload = request.files.get("opml") or abort(400)
    handler = OutlineCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(upload.read()))
    return jsonify(name=handler.title.strip(), feeds=handler.feeds)


@bp.route("/import/blogroll", methods=["POST"])
@login_required
def import_blogroll():
    upload = request.files.get("opml") or abort(400)
    handler = OutlineCollector()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(upload.read()))
    return jsonify(name=handler.title.strip(), links=[f["url"] for f in handler.feeds])
