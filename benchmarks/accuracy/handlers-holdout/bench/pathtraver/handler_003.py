"""Static downloads."""
from flask import send_file, send_from_directory

from bench.web import bp

DOWNLOADS = "/srv/bench/downloads"


@bp.route("/pathtraver/003/files/<path:name>")
def download(name: str):
    return send_file(DOWNLOADS + "/" + name, as_attachment=True)


@bp.route("/pathtraver/003/assets/<path:name>")
def asset(name: str):
    return send_from_directory(DOWNLOADS, name, as_attachment=True)
