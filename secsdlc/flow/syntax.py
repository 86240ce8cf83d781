"""Small readings of syntax trees shared by the interpreter's parts."""

from __future__ import annotations

import ast


def short(node: ast.AST, limit: int = 60) -> str:
    try:
        text = ast.unparse(node)
    except (ValueError, RecursionError):
        return type(node).__name__
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def last_name(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


def is_staticmethod(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)


def is_classmethod(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "classmethod" for d in node.decorator_list)


def digest_kind(node: ast.expr) -> str | None:
    """`hmac.new(key, data, ...).hexdigest()` is a "keyed" digest of the data (only the key's
    holder can make it), `hashlib.sha256(data)` a "plain" one (anyone can); None otherwise."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in ("hmac", "hashlib"):
                return "keyed" if node.value.id == "hmac" else "plain"
            node = node.value
        else:
            return None
