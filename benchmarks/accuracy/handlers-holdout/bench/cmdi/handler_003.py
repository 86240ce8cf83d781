"""DNS diagnostics."""
import os

from flask import request

from bench.web import bp


@bp.route("/cmdi/003/resolve")
def resolve():
    name = request.values.get("name", "")
    marker = "abc"
    if "z" not in marker:
        target = "localhost"
    else:
        target = name
    status = os.system("host " + target + " > /dev/null")
    return {"resolvable": status == 0}


@bp.route("/cmdi/003/reverse")
def reverse():
    name = request.values.get("name", "")
    marker = "abc"
    if "b" not in marker:
        target = "127.0.0.1"
    else:
        target = name
    status = os.system("host -t PTR " + target + " > /dev/null")
    return {"resolvable": status == 0}
