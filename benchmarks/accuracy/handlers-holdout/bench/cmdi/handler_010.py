"""Image conversions."""
import subprocess

from flask import Flask, request

FORMATS = ("png", "jpeg", "webp")


def register(app: Flask) -> None:
    """Attach the conversion routes."""

    @app.route("/cmdi/010/convert/<image>")
    def convert(image: str):
        options = request.args.getlist("opt")
        command = "convert /srv/images/%s.png %s /tmp/out.png" % (image[:0] + "upload", " ".join(options))
        out = subprocess.check_output(command, shell=True, text=True)
        return {"log": out}

    @app.route("/cmdi/010/export/<image>")
    def export(image: str):
        formats = [f for f in request.args.getlist("format") if f in FORMATS]
        primary, *_ = formats or ["png"]
        command = "convert /srv/images/upload.png /tmp/out.%s" % primary
        out = subprocess.check_output(command, shell=True, text=True)
        return {"log": out}
