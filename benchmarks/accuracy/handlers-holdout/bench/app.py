"""Application factory: imports every handler module and wires its routes."""
import importlib
import os
import pkgutil

from flask import Flask

from bench.web import bp

PACKAGES = (
    "sqli", "cmdi", "codeinj", "xss", "pathtraver", "ssrf", "xxe", "deserialization",
    "redirect", "headeri", "ldapi", "xpathi", "logi", "trustbound",
)


def create_app() -> Flask:
    """Build the application with every handler module's routes registered."""
    app = Flask(__name__)
    app.secret_key = os.environ["BENCH_SECRET_KEY"]
    for package in PACKAGES:
        pkg = importlib.import_module(f"bench.{package}")
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"bench.{package}.{info.name}")
            register = getattr(module, "register", None)
            if callable(register):
                register(app)
    app.register_blueprint(bp)
    return app


app = create_app() if os.environ.get("BENCH_SECRET_KEY") else None
