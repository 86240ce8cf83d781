"""Product listing and search API."""
from __future__ import annotations

import random
import re

from fastapi import APIRouter, Depends, HTTPException, Query

from ..deps import get_repo
from ..models import BrowseQuery, Product, ProductQuery
from ..repository import ProductRepository
from ..services.security import compile_filter

router = APIRouter(prefix="/products", tags=["products"])


@router.get("/brand/{brand_id}", response_model=list[Product])
def products_by_brand(brand_id, repo: ProductRepository = Depends(get_repo)):
    return repo.by_column("brand_id", brand_id)


@router.get("/category/{category_id}", response_model=list[Product])
def products_by_category(category_id: int, repo: ProductRepository = Depends(get_repo)):
    return repo.by_column("category_id", category_id)


@router.post("/query", response_model=list[Product])
def query_products(body: ProductQuery, repo: ProductRepository = Depends(get_repo)):
    return repo.ordered(body.term, body.sort)


@router.post("/browse", response_model=list[Product])
def browse_products(body: BrowseQuery, repo: ProductRepository = Depends(get_repo)):
    return repo.ordered(body.term, body.sort)


@router.get("/skus/matching")
def skus_matching(pattern: str, repo: ProductRepository = Depends(get_repo)) -> list[str]:
    rx = compile_filter(pattern)
    return [sku for sku in repo.all_skus() if rx.search(sku)]


@router.get("/skus/containing")
def skus_containing(text: str, repo: ProductRepository = Depends(get_repo)) -> list[str]:
    rx = compile_filter(re.escape(text))
    return [sku for sku in repo.all_skus() if rx.search(sku)]


@router.get("/featured", response_model=list[Product])
def featured_products(repo: ProductRepository = Depends(get_repo)):
    items = repo.featured()
    random.shuffle(items)
    return items[:12]


@router.get("/{product_id}", response_model=Product)
def get_product(product_id: int, repo: ProductRepository = Depends(get_repo)):
    product = repo.get(product_id)
    if product is None:
        raise HTTPException(status_code=404, detail="product not found")
    return product


@router.get("/{product_id}/prices")
def price_history(
    product_id: int,
    days: int = Query(30, ge=1, le=365),
    repo: ProductRepository = Depends(get_repo),
) -> dict[str, object]:
    points = repo.price_history(product_id, days)
    return {"product": product_id, "points": [{"date": d, "price": p} for d, p in points]}
