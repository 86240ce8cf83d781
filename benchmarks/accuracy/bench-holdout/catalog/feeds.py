import httpx
from fastapi import APIRouter

from .schemas import FeedImport, SupplierSync

router = APIRouter(prefix="/feeds")
SUPPLIER_FEEDS = {
    "acme": "https://feeds.acme.example/catalog.json",
    "globex": "https://globex.example/export/products.json",
    "initech": "https://partners.initech.example/feed.json",
}


@router.post("/import")
async def import_feed(req: FeedImport):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(str(req.feed_url))
    return {"items": len(resp.json()), "dry_run": req.dry_run}


@router.post("/sync")
async def sync_supplier(req: SupplierSync):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(SUPPLIER_FEEDS[req.supplier])
    return {"items": len(resp.json()), "dry_run": req.dry_run}
