from decimal import Decimal
from typing import Callable

from django.db import models

FORMULAS = {
    "standard": "item['cost'] * Decimal('1.35')",
    "clearance": "item['cost'] * Decimal('1.05')",
    "premium": "max(item['cost'] * Decimal('1.6'), item['cost'] + 20)",
}


def compile_formula(expr: str) -> Callable[[dict], Decimal]:
    """Turn a pricing formula into a function of one catalogue item."""
    return eval("lambda item: " + expr, {"Decimal": Decimal, "max": max})


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
    image = models.ImageField(upload_to="products/", blank=True)

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class StockMovement(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="movements")
    delta = models.IntegerField()
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
