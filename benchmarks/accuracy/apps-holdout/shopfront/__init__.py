"""Shopfront: the customer-facing web shop (catalogue, cart, account, reports)."""
from __future__ import annotations

import logging

from flask import Flask

from . import account, cart, catalog, db, media, reports, settings


def create_app() -> Flask:
    """Build the Flask application with every blueprint registered."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.SECRET_KEY,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=4 * 1024 * 1024,
    )
    logging.basicConfig(level=settings.LOG_LEVEL)

    app.register_blueprint(catalog.bp)
    app.register_blueprint(account.bp)
    app.register_blueprint(cart.bp)
    app.register_blueprint(media.bp)
    reports.init_app(app)

    app.teardown_appcontext(db.close_db)
    return app
