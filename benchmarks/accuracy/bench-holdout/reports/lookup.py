from flask import jsonify, request

from .app import app
from .catalog import ReportCatalog


@app.route("/catalog/owner")
def reports_by_owner():
    owner = request.args.get("owner", "")
    tree = ReportCatalog().tree
    ids = [el.get("id") for el in tree.xpath(f"//report[@owner='{owner}']")]
    return jsonify(ids)


@app.route("/catalog/team")
def reports_by_team():
    team = request.args.get("team", "")
    tree = ReportCatalog().tree
    ids = [el.get("id") for el in tree.xpath("//report[@team=$team]", team=team)]
    return jsonify(ids)


@app.route("/catalog/title")
def reports_by_title():
    title = request.args.get("title", "")
    expr = "//report[title='{}']".format(title)
    return jsonify(ReportCatalog().find(expr))


@app.route("/catalog/code")
def reports_by_code():
    code = request.args.get("code", "")
    if not code.isalnum():
        return jsonify({"error": "code must be alphanumeric"}), 400
    expr = "//report[code='{}']".format(code)
    return jsonify(ReportCatalog().find(expr))
