"""Query endpoints over the warehouse tables."""
from __future__ import annotations

import datetime as dt
import logging
import pickle
import random
import secrets

import pandas as pd
from fastapi import APIRouter, HTTPException, Query, Request
from lxml import etree

from dataapi.config import TABLES, settings
from dataapi.lib import cache, warehouse
from dataapi.lib.warehouse import QueryBuilder

router = APIRouter(prefix="/query", tags=["query"])
log = logging.getLogger("dataapi.query")

RESERVED = {"limit", "format"}


@router.get("/tables/{table}/rows")
def table_rows(table: str, request: Request, limit: int = 500):
    if table not in TABLES:
        raise HTTPException(404, "unknown table")
    qb = QueryBuilder(table, TABLES[table])
    for column, value in request.query_params.items():
        if column in RESERVED:
            continue
        qb.where(column, value)
    return warehouse.run(qb.sql(limit), qb.params)


@router.get("/tables/{table}/summary")
def table_summary(table: str, request: Request, limit: int = 500):
    columns = TABLES.get(table)
    if columns is None:
        raise HTTPException(404, "unknown table")
    qb = QueryBuilder(table, columns)
    for column, value in request.query_params.items():
        if column in columns:
            qb.where(column, value)
    return warehouse.run(qb.sql(limit), qb.params)


@router.get("/metrics/{metric}/series")
def metric_series(metric: str, since: str = Query("2026-01-01")):
    start = dt.date.fromisoformat(since)
    sql = f"SELECT ts, value FROM metric_points WHERE metric = '{metric}' AND ts >= '{start.isoformat()}' ORDER BY ts"
    return warehouse.run(sql)


@router.get("/metrics/{metric_id}/latest")
def metric_latest(metric_id: int, points: int = 10):
    sql = f"SELECT ts, value FROM metric_points WHERE metric_id = {metric_id} ORDER BY ts DESC LIMIT {points}"
    return warehouse.run(sql)


@router.get("/fingerprint")
def query_fingerprint(sql: str):
    return {"key": cache.key_for(sql)}


@router.get("/cached/{fingerprint}")
def cached_result(fingerprint: str):
    frame = cache.get("q:" + fingerprint)
    if frame is None:
        raise HTTPException(404, "not cached")
    return frame.to_dict(orient="records")


@router.post("/frames/load")
async def load_frame_upload(request: Request):
    frame = pickle.loads(await request.body())
    if not isinstance(frame, pd.DataFrame):
        raise HTTPException(400, "expected a DataFrame")
    return {"rows": len(frame), "columns": list(frame.columns)}


@router.get("/catalog/by-owner")
def catalog_by_owner(owner: str):
    tree = etree.parse(str(settings.catalog_path))
    nodes = tree.xpath(f"//dataset[@owner='{owner}']")
    return [n.get("name") for n in nodes]


@router.get("/catalog/by-team")
def catalog_by_team(team: str):
    tree = etree.parse(str(settings.catalog_path))
    nodes = tree.xpath("//dataset[@team=$team]", team=team)
    return [n.get("name") for n in nodes]


@router.get("/search/columns")
def search_columns(table: str, pattern: str):
    frame = pd.DataFrame(warehouse.run(f"SELECT * FROM {table if table in TABLES else 'orders'} LIMIT 5000"))
    matches = frame.astype(str).apply(lambda col: col.str.contains(pattern, case=False)).any(axis=1)
    return frame[matches].head(100).to_dict(orient="records")


@router.get("/search/values")
def search_values(table: str, text: str):
    frame = pd.DataFrame(warehouse.run(f"SELECT * FROM {table if table in TABLES else 'orders'} LIMIT 5000"))
    matches = frame.astype(str).apply(lambda col: col.str.contains(text, case=False, regex=False)).any(axis=1)
    return frame[matches].head(100).to_dict(orient="records")


@router.post("/audit")
def audit_query(request: Request, q: str):
    log.info("ad-hoc query from %s: %s", request.client.host if request.client else "-", q)
    return {"accepted": True}


@router.post("/audit/replay")
def audit_replay(request: Request, q: str):
    log.info("replayed query from %s: %r", request.client.host if request.client else "-", q)
    return {"accepted": True}


@router.post("/share")
def share_result(fingerprint: str):
    token = "%016x" % random.getrandbits(64)
    warehouse.run("INSERT INTO shared_results (token, fingerprint) VALUES (:t, :f)", {"t": token, "f": fingerprint})
    return {"url": f"https://data.corp.example/shared/{token}"}


@router.get("/preview-sample")
def preview_sample(table: str, n: int = 20):
    rows = warehouse.run(f"SELECT * FROM {table if table in TABLES else 'orders'} LIMIT 2000")
    rng = random.Random(secrets.randbits(32))
    return rng.sample(rows, min(n, len(rows)))
