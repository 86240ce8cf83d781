"""Alert rules: small boolean expressions over the latest metrics."""
import logging
import re

log = logging.getLogger("statuswatch.alerts")

CONDITION_RE = re.compile(r"([a-z_][a-z0-9_]*)\s*(>=|<=|==|>|<)\s*(\d+(?:\.\d+)?)")


def current_metrics() -> dict:
    return {"cpu": 12.5, "load": 0.4, "disk_used_pct": 61.0, "mem_used_pct": 48.2, "errors_5m": 0}


def evaluate(expression: str, metrics: dict) -> bool:
    return bool(eval(expression, {"__builtins__": {}}, dict(metrics)))


def evaluate_condition(condition: str, metrics: dict) -> bool:
    match = CONDITION_RE.fullmatch(condition.strip())
    if match is None:
        raise ValueError("conditions look like 'cpu > 90'")
    name, op, threshold = match.groups()
    if name not in metrics:
        raise ValueError(f"unknown metric {name}")
    expression = "%r %s %r" % (float(metrics[name]), op, float(threshold))
    return bool(eval(expression, {"__builtins__": {}}, {}))
