import hashlib
from urllib.request import urlopen

from flask import Response, request

from .app import app


@app.route("/avatars/import", methods=["POST"])
def import_avatar():
    with urlopen(request.form["avatar_url"], timeout=5) as resp:
        data = resp.read(2_000_000)
    return Response(data, mimetype="image/png")


@app.route("/avatars/gravatar", methods=["POST"])
def import_gravatar():
    digest = hashlib.md5(request.form["email"].strip().lower().encode()).hexdigest()
    with urlopen("https://www.gravatar.com/avatar/" + digest + "?s=128", timeout=5) as resp:
        data = resp.read(2_000_000)
    return Response(data, mimetype="image/png")
