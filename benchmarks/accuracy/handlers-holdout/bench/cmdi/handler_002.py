"""Log searches."""
import shlex

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/cmdi/002/count", methods=["POST"])
def count_matches():
    pattern = request.form.get("pattern", "")
    command = "grep -c -- %s /var/log/bench/app.log" % shlex.quote(pattern)
    return {"count": helpers.run(command).strip()}


@bp.route("/cmdi/002/lines", methods=["POST"])
def matching_lines():
    pattern = request.form.get("pattern", "")
    command = "grep -m 20 -- '%s' /var/log/bench/app.log" % shlex.quote(pattern)
    return {"lines": helpers.run(command).splitlines()}
