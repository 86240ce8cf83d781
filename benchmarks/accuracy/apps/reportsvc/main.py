"""ASGI entry point."""
from fastapi import FastAPI

from . import catalog_api, files_api, legacy, reports_api

app = FastAPI(title="reportsvc", version="3.2.0")
app.include_router(reports_api.router)
app.include_router(reports_api.nodes_router)
app.include_router(files_api.router)
app.include_router(catalog_api.router)
app.router.routes.extend(legacy.routes)
