"""Phone extension lookups."""
from flask import request
from lxml import etree

from bench import helpers
from bench.web import bp


@bp.route("/xpathi/001/extension")
def extension():
    name = request.args.get("name", "")
    doc = etree.fromstring(helpers.STAFF_XML)
    phones = doc.xpath("//user[@name=$who]/phone/text()", who=name)
    return {"phones": [str(p) for p in phones]}


@bp.route("/xpathi/001/role")
def role():
    name = request.args.get("name", "")
    doc = etree.fromstring(helpers.STAFF_XML)
    roles = doc.xpath(f"//user[@name='{name}']/@role")
    return {"roles": [str(r) for r in roles]}
