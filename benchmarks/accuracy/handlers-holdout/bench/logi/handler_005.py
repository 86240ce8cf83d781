"""Order workflow events."""
import logging

from flask import Flask

from bench.helpers import RequestReader


class AuditTrail:
    """Writes workflow events for one order."""

    def __init__(self, order: str) -> None:
        self.order = order
        self.logger = logging.getLogger("bench.orders")

    def record(self, event: str) -> None:
        self.logger.info(f"order {self.order}: {event}")


def register(app: Flask) -> None:
    """Attach the workflow routes."""

    @app.route("/logi/005/ship", methods=["POST"])
    def ship():
        AuditTrail(RequestReader().value("order")).record("shipped")
        return {"ok": True}

    @app.route("/logi/005/cancel", methods=["POST"])
    def cancel():
        AuditTrail(str(int(RequestReader().value("order")))).record("cancelled")
        return {"ok": True}
