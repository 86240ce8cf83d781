from fastapi import APIRouter, HTTPException

from .db import query
from .schemas import ProductFilter

router = APIRouter(prefix="/products")


@router.post("/filter")
def filter_products(flt: ProductFilter):
    sql = f"SELECT id, name, price FROM products WHERE category = '{flt.category}' ORDER BY {flt.sort}"
    return query(sql)


@router.post("/browse")
def browse_products(flt: ProductFilter):
    sql = f"SELECT id, name, price FROM products WHERE category = :category ORDER BY {flt.sort}"
    return query(sql, category=flt.category)


@router.get("/{product_id}")
def get_product(product_id: int):
    rows = query(f"SELECT id, name, price, stock FROM products WHERE id = {product_id}")
    if not rows:
        raise HTTPException(status_code=404)
    return rows[0]


@router.get("/by-sku/{sku}")
def get_product_by_sku(sku: str):
    rows = query(f"SELECT id, name, price, stock FROM products WHERE sku = '{sku}'")
    if not rows:
        raise HTTPException(status_code=404)
    return rows[0]
