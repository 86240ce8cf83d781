"""Directory listings."""
import io

from flask import request

from bench import helpers
from bench.web import bp


@bp.route("/cmdi/009/listing")
def listing():
    folder = request.headers.get("X-Folder", "/srv/public")
    buf = io.StringIO()
    buf.write("ls -l ")
    buf.write(folder)
    return {"listing": helpers.run(buf.getvalue())}


@bp.route("/cmdi/009/tree")
def tree():
    folder = request.headers.get("X-Folder", "/srv/public")
    buf = io.StringIO()
    buf.write(folder)
    buf.seek(0)
    buf.truncate()
    buf.write("/srv/public")
    return {"listing": helpers.run("ls -R " + buf.getvalue())}
