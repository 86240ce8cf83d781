"""Helpdesk: a Flask ticketing tool used for secure code review practice."""

from __future__ import annotations

import logging

from flask import Flask

from .config import Config


def create_app(config: type[Config] = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    logging.basicConfig(level=app.config["LOG_LEVEL"])

    from . import accounts, hooks, tickets
    from .dao import db

    db.init_app(app)
    app.register_blueprint(tickets.bp)
    app.register_blueprint(accounts.bp)
    hooks.init_app(app)
    return app
