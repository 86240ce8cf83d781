"""Back-office routes, registered on the application directly."""
from __future__ import annotations

import logging
import subprocess

from flask import Flask, abort, jsonify, request
from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

log = logging.getLogger(__name__)
EXPORT_FORMATS = ("csv", "xlsx", "json")


def init_app(app: Flask) -> None:
    sandbox = SandboxedEnvironment(autoescape=True)

    @app.route("/admin/newsletter/preview", methods=["POST"])
    def newsletter_preview():
        body = request.form.get("body", "")
        return Template(body).render(first_name="Alex", shop_name="Shopfront")

    @app.route("/admin/newsletter/render", methods=["POST"])
    def newsletter_render():
        body = request.form.get("body", "")
        return sandbox.from_string(body).render(first_name="Alex", shop_name="Shopfront")

    @app.route("/admin/export", methods=["POST"])
    def export_orders():
        fmt = request.form.get("format", "csv")
        since = request.form.get("since", "1970-01-01")
        cmd = f"shopctl export-orders --format {fmt} --since {since}"
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
        return jsonify(ok=out.returncode == 0, output=out.stdout[-2000:])

    @app.route("/admin/export/catalogue", methods=["POST"])
    def export_catalogue():
        fmt = request.form.get("format", "csv")
        if fmt not in EXPORT_FORMATS:
            abort(400)
        cmd = f"shopctl export-catalogue --format {fmt}"
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
        return jsonify(ok=out.returncode == 0, output=out.stdout[-2000:])
