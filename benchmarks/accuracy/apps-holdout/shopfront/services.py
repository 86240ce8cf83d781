"""Business rules shared by several views: pricing formulas, saved carts, reporting."""
from __future__ import annotations

import base64
import hashlib
import hmac
import pickle
from typing import Any, Mapping

from . import db, settings

PRICING_FORMULAS = {
    "gross": "price * 1.2",
    "net": "price - cost",
    "margin": "(price - cost) / price * 100 if price else 0",
    "markup": "(price - cost) / cost * 100 if cost else 0",
}


def evaluate_formula(formula: str, variables: Mapping[str, float]) -> float:
    """Evaluate a pricing formula over the given numeric variables."""
    return float(eval(formula, {"__builtins__": {}}, dict(variables)))


def sign(payload: str) -> str:
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, payload.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def encode_blob(value: Any) -> str:
    payload = base64.urlsafe_b64encode(pickle.dumps(value)).decode("ascii")
    return f"{payload}.{sign(payload)}"


def decode_blob(payload: str) -> Any:
    """Inverse of :func:`encode_blob`, without the signature part."""
    return pickle.loads(base64.urlsafe_b64decode(payload.encode("ascii")))


def sales_totals() -> list[tuple[str, int]]:
    rows = db.query(
        "SELECT region, SUM(total_cents) AS total FROM orders "
        "WHERE placed_at >= date('now', '-30 day') GROUP BY region ORDER BY region"
    )
    return [(row["region"], row["total"]) for row in rows]


def stock_levels() -> list[tuple[str, str, int]]:
    rows = db.query("SELECT warehouse, sku, quantity FROM stock ORDER BY warehouse, sku")
    return [(row["warehouse"], row["sku"], row["quantity"]) for row in rows]


def top_products(limit: int = 10) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT p.name AS name, SUM(l.quantity) AS total FROM order_lines l "
        "JOIN products p ON p.id = l.product_id GROUP BY p.id ORDER BY total DESC LIMIT ?",
        (limit,),
    )
    return [dict(row) for row in rows]
