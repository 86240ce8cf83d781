"""Cache hints for embedded widgets."""
from flask import Response

from bench.web import bp

MODE = "static"


@bp.route("/headeri/004/widget/<hint>")
def widget(hint: str):
    if MODE == "static":
        policy = "public, max-age=3600"
    else:
        policy = hint
    return Response("<div>widget</div>", headers={"Cache-Control": policy})


@bp.route("/headeri/004/tile/<hint>")
def tile(hint: str):
    if MODE != "static":
        policy = "public, max-age=3600"
    else:
        policy = hint
    return Response("<div>tile</div>", headers={"Cache-Control": policy})
