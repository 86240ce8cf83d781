"""aiohttp application factory."""
from __future__ import annotations

import logging

from aiohttp import web

from .handlers import library, processing


def create_app() -> web.Application:
    app = web.Application(client_max_size=512 * 1024 * 1024)
    app.add_routes(library.routes)
    app.add_routes(processing.routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), port=8090)
