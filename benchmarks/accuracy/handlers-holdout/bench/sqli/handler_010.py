"""Saved report definitions."""
import configparser

from flask import jsonify

from bench import helpers
from bench.web import bp


def _definition(owner: str) -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.add_section("report")
    cfg.set("report", "owner", owner)
    cfg.set("report", "region", "emea")
    return cfg


@bp.route("/sqli/010/reports/<owner>")
def reports_for_owner(owner: str):
    cfg = _definition(owner)
    sql = "SELECT id, title FROM reports WHERE owner = '%s'" % cfg.get("report", "owner")
    return jsonify(helpers.query(sql))


@bp.route("/sqli/010/regions/<owner>")
def region_reports(owner: str):
    cfg = _definition(owner)
    sql = "SELECT id, title FROM reports WHERE region = '%s'" % cfg.get("report", "region")
    return jsonify(helpers.query(sql))
