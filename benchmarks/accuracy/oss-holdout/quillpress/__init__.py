"""Quillpress: a small markdown blog engine."""
from flask import Flask

from . import settings

__version__ = "0.9.3"


def create_app(config_override=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(settings)
    if config_override:
        app.config.update(config_override)

    from . import admin, auth, blog, feeds, media, plugins
    from .models import close_db

    app.register_blueprint(blog.bp)
    app.register_blueprint(auth.bp, url_prefix="/auth")
    app.register_blueprint(admin.bp, url_prefix="/admin")
    app.register_blueprint(media.bp, url_prefix="/media")
    app.register_blueprint(feeds.bp)
    app.register_blueprint(plugins.bp, url_prefix="/x")
    app.teardown_appcontext(close_db)
    plugins.load_enabled(app)
    return app
