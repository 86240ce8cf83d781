"""Notebook-like helpers: evaluate small expressions against a cached frame."""
from __future__ import annotations

import ast
import logging
import math
from typing import Any

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from dataapi.lib import warehouse

router = APIRouter(prefix="/notebook", tags=["notebook"])
log = logging.getLogger("dataapi.notebook")

AGGREGATES = ("sum", "mean", "median", "min", "max", "count")
FORMULA_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load, ast.Constant,
                 ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub)
SNIPPETS = {
    "daily": "result = frame.groupby(frame['created_at'].dt.date).size().to_dict()",
    "by_country": "result = frame['country'].value_counts().to_dict()",
    "null_share": "result = frame.isna().mean().round(3).to_dict()",
}


class Expression(BaseModel):
    dataset: str
    expr: str


class Aggregate(BaseModel):
    dataset: str
    column: str
    agg: str


class Cell(BaseModel):
    dataset: str
    code: str = ""
    snippet: str = ""


class Caller(BaseModel):
    user: str
    roles: list[str] = []


def current_caller() -> Caller:
    return Caller(user="anonymous")


def load_frame(dataset: str) -> pd.DataFrame:
    return pd.DataFrame(warehouse.run("SELECT * FROM dataset_samples WHERE dataset = :d", {"d": dataset}))


def _check_formula(expr: str) -> ast.Expression:
    tree = ast.parse(expr, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, FORMULA_NODES):
            raise HTTPException(400, f"unsupported syntax: {type(node).__name__}")
    return tree


@router.post("/evaluate")
def evaluate(body: Expression) -> dict[str, Any]:
    frame = load_frame(body.dataset)
    value = eval(body.expr, {"__builtins__": {}}, {"df": frame, "math": math})
    return {"value": str(value)}


@router.post("/literal")
def literal(body: Expression) -> dict[str, Any]:
    value = ast.literal_eval(body.expr)
    return {"value": value, "type": type(value).__name__}


@router.post("/formula")
def formula(body: Expression) -> dict[str, Any]:
    frame = load_frame(body.dataset)
    code = compile(body.expr, "<formula>", "eval")
    result = eval(code, {"__builtins__": {}}, dict(frame.items()))
    return {"values": list(result)[:100]}


@router.post("/formula/checked")
def formula_checked(body: Expression) -> dict[str, Any]:
    frame = load_frame(body.dataset)
    code = compile(_check_formula(body.expr), "<formula>", "eval")
    result = eval(code, {"__builtins__": {}}, dict(frame.items()))
    return {"values": list(result)[:100]}


@router.post("/cells/run")
def run_cell(body: Cell, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    if "analyst" not in caller.roles:
        log.warning("cell run by %s without analyst role", caller.user)
    namespace: dict[str, Any] = {"frame": load_frame(body.dataset), "pd": pd}
    exec(body.code, namespace)
    return {"result": namespace.get("result")}


@router.post("/cells/snippet")
def run_snippet(body: Cell) -> dict[str, Any]:
    if body.snippet not in SNIPPETS:
        raise HTTPException(404, "unknown snippet")
    namespace: dict[str, Any] = {"frame": load_frame(body.dataset), "pd": pd}
    exec(SNIPPETS[body.snippet], namespace)
    return {"result": namespace.get("result")}


@router.post("/aggregate")
def aggregate(body: Aggregate) -> dict[str, Any]:
    if body.agg not in AGGREGATES:
        raise HTTPException(400, "unknown aggregate")
    df = load_frame(body.dataset)
    value = eval("df['%s'].%s()" % (body.column, body.agg), {"df": df})
    return {"value": float(value)}


@router.post("/aggregate/checked")
def aggregate_checked(body: Aggregate) -> dict[str, Any]:
    df = load_frame(body.dataset)
    if body.agg not in AGGREGATES or body.column not in df.columns:
        raise HTTPException(400, "unknown aggregate or column")
    value = eval("df[%r].%s()" % (body.column, body.agg), {"df": df})
    return {"value": float(value)}
