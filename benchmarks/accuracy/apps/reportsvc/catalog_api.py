"""Catalogue look-ups used by the report builder's autocomplete."""
from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException

from . import db

router = APIRouter(prefix="/catalog", tags=["catalog"])


@router.get("/products")
def products_named(name: str):
    return db.catalog_select(f"//product[name='{name}']")


@router.get("/products/exact")
def products_exact(name: str):
    return db.catalog_select("//product[name=$name]", name=name)


@router.get("/categories/{slug}")
def category_products(slug: str):
    if not re.match(r"[\w-]+", slug):
        raise HTTPException(status_code=400)
    return db.catalog_select(f"//category[@slug='{slug}']/product")


@router.get("/brands/{slug}")
def brand_products(slug: str):
    if not re.fullmatch(r"[\w-]+", slug):
        raise HTTPException(status_code=400)
    return db.catalog_select(f"//brand[@slug='{slug}']/product")
