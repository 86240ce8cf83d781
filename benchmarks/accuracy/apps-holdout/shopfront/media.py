"""Downloads: product manuals and technical data sheets."""
from __future__ import annotations

import os

from flask import Blueprint, abort, request, send_file

from . import settings

bp = Blueprint("media", __name__, url_prefix="/media")


@bp.route("/manuals")
def download_manual():
    """Serve a product manual from the bundled static directory."""
    name = request.args.get("doc", "")
    name = name.replace("../", "")
    return send_file(os.path.join(settings.MANUAL_DIR, name), mimetype="application/pdf")


@bp.route("/datasheets")
def download_datasheet():
    """Serve a data sheet uploaded by the catalogue team."""
    name = os.path.basename(request.args.get("doc", ""))
    root = os.path.realpath(settings.DATASHEET_DIR)
    path = os.path.realpath(os.path.join(root, name))
    if not path.startswith(root + os.sep) or not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype="application/pdf")
