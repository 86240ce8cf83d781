"""Pipeline definitions in YAML."""
import yaml
from flask import request

from bench.web import bp


@bp.route("/deserialization/002/pipeline", methods=["POST"])
def load_pipeline():
    text = request.get_data(as_text=True)
    spec = yaml.safe_load(text)
    return {"stages": [s.get("name") for s in spec.get("stages", [])]}


@bp.route("/deserialization/002/workflow", methods=["POST"])
def load_workflow():
    text = request.get_data(as_text=True)
    spec = yaml.load(text, Loader=yaml.Loader)
    return {"stages": [s.get("name") for s in spec.get("stages", [])]}
