"""Promotional price rules, evaluated against a base price."""
from __future__ import annotations

from decimal import Decimal

PRESET_RULES = {
    "none": "price",
    "summer": "price * 0.9",
    "clearance": "max(price * 0.5, 1)",
    "bundle": "price - 5 if price > 50 else price",
}
RULE_GLOBALS = {"__builtins__": {}, "max": max, "min": min, "round": round}


def apply_rule(expression: str, base_price: Decimal) -> float:
    return float(eval(expression, RULE_GLOBALS, {"price": float(base_price)}))
