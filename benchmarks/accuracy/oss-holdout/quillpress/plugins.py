"""Tiny plugin system: plugins are modules named in QUILLPRESS_PLUGINS."""
import ast
import importlib
import logging

from flask import Blueprint, abort, jsonify, request

bp = Blueprint("plugins", __name__)
log = logging.getLogger("quillpress.plugins")

KNOWN_PLUGINS = {"readtime": "quillpress_readtime", "toc": "quillpress_toc", "embeds": "quillpress_embeds"}

CALC_NAMES = {"words_per_minute": 230, "max_width": 720}


def load_enabled(app):
    for name in app.config["ENABLED_PLUGINS"]:
        module_name = KNOWN_PLUGINS.get(name)
        if module_name is None:
            log.warning("unknown plugin %s ignored", name)
            continue
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            log.exception("plugin %s failed to load", name)
            continue
        if hasattr(module, "setup"):
            module.setup(app)


def init_shortcodes(blueprint):
    """Endpoints behind the [[calc]] and [[poll]] shortcodes."""

    @blueprint.route("/calc")
    def calc():
        """Backs the [[calc ...]] shortcode used in posts, e.g. ``words_per_minute * 3``."""
        expr = request.args.get("expr", "")
        if len(expr) > 200:
            abort(400)
        value = eval(expr, {"__builtins__": {}}, dict(CALC_NAMES))
        return jsonify(value=value)

    @blueprint.route("/poll")
    def poll_options():
        """Backs the [[poll ...]] shortcode, e.g. ``["Yes", "No", "Maybe"]``."""
        raw = request.args.get("options", "[]")
        try:
            options = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            abort(400)
        if not isinstance(options, (list, tuple)):
            abort(400)
        return jsonify(options=[str(o) for o in options][:10])


init_shortcodes(bp)
