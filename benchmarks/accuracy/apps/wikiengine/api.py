"""JSON API used by the editor front end."""
from __future__ import annotations

import logging
import re

from flask import Flask, abort, jsonify, request
from jinja2 import Environment

from . import macros, search, settings

log = logging.getLogger(__name__)

NOTIFY_TEMPLATE = "Hello {{ user }}, the page {{ page }} you watch was changed by {{ editor }}."


def init_app(app: Flask) -> None:
    env = Environment(autoescape=False)

    @app.route("/api/macros/calc", methods=["POST"])
    def macro_calc():
        expr = (request.get_json(silent=True) or {}).get("expr", "0")
        return jsonify(result=macros.calc(expr))

    @app.route("/api/macros/sum", methods=["POST"])
    def macro_sum():
        numbers = (request.get_json(silent=True) or {}).get("numbers", [])
        expr = "+".join(str(float(n)) for n in numbers) or "0"
        return jsonify(result=macros.calc(expr))

    @app.route("/api/hooks/on-save", methods=["POST"])
    def set_save_hook():
        cfg = macros.load_hooks(settings.HOOKS_FILE)
        cfg.set("hooks", "on_save", request.form.get("code", "pass"))
        page = {"author": "preview", "headings": [], "footer": ""}
        return jsonify(page=macros.run_hook(cfg.get("hooks", "on_save"), page))

    @app.route("/api/hooks/on-publish", methods=["POST"])
    def set_publish_hook():
        cfg = macros.load_hooks(settings.HOOKS_FILE)
        name = request.form.get("hook", "noop")
        cfg.set("hooks", "on_publish", macros.BUILTIN_HOOKS.get(name, "pass"))
        page = {"author": "preview", "headings": [], "footer": ""}
        return jsonify(page=macros.run_hook(cfg.get("hooks", "on_publish"), page))

    @app.route("/api/notifications/preview", methods=["POST"])
    def notification_preview():
        data = request.get_json(silent=True) or {}
        template = env.from_string(data.get("template", NOTIFY_TEMPLATE))
        return jsonify(text=template.render(user="Alex", page="Home", editor="Sam"))

    @app.route("/api/notifications/render", methods=["POST"])
    def notification_render():
        data = request.get_json(silent=True) or {}
        template = env.from_string(NOTIFY_TEMPLATE)
        return jsonify(text=template.render(user=data.get("user", ""), page=data.get("page", ""), editor="Sam"))

    @app.route("/api/search/regex")
    def search_regex():
        pattern = request.args.get("q", "")
        return jsonify(pages=search.grep(pattern, settings.PAGE_ROOT))

    @app.route("/api/search")
    def search_text():
        words = request.args.get("q", "").split()
        if not words:
            abort(400)
        return jsonify(pages=search.grep("|".join(re.escape(w) for w in words), settings.PAGE_ROOT))

    @app.route("/api/pages/replace", methods=["POST"])
    def replace_in_page():
        data = request.get_json(silent=True) or {}
        text = data.get("text", "")
        updated = re.sub(data.get("find", ""), data.get("replace", ""), text)
        return jsonify(text=updated)

    @app.route("/api/pages/replace-literal", methods=["POST"])
    def replace_literal():
        data = request.get_json(silent=True) or {}
        text = data.get("text", "")
        replacement = data.get("replace", "").replace("\\", "\\\\")
        updated = re.sub(re.escape(data.get("find", "")), replacement, text)
        return jsonify(text=updated)
