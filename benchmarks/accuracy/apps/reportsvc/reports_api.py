"""Sales reports, and the live numbers scraped from each warehouse node."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from . import db, delivery, formulas, settings

log = logging.getLogger(__name__)
router = APIRouter(prefix="/reports", tags=["reports"])
nodes_router = APIRouter(prefix="/nodes", tags=["nodes"])


class FormulaIn(BaseModel):
    expr: str
    region: str = "emea"


class DeliveryIn(BaseModel):
    callback_url: str
    note: str = ""


@router.get("/sales")
def sales_by_region(region: str = "emea", session: Session = Depends(db.get_session)):
    stmt = text(f"SELECT month, sum(revenue) AS revenue FROM sales WHERE region = '{region}' GROUP BY month")
    return db.rows(session, stmt)


@router.get("/sales/by-channel")
def sales_by_channel(channel: str = "web", session: Session = Depends(db.get_session)):
    stmt = text("SELECT month, sum(revenue) AS revenue FROM sales WHERE channel = :channel GROUP BY month")
    return db.rows(session, stmt, {"channel": channel})


@router.get("/top")
def top_products(metric: str = "", limit: int = 10, session: Session = Depends(db.get_session)):
    column = "revenue" if metric == "" else metric
    stmt = text(f"SELECT sku, sum({column}) AS total FROM sales GROUP BY sku ORDER BY total DESC LIMIT {limit}")
    return db.rows(session, stmt)


@router.get("/bottom")
def bottom_products(metric: str = "", limit: int = 10, session: Session = Depends(db.get_session)):
    column = metric if metric in settings.METRICS else "revenue"
    stmt = text(f"SELECT sku, sum({column}) AS total FROM sales GROUP BY sku ORDER BY total ASC LIMIT {limit}")
    return db.rows(session, stmt)


@router.post("/formula")
def formula_preview(body: FormulaIn, session: Session = Depends(db.get_session)):
    data = db.rows(session, text("SELECT * FROM sales_summary WHERE region = :r"), {"r": body.region})
    return [formulas.evaluate(body.expr, row) for row in data]


@router.post("/formula/checked")
def formula_checked(body: FormulaIn, session: Session = Depends(db.get_session)):
    try:
        expr = formulas.checked(body.expr)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    data = db.rows(session, text("SELECT * FROM sales_summary WHERE region = :r"), {"r": body.region})
    return [formulas.evaluate(expr, row) for row in data]


@router.get("/widgets/{transform}")
def widget(transform: str, session: Session = Depends(db.get_session)):
    values = [r["revenue"] for r in db.rows(session, text("SELECT revenue FROM sales_daily LIMIT 90"))]
    return {"value": formulas.apply_transform(transform, values)}


@router.get("/widgets/{transform}/cached")
def widget_cached(transform: str, session: Session = Depends(db.get_session)):
    if transform not in settings.TRANSFORMS:
        raise HTTPException(status_code=404)
    values = [r["revenue"] for r in db.rows(session, text("SELECT revenue FROM sales_daily LIMIT 90"))]
    return {"value": formulas.apply_transform(transform, values)}


@router.post("/{report_id}/deliver")
async def deliver(report_id: int, body: DeliveryIn):
    status = await delivery.post_report(body.callback_url, {"report": report_id, "note": body.note})
    return {"status": status}


@router.post("/{report_id}/deliver/internal")
async def deliver_internal(report_id: int, body: DeliveryIn):
    url = body.callback_url
    if (urlsplit(url).hostname or "") not in settings.CALLBACK_HOSTS or not url.startswith("https://"):
        raise HTTPException(status_code=400, detail="callback host not allowed")
    status = await delivery.post_report(url, {"report": report_id, "note": body.note})
    return {"status": status}


@router.get("/search")
def search_titles(pattern: str = "", session: Session = Depends(db.get_session)):
    titles = [r["title"] for r in db.rows(session, text("SELECT title FROM reports ORDER BY created_at DESC"))]
    return [t for t in titles if re.search(pattern, t)]


@router.get("/search/words")
def search_words(
    pattern: str = Query("", max_length=40, pattern=r"^[\w ]*$"),
    session: Session = Depends(db.get_session),
):
    titles = [r["title"] for r in db.rows(session, text("SELECT title FROM reports ORDER BY created_at DESC"))]
    return [t for t in titles if re.search(pattern, t)]


@nodes_router.get("/metrics")
async def node_metrics(request: Request):
    node = request.query_params.get("node", "node-1.metrics.internal")
    return {"raw": await delivery.scrape(f"http://{node}:8125/metrics")}


@nodes_router.get("/{node_id}/metrics")
async def node_metrics_by_id(node_id: int):
    return {"raw": await delivery.scrape(f"http://node-{node_id}.metrics.internal:8125/metrics")}
