"""Network reachability checks."""
import shlex

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/cmdi/001/ping")
def ping():
    host = request.args.get("host", "localhost")
    return {"output": helpers.run("ping -c 1 -W 2 " + host)}


@bp.route("/cmdi/001/trace")
def trace():
    host = request.args.get("host", "localhost")
    return {"output": helpers.run("traceroute -m 8 " + shlex.quote(host))}
