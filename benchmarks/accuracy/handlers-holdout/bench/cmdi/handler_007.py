"""Package version reports."""
import re

from flask import abort

from bench import helpers
from bench.helpers import with_arg
from bench.web import bp

PACKAGE = re.compile(r"[a-z0-9][a-z0-9.+-]*")


@bp.route("/cmdi/007/version")
@with_arg("package")
def package_version(package: str):
    if not PACKAGE.fullmatch(package):
        abort(400)
    return {"version": helpers.run("dpkg-query -W -f='${Version}' " + package)}


@bp.route("/cmdi/007/status")
@with_arg("package")
def package_status(package: str):
    if not PACKAGE.match(package):
        abort(400)
    return {"status": helpers.run("dpkg-query -W -f='${Status}' " + package)}
