"""ASGI entry point of the data team API."""
from fastapi import FastAPI

from dataapi.routes import datasets, notebook, queries

app = FastAPI(title="data-api", version="2.3.0")
app.include_router(queries.router)
app.include_router(datasets.router)
app.include_router(notebook.router)


@app.get("/healthz")
def healthz():
    return {"ok": True}
