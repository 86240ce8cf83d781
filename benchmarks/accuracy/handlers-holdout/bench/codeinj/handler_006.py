"""Named totals."""
from bench.web import bp

TOTALS = {"total": 1250.0, "tax": 250.0}


@bp.route("/codeinj/006/totals/<name>")
def named_total(name: str):
    expression = ("total" + name)[:5]
    code = compile(expression, "<total>", "eval")
    return {"value": eval(code, {}, dict(TOTALS))}


@bp.route("/codeinj/006/taxes/<name>")
def named_tax(name: str):
    expression = ("tax" + name)[3:]
    code = compile(expression, "<tax>", "eval")
    return {"value": eval(code, {}, dict(TOTALS))}
