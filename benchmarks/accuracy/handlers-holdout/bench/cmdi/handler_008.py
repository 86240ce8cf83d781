"""Backups on demand."""
import re

from bench import helpers
from bench.helpers import RequestReader
from bench.web import bp


@bp.route("/cmdi/008/backup", methods=["POST"])
def backup():
    name = RequestReader().value("name")
    name = name.replace(";", "").replace("&", "").replace("|", "")
    return {"log": helpers.run("tar czf /backups/" + name + ".tgz /srv/data")}


@bp.route("/cmdi/008/snapshot", methods=["POST"])
def snapshot():
    name = RequestReader().value("name")
    name = re.sub(r"[^A-Za-z0-9_.-]", "", name)
    return {"log": helpers.run("tar czf /backups/" + name + ".tgz /srv/snapshots")}
