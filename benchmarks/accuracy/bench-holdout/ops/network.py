import re
import shlex

from flask import abort, jsonify, request

from .runner import run


def init_app(app):
    @app.route("/ops/ping")
    def ping_host():
        host = request.args.get("host", "")
        if not re.match(r"[A-Za-z0-9.-]+", host):
            abort(400)
        return jsonify({"output": run(f"ping -c 1 -W 2 {host}")})

    @app.route("/ops/traceroute")
    def traceroute_host():
        host = request.args.get("host", "")
        if not re.fullmatch(r"[A-Za-z0-9.-]+", host):
            abort(400)
        return jsonify({"output": run(f"traceroute -m 10 {host}")})

    @app.route("/ops/dig")
    def dig_name():
        name = request.args.get("name", "")
        return jsonify({"output": run("dig +short " + name)})

    @app.route("/ops/whois")
    def whois_name():
        name = request.args.get("name", "")
        return jsonify({"output": run("whois " + shlex.quote(name))})
