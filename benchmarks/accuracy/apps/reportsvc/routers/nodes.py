"""Live numbers scraped from the metrics agents on each warehouse node."""
from __future__ import annotations

from fastapi import APIRouter, Request

from .. import delivery

router = APIRouter(prefix="/nodes", tags=["nodes"])


@router.get("/metrics")
async def node_metrics(request: Request):
    node = request.query_params.get("node", "node-1.metrics.internal")
    return {"raw": await delivery.scrape(f"http://{node}:8125/metrics")}


@router.get("/{node_id}/metrics")
async def node_metrics_by_id(node_id: int):
    return {"raw": await delivery.scrape(f"http://node-{node_id}.metrics.internal:8125/metrics")}
