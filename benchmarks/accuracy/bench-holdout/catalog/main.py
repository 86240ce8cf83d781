from fastapi import FastAPI

from . import feeds, media, pages, products

app = FastAPI(title="Catalogue")
for module in (products, pages, media, feeds):
    app.include_router(module.router)
