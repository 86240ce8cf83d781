"""wikiengine: the team wiki (Flask, pages stored as Markdown files)."""
from __future__ import annotations

from flask import Flask

from . import api, pages, settings


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(settings)
    pages.init_app(app)
    api.init_app(app)
    return app
