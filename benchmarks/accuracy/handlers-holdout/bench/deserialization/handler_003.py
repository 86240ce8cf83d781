"""Dashboard layouts."""
import yaml
from flask import request

from bench.web import bp

LOADERS = {"layout": yaml.SafeLoader, "legacy": yaml.UnsafeLoader}


@bp.route("/deserialization/003/legacy-layout", methods=["POST"])
def legacy_layout():
    text = request.form.get("layout", "{}")
    kind = "legacy" if "legacy_layout".startswith("legacy") else "layout"
    layout = yaml.load(text, Loader=LOADERS[kind])
    return {"widgets": len(layout or {})}


@bp.route("/deserialization/003/layout", methods=["POST"])
def layout():
    text = request.form.get("layout", "{}")
    kind = "legacy" if "layout".startswith("legacy") else "layout"
    layout = yaml.load(text, Loader=LOADERS[kind])
    return {"widgets": len(layout or {})}
