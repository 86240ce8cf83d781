"""Shopfront: the storefront web application (catalogue, cart, checkout)."""
from __future__ import annotations

import logging

from flask import Flask

from . import account, admin, cart, catalog, checkout, settings

log = logging.getLogger(__name__)


def create_app(config: dict | None = None) -> Flask:
    """Application factory used by the WSGI entry point and the test client."""
    app = Flask(__name__)
    app.config.from_object(settings)
    if config:
        app.config.update(config)
    app.register_blueprint(catalog.bp)
    app.register_blueprint(account.bp, url_prefix="/account")
    app.register_blueprint(cart.bp, url_prefix="/cart")
    app.register_blueprint(checkout.bp, url_prefix="/checkout")
    admin.init_app(app)
    log.info("shopfront started with %d blueprints", len(app.blueprints))
    return app
