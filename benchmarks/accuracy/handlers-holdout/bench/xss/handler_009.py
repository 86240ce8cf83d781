"""Browser support notes."""
from flask import Response, request

from bench.web import bp


@bp.route("/xss/009/support")
def support_note():
    device = request.args.get("device", "")
    banner = ("Your device: " + device)[:120]
    return Response("<p>" + banner + "</p>", mimetype="text/html")


@bp.route("/xss/009/compat")
def compat_note():
    device = request.args.get("device", "")
    banner = ("Your device is supported. " + device)[:26]
    return Response("<p>" + banner + "</p>", mimetype="text/html")
