"""ASGI entry point: ``uvicorn catalog.main:app``."""
from __future__ import annotations

import logging

from fastapi import FastAPI

from .routers import admin, auth, media, pages, products
from .settings import get_settings

logging.basicConfig(level=get_settings().log_level)

app = FastAPI(title="catalog", version="4.1.0")
for router in (products.router, pages.router, media.router, auth.router, admin.router):
    app.include_router(router)


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
