"""Tag clouds posted by the editor."""
from flask import Flask, request
from markupsafe import escape


def register(app: Flask) -> None:
    """Attach the tag preview routes."""

    @app.route("/xss/010/preview", methods=["POST"])
    def tag_preview():
        tags = (request.get_json(silent=True) or {}).get("tags", [])
        items = "".join("<li>{}</li>".format(escape(t)) for t in tags)
        return "<ul class='tags'>" + items + "</ul>"

    @app.route("/xss/010/cloud", methods=["POST"])
    def tag_cloud():
        tags = (request.get_json(silent=True) or {}).get("tags", [])
        items = "".join("<li>{}</li>".format(t) for t in tags)
        return "<ul class='cloud'>" + items + "</ul>"
