"""Customer endpoints."""
from __future__ import annotations

import html

from flask import Blueprint, abort, current_app, jsonify, render_template_string, request

from ..repositories.customer_repo import CustomerRepository

bp = Blueprint("customers", __name__, url_prefix="/customers")


def _repo() -> CustomerRepository:
    return CustomerRepository(current_app.config["DATABASE_URL"])


@bp.get("/<customer_id>/balance")
def customer_balance(customer_id: str):
    cid = html.escape(customer_id.strip())
    return jsonify(customer=cid, balance_cents=_repo().balance_for(cid))


@bp.get("/<customer_id>/credit")
def customer_credit(customer_id: str):
    try:
        cid = int(customer_id.strip())
    except ValueError:
        abort(404)
    return jsonify(customer=cid, credit_cents=_repo().credit_for(cid))


@bp.get("/<int:customer_id>/badge")
def customer_badge(customer_id: int):
    label = request.args.get("label", "Customer")
    credit = _repo().credit_for(customer_id)
    return render_template_string(
        "<div class='badge'><h2>{{ label|safe }}</h2><p>{{ credit }}</p></div>",
        label=label,
        credit=credit,
    )


@bp.get("/<int:customer_id>/tag")
def customer_tag(customer_id: int):
    label = request.args.get("label", "Customer")
    credit = _repo().credit_for(customer_id)
    return render_template_string(
        "<div class='tag'><h2>{{ label }}</h2><p>{{ credit }}</p></div>",
        label=label,
        credit=credit,
    )


@bp.get("")
def search_customers():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(error="query too short"), 400
    return jsonify(_repo().search(term))
