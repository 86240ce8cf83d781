"""Image uploads, thumbnails and originals."""
import os

from flask import Blueprint, abort, current_app, jsonify, request, send_file, send_from_directory
from PIL import Image
from werkzeug.utils import secure_filename

from .admin import login_required
from .utils import allowed_image

bp = Blueprint("media", __name__)

THUMB_SIZE = (320, 320)


def _make_thumbnail(src_path, name):
    thumb_dir = current_app.config["THUMB_DIR"]
    os.makedirs(thumb_dir, exist_ok=True)
    with Image.open(src_path) as im:
        im.thumbnail(THUMB_SIZE)
        im.save(os.path.join(thumb_dir, os.path.basename(src_path)))


@bp.route("/thumb/<path:name>")
def thumbnail(name):
    path = os.path.join(current_app.config["THUMB_DIR"], name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, max_age=86400)


@bp.route("/original/<path:name>")
def original(name):
    return send_from_directory(current_app.config["UPLOAD_DIR"], name, max_age=86400)


@bp.route("/upload", methods=["POST"])
@login_required
def upload_image():
    f = request.files.get("image")
    if f is None or not allowed_image(f.filename, current_app.config["ALLOWED_IMAGE_EXT"]):
        abort(400)
    filename = f.filename.replace("../", "").lstrip("/")
    dest = os.path.join(current_app.config["UPLOAD_DIR"], filename)
    f.save(dest)
    _make_thumbnail(dest, filename)
    return jsonify(url="/media/original/" + filename)


@bp.route("/avatar", methods=["POST"])
@login_required
def upload_avatar():
    f = request.files.get("avatar")
    if f is None or not allowed_image(f.filename, current_app.config["ALLOWED_IMAGE_EXT"]):
        abort(400)
    filename = secure_filename(f.filename)
    dest = os.path.join(current_app.config["AVATAR_DIR"], filename)
    f.save(dest)
    return jsonify(url="/media/original/avatars/" + filename)
