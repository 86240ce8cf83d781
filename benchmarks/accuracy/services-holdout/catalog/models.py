"""Request and response bodies."""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, field_validator


class Product(BaseModel):
    id: int
    sku: str
    name: str
    brand_id: int
    category_id: int
    price: Decimal
    active: bool = True


class ProductQuery(BaseModel):
    term: str = ""
    sort: str = "name"

    @field_validator("sort")
    @classmethod
    def normalise_sort(cls, value: str) -> str:
        return value.strip().lower()


class BrowseQuery(BaseModel):
    term: str = ""
    sort: Literal["name", "price", "created_at"] = "name"


class PriceRule(BaseModel):
    expression: str
    base_price: Decimal = Decimal("100")


class PresetRule(BaseModel):
    preset: str = "none"
    base_price: Decimal = Decimal("100")


class TemplatePreview(BaseModel):
    subject: str
    template: str


class FooterPreview(BaseModel):
    text: str = Field(max_length=500)


class Greeting(BaseModel):
    greeting: str = "Welcome back"


class FeedImport(BaseModel):
    url: str


class SupplierImport(BaseModel):
    supplier: str


class Credentials(BaseModel):
    email: str
    password: str = Field(min_length=10)


class User(BaseModel):
    id: int
    email: str
    is_staff: bool = False
