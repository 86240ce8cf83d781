import configparser

from flask import Blueprint, abort, jsonify, request

from .mirrors import GitMirror

bp = Blueprint("mirrors", __name__)
MIRRORS_INI = "/etc/ops/mirrors.ini"


@bp.route("/ops/mirrors/check", methods=["POST"])
def check_new_mirror():
    cfg = configparser.ConfigParser()
    cfg.read(MIRRORS_INI)
    if not cfg.has_section("candidate"):
        cfg.add_section("candidate")
    cfg.set("candidate", "url", request.get_json(force=True).get("url", ""))
    mirror = GitMirror(cfg.get("candidate", "url"))
    return jsonify({"heads": mirror.heads()})


@bp.route("/ops/mirrors/<name>")
def mirror_heads(name):
    cfg = configparser.ConfigParser()
    cfg.read(MIRRORS_INI)
    if name not in cfg.sections():
        abort(404)
    mirror = GitMirror(cfg.get(name, "url"))
    return jsonify({"heads": mirror.heads()})
