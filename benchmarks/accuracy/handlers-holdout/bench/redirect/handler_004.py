"""Cancel buttons on multi-step forms."""
from flask import redirect, request

from bench.web import bp


def _exits(back: str) -> dict[str, str]:
    return {"home": "/", "back": back, "help": "/help"}


@bp.route("/redirect/004/cancel")
def cancel():
    exits = _exits(request.args.get("back", "/"))
    return redirect(exits.get("back", "/"))


@bp.route("/redirect/004/abandon")
def abandon():
    exits = _exits(request.args.get("back", "/"))
    return redirect(exits.get("home", "/"))
