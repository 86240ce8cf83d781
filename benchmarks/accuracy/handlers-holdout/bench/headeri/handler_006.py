"""Versioned API responses."""
import re

from flask import Flask, abort, jsonify, request

VERSION = re.compile(r"\d{1,2}\.\d{1,2}")


class ApiVersion:
    """The API version echoed back to the client."""

    def __init__(self, value: str) -> None:
        self.value = value

    def stamp(self, resp):
        resp.headers["X-Api-Version"] = self.value
        return resp


def register(app: Flask) -> None:
    """Attach the versioned routes."""

    @app.route("/headeri/006/status")
    def api_status():
        version = ApiVersion(request.args.get("v", "1.0"))
        return version.stamp(jsonify({"ok": True}))

    @app.route("/headeri/006/health")
    def api_health():
        requested = request.args.get("v", "1.0")
        if not VERSION.fullmatch(requested):
            abort(400)
        return ApiVersion(requested).stamp(jsonify({"ok": True}))
