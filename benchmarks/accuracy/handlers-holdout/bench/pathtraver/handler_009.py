"""Shared report folders."""
import os

from flask import Flask, abort

from bench.helpers import with_arg

REPORTS = "/srv/bench/reports"


def register(app: Flask) -> None:
    """Attach the report download routes."""

    @app.route("/pathtraver/009/report")
    @with_arg("file")
    def report(file: str):
        path = os.path.normpath(os.path.join(REPORTS, file))
        with open(path, "rb") as fh:
            return fh.read()

    @app.route("/pathtraver/009/summary")
    @with_arg("file")
    def summary(file: str):
        path = os.path.normpath(os.path.join(REPORTS, file))
        if not path.startswith(REPORTS + os.sep):
            abort(403)
        with open(path, "rb") as fh:
            return fh.read()
