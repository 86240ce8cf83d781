from flask import Blueprint, abort, jsonify, request

bp = Blueprint("filters", __name__)
FIELDS = ("cpu", "memory", "disk")
HOSTS = [{"name": "web-1", "cpu": 40, "memory": 71, "disk": 55}]


@bp.route("/ops/hosts/where")
def hosts_where():
    predicate = eval("lambda h: " + request.args.get("filter", "True"))
    return jsonify([h["name"] for h in HOSTS if predicate(h)])


@bp.route("/ops/hosts/over")
def hosts_over():
    field = request.args.get("field", "cpu")
    if field not in FIELDS:
        abort(400)
    threshold = int(request.args.get("threshold", "80"))
    predicate = eval("lambda h: h['%s'] > %d" % (field, threshold))
    return jsonify([h["name"] for h in HOSTS if predicate(h)])


@bp.route("/ops/uptime/custom")
def uptime_custom():
    options = {"label": "Uptime (h)"}
    options.setdefault("expr", request.args.get("expr", "uptime_minutes / 60"))
    value = eval(options["expr"], {"__builtins__": {}}, {"uptime_minutes": 5400})
    return jsonify({options["label"]: value})


@bp.route("/ops/uptime")
def uptime_hours():
    options = {"label": "Uptime (h)", "expr": "uptime_minutes / 60"}
    options.setdefault("expr", request.args.get("expr", "uptime_minutes / 60"))
    value = eval(options["expr"], {"__builtins__": {}}, {"uptime_minutes": 5400})
    return jsonify({options["label"]: value})
