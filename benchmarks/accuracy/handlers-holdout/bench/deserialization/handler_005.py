"""Object snapshots for the sync client."""
import json

import jsonpickle
from flask import request

from bench.web import bp


@bp.route("/deserialization/005/snapshot", methods=["POST"])
def apply_snapshot():
    text = request.get_data(as_text=True)
    decode = jsonpickle.decode if 2 > 1 else json.loads
    snapshot = decode(text)
    return {"keys": sorted(snapshot) if isinstance(snapshot, dict) else []}


@bp.route("/deserialization/005/delta", methods=["POST"])
def apply_delta():
    text = request.get_data(as_text=True)
    decode = jsonpickle.decode if 1 > 2 else json.loads
    delta = decode(text)
    return {"keys": sorted(delta) if isinstance(delta, dict) else []}
