"""Alert rules: boolean expressions over the latest metric values, e.g. ``cpu_load > 4 and mem_free < 512``."""
from __future__ import annotations

import ast
from typing import Iterable, Mapping

MAX_RULE_LENGTH = 400

_ALLOWED_NODES = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Compare,
    ast.Gt,
    ast.GtE,
    ast.Lt,
    ast.LtE,
    ast.Eq,
    ast.NotEq,
    ast.Name,
    ast.Load,
    ast.Constant,
)


def check_rule(rule: str, metrics: Iterable[str]) -> None:
    """Raise ValueError unless ``rule`` only compares known metrics and numbers."""
    if len(rule) > MAX_RULE_LENGTH:
        raise ValueError("rule too long")
    try:
        tree = ast.parse(rule, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"rule does not parse: {exc.msg}") from None
    known = set(metrics)
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"{type(node).__name__} is not allowed in a rule")
        if isinstance(node, ast.Name) and node.id not in known:
            raise ValueError(f"unknown metric {node.id}")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ValueError("only numbers may appear in a rule")


def evaluate(rule: str, values: Mapping[str, float]) -> bool:
    """Whether the rule fires for the given metric values."""
    code = compile(rule, "<alert rule>", "eval")
    return bool(eval(code, {"__builtins__": {}}, dict(values)))
