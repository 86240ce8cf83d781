"""Campaign links."""
from urllib.parse import urlencode

from flask import Flask, redirect

from bench.helpers import with_arg


def register(app: Flask) -> None:
    """Attach the campaign redirect routes."""

    @app.route("/redirect/006/campaign")
    @with_arg("dest")
    def campaign(dest: str):
        return redirect("/welcome?" + urlencode({"ref": dest}))

    @app.route("/redirect/006/promo")
    @with_arg("dest")
    def promo(dest: str):
        return redirect(dest.strip() or "/welcome")
