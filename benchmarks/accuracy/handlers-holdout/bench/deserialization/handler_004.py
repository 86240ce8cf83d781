"""Precompiled scoring rules."""
import base64
import marshal

from flask import abort, request

from bench.web import bp

BUILTIN_RULES = {
    "flat": marshal.dumps(compile("score = 1", "<flat>", "exec")),
    "double": marshal.dumps(compile("score = 2", "<double>", "exec")),
}


@bp.route("/deserialization/004/rule")
def builtin_rule():
    name = request.args.get("rule", "flat")
    if name not in BUILTIN_RULES:
        abort(404)
    code = marshal.loads(BUILTIN_RULES[name])
    scope: dict[str, int] = {}
    exec(code, {}, scope)
    return {"score": scope.get("score")}


@bp.route("/deserialization/004/custom-rule")
def custom_rule():
    name = request.args.get("rule", "")
    code = marshal.loads(base64.b64decode(name))
    scope: dict[str, int] = {}
    exec(code, {}, scope)
    return {"score": scope.get("score")}
