"""Derived columns computed from report rows."""
from __future__ import annotations

import re
from typing import Any

from . import settings

_TOKEN = re.compile(r"[a-z_]+(\s*[-+*/]\s*[a-z_]+)*")


def evaluate(expr: str, row: dict[str, Any]) -> Any:
    return eval(expr, {"__builtins__": {}}, dict(row))


def checked(expr: str) -> str:
    expr = expr.strip()
    if not _TOKEN.fullmatch(expr):
        raise ValueError("formulas combine column names with + - * /")
    for name in re.findall(r"[a-z_]+", expr):
        if name not in settings.FORMULA_COLUMNS:
            raise ValueError(f"unknown column {name}")
    return expr


def apply_transform(name: str, values: list[float]) -> Any:
    namespace: dict[str, Any] = {"values": values}
    exec(compile(f"result = {name}(values)", "<transform>", "exec"), {}, namespace)
    return namespace["result"]
