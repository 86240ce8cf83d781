"""ASGI entry point."""
from fastapi import FastAPI

from . import legacy
from .routers import catalog, files, nodes, reports

app = FastAPI(title="reportsvc", version="3.2.0")
app.include_router(reports.router)
app.include_router(nodes.router)
app.include_router(files.router)
app.include_router(catalog.router)
app.router.routes.extend(legacy.routes)
