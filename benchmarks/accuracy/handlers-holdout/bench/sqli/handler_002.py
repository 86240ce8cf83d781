"""Ticket queue listings."""
from flask import jsonify, request

from bench import helpers
from bench.web import bp


@bp.route("/sqli/002/queue", methods=["POST"])
def ticket_queue():
    status = request.form.get("status", "")
    states = []
    states.append("archived")
    states.append(status)
    states.append("open")
    states.pop(0)
    chosen = states[0]
    rows = helpers.query("SELECT id, subject FROM tickets WHERE state = '" + chosen + "'")
    return jsonify(rows)


@bp.route("/sqli/002/backlog", methods=["POST"])
def ticket_backlog():
    status = request.form.get("status", "")
    states = []
    states.append("archived")
    states.append(status)
    states.append("open")
    states.pop(1)
    chosen = states[1]
    rows = helpers.query("SELECT id, subject FROM tickets WHERE state = '" + chosen + "'")
    return jsonify(rows)
