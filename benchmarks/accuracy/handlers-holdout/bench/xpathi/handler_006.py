"""Positional directory access."""
from flask import Flask

from bench import helpers
from bench.helpers import with_arg


def register(app: Flask) -> None:
    """Attach the positional lookup routes."""

    @app.route("/xpathi/006/nth")
    @with_arg("pos")
    def nth_user(pos: str):
        return {"user": [str(n) for n in helpers.staff_lookup("//user[%d]/@name" % int(pos))]}

    @app.route("/xpathi/006/slot")
    @with_arg("pos")
    def slot_user(pos: str):
        return {"user": [str(n) for n in helpers.staff_lookup("//user[" + pos + "]/@name")]}
