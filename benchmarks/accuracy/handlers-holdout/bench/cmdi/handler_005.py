"""Log tails."""
from flask import abort, request

from bench import helpers
from bench.web import bp


@bp.route("/cmdi/005/tail")
def tail():
    lines = int(request.args.get("n", "50"))
    return {"log": helpers.run(f"tail -n {lines} /var/log/bench/app.log")}


@bp.route("/cmdi/005/head")
def head():
    if "n" not in request.args:
        abort(400)
    lines = request.args["n"]
    return {"log": helpers.run(f"head -n {lines} /var/log/bench/app.log")}
