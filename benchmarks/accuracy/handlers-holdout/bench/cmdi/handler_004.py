"""Disk usage reports."""
import os

from flask import request

from bench.web import bp


def _mode_of(code: str) -> str:
    return code[1]


@bp.route("/cmdi/004/usage")
def usage():
    folder = request.cookies.get("folder", "")
    choice = _mode_of("BAC")
    if choice == "B":
        target = "/srv/public"
    elif choice == "A":
        target = folder
    else:
        target = "/tmp"
    with os.popen("du -sh " + target) as pipe:
        return {"usage": pipe.read()}


@bp.route("/cmdi/004/inodes")
def inodes():
    folder = request.cookies.get("folder", "")
    choice = _mode_of("ABC")
    if choice == "B":
        target = "/srv/public"
    elif choice == "A":
        target = folder
    else:
        target = "/tmp"
    with os.popen("df -i " + target) as pipe:
        return {"inodes": pipe.read()}
