"""Invoice use cases used by the HTTP layer."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from flask import Flask

from ..repositories.invoice_repo import Invoice, InvoiceRepository

log = logging.getLogger(__name__)


@dataclass
class InvoiceFilter:
    status: str = "open"
    currency: str = "EUR"


class InvoiceService:
    def __init__(self, repo: InvoiceRepository) -> None:
        self.repo = repo

    @classmethod
    def from_app(cls, app: Flask) -> "InvoiceService":
        return cls(InvoiceRepository(app.config["DATABASE_PATH"]))

    def page(self, page: int, per_page: int) -> list[Invoice]:
        query = self.repo.query()
        query.limit = per_page
        query.offset = (page - 1) * per_page
        return self.repo.fetch(query)

    def search_by_status(self, flt: InvoiceFilter) -> list[Invoice]:
        query = self.repo.query()
        query.where(f"status = '{flt.status}'")
        return self.repo.fetch(query)

    def search_by_currency(self, flt: InvoiceFilter) -> list[Invoice]:
        query = self.repo.query()
        query.where("currency = ?", flt.currency.upper())
        return self.repo.fetch(query)

    def sorted_by(self, column: str) -> list[Invoice]:
        return self.repo.fetch(self.repo.query().order_by(column))

    def overdue(self, sort: str) -> list[Invoice]:
        query = self.repo.query().where("status = ?", "open")
        query.where("due_at < ?", dt.date.today().isoformat())
        return self.repo.fetch(query.order_by(sort))

    def open_invoices(self) -> list[Invoice]:
        return self.repo.fetch(self.repo.query().where("status = ?", "open"))

    def get(self, invoice_id: int) -> Invoice | None:
        return self.repo.get(invoice_id)

    def by_number(self, number: str) -> Invoice | None:
        return self.repo.by_number(number)
