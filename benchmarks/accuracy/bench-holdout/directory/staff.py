from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("staff", __name__)
STAFF_XML = "/srv/directory/staff.xml"


@bp.route("/staff/<emp_id>/manager")
def manager_of(emp_id):
    find = etree.XPath("//employee[@id=" + emp_id + "]/manager/text()")
    return jsonify([str(x) for x in find(etree.parse(STAFF_XML))])


@bp.route("/staff/<int:emp_id>/desk")
def desk_of(emp_id):
    find = etree.XPath(f"//employee[@id={emp_id}]/desk/text()")
    return jsonify([str(x) for x in find(etree.parse(STAFF_XML))])


@bp.route("/staff/team")
def team_members():
    kind, term = "team", request.args.get("term", "")
    term = term.replace('"', "")
    expr = f"//employee[{kind}='{term}']/name/text()"
    return jsonify([str(x) for x in etree.parse(STAFF_XML).xpath(expr)])


@bp.route("/staff/floor")
def floor_members():
    kind, term = "floor", request.args.get("term", "")
    term = term.replace("'", "")
    expr = f"//employee[{kind}='{term}']/name/text()"
    return jsonify([str(x) for x in etree.parse(STAFF_XML).xpath(expr)])
