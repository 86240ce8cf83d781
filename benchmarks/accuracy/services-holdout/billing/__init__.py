"""Billing API: invoices, customers, exports and account endpoints for the finance team."""
from __future__ import annotations

import logging

from flask import Flask

from .config import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """Application factory used by the WSGI entry point and by the test client."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(settings.as_flask_config())
    app.secret_key = settings.secret_key
    logging.basicConfig(level=settings.log_level)

    from .api import register_blueprints

    register_blueprints(app)
    return app
