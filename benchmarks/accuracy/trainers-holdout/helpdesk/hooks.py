"""Integration endpoints registered directly on the application."""

from __future__ import annotations

import shlex
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, jsonify, request, session

from . import services
from .decorators import login_required
from .wrappers import RequestArgs


def init_app(app: Flask) -> None:
    @app.post("/integrations/diagnostics/dns")
    @login_required
    def dns_check():
        host = RequestArgs(request).text("host")
        output = services.run(["sh", "-c", "dig +short -q " + host])
        return jsonify({"answer": output.splitlines()})

    @app.post("/integrations/diagnostics/mx")
    @login_required
    def mx_check():
        host = RequestArgs(request).text("host")
        output = services.run(["sh", "-c", "dig +short -q " + shlex.quote(host)])
        return jsonify({"answer": output.splitlines()})

    @app.post("/integrations/webhook/ping")
    @login_required
    def webhook_ping():
        payload = request.get_json(force=True)
        status = services.notify(payload["url"], "Helpdesk connection test")
        return jsonify({"status": status})

    @app.post("/integrations/webhook/register")
    @login_required
    def webhook_register():
        payload = request.get_json(force=True)
        url = str(payload.get("url", ""))
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in current_app.config["WEBHOOK_HOSTS"]:
            abort(400)
        status = services.notify(url, "Helpdesk connection test")
        return jsonify({"status": status})

    @app.get("/integrations/avatar")
    @login_required
    def avatar():
        cdn = request.args.get("cdn", current_app.config["AVATAR_HOST"])
        url = "https://%s/avatars/%s.png" % (cdn, session["agent_id"])
        return current_app.response_class(services.fetch(url), mimetype="image/png")

    @app.get("/integrations/avatar/<int:agent_id>")
    @login_required
    def avatar_of(agent_id: int):
        url = "https://%s/avatars/%d.png" % (current_app.config["AVATAR_HOST"], agent_id)
        return current_app.response_class(services.fetch(url), mimetype="image/png")
