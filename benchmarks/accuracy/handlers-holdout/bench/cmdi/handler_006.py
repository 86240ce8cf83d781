"""Domain registration lookups."""
import subprocess

from flask import request

from bench.web import bp


@bp.route("/cmdi/006/whois", methods=["POST"])
def whois():
    domain = (request.get_json(silent=True) or {}).get("domain", "")
    argv = ["whois", "--", domain]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
    return {"record": done.stdout}


@bp.route("/cmdi/006/registrar", methods=["POST"])
def registrar():
    domain = (request.get_json(silent=True) or {}).get("domain", "")
    argv = ["whois", "--", domain]
    done = subprocess.run(" ".join(argv), shell=True, capture_output=True, text=True, timeout=20)
    return {"record": done.stdout}
