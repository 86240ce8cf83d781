from typing import Literal, Optional

from pydantic import BaseModel, HttpUrl


class ProductFilter(BaseModel):
    category: str
    sort: Literal["name", "price", "created_at"] = "name"
    max_price: Optional[float] = None


class FeedImport(BaseModel):
    feed_url: HttpUrl
    dry_run: bool = True


class SupplierSync(BaseModel):
    supplier: Literal["acme", "globex", "initech"]
    dry_run: bool = True
