"""Billing: the PayLink payment gateway client and promotion rules."""
from __future__ import annotations

import ast
import logging
from typing import Any
from urllib.parse import urlparse

import requests

from . import settings

log = logging.getLogger(__name__)
TIMEOUT = 8


class GatewayError(RuntimeError):
    pass


def fetch_status(status_url: str) -> dict:
    """Follow the status link PayLink hands back after a redirect-based payment."""
    resp = requests.get(status_url, timeout=TIMEOUT)
    if resp.status_code != 200:
        raise GatewayError(f"gateway answered {resp.status_code}")
    return resp.json()


def is_gateway_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and parsed.hostname in settings.PAYMENT_HOSTS


_ALLOWED_NODES = (
    ast.Expression, ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Name, ast.Load,
    ast.Constant, ast.And, ast.Or, ast.Not, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Gt,
    ast.GtE, ast.Lt, ast.LtE, ast.Eq, ast.NotEq, ast.USub,
)


def evaluate(rule: str, basket: dict[str, Any]) -> bool:
    """Evaluate a rule such as ``subtotal > 100 and items >= 3`` against a basket."""
    code = compile(rule, "<promotion>", "eval")
    return bool(eval(code, {"__builtins__": {}}, basket))


def check_rule(rule: str, names: tuple[str, ...]) -> str:
    """Reject anything but comparisons and arithmetic over the given names."""
    tree = ast.parse(rule, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"unsupported syntax: {type(node).__name__}")
        if isinstance(node, ast.Name) and node.id not in names:
            raise ValueError(f"unknown name: {node.id}")
    return rule
