"""Settings documents embedded in JSON requests."""
import io

from flask import Flask, request
from lxml import etree

DEFAULTS = "<settings><locale>en</locale></settings>"


def register(app: Flask) -> None:
    """Attach the settings import routes."""

    @app.route("/xxe/006/settings", methods=["POST"])
    def import_settings():
        payload = request.get_json(silent=True) or {}
        buf = io.BytesIO()
        buf.write(payload.get("settings", DEFAULTS).encode())
        buf.seek(0)
        tree = etree.parse(buf, etree.XMLParser(resolve_entities=True))
        return {"locale": tree.findtext("locale")}

    @app.route("/xxe/006/settings/reset", methods=["POST"])
    def reset_settings():
        payload = request.get_json(silent=True) or {}
        buf = io.BytesIO()
        buf.write(payload.get("settings", DEFAULTS).encode())
        buf.seek(0)
        buf.truncate()
        buf.write(DEFAULTS.encode())
        buf.seek(0)
        tree = etree.parse(buf, etree.XMLParser(resolve_entities=True))
        return {"locale": tree.findtext("locale")}
