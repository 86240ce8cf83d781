"""Report column expressions."""
from flask import Flask, abort, request

COLUMNS = ("revenue - cost", "revenue / units", "units * 12")


class ColumnRule:
    """A computed report column."""

    def __init__(self, expression: str) -> None:
        self.expression = expression

    def apply(self, row: dict[str, float]) -> float:
        return eval(self.expression, {}, dict(row))


def register(app: Flask) -> None:
    """Attach the computed column routes."""

    @app.route("/codeinj/005/column")
    def computed_column():
        rule = ColumnRule(request.headers.get("X-Column", "units * 12"))
        return {"value": rule.apply({"revenue": 120.0, "cost": 80.0, "units": 4.0})}

    @app.route("/codeinj/005/preset")
    def preset_column():
        expression = request.headers.get("X-Column", "units * 12")
        if expression not in COLUMNS:
            abort(400)
        rule = ColumnRule(expression)
        return {"value": rule.apply({"revenue": 120.0, "cost": 80.0, "units": 4.0})}
