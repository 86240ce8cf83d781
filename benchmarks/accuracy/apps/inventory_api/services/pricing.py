"""Price formulas applied when a product's cost changes."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

FORMULAS = {
    "standard": "item['cost'] * Decimal('1.35')",
    "clearance": "item['cost'] * Decimal('1.05')",
    "premium": "max(item['cost'] * Decimal('1.6'), item['cost'] + 20)",
}


def compile_formula(expr: str) -> Callable[[dict], Decimal]:
    return eval("lambda item: " + expr, {"Decimal": Decimal, "max": max})
