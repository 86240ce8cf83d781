"""List preferences."""
from flask import request, session

from bench.web import bp


@bp.route("/trustbound/002/page-size")
def page_size():
    size = int(request.args.get("size", "25"))
    session["page_size"] = min(max(size, 10), 100)
    return {"page_size": session["page_size"]}


@bp.route("/trustbound/002/sort")
def sort_order():
    if "order" not in request.args:
        return {"order": session.get("order", "name")}
    order = request.args["order"]
    session["order"] = order
    return {"order": order}
