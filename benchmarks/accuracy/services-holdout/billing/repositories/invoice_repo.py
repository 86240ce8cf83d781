"""Invoice storage (sqlite3)."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Invoice:
    id: int
    number: str
    customer_id: int
    status: str
    currency: str
    amount_cents: int
    issued_at: str
    due_at: str

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> "Invoice":
        return cls(*row)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "customer_id": self.customer_id,
            "status": self.status,
            "currency": self.currency,
            "amount": self.amount_cents / 100,
            "issued_at": self.issued_at,
            "due_at": self.due_at,
        }

    def to_row(self) -> list[str]:
        return [self.number, self.status, f"{self.amount_cents / 100:.2f} {self.currency}", self.due_at]


@dataclass
class InvoiceQuery:
    """Small SELECT builder; clauses are joined with AND."""

    table: str = "invoices"
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    order: str = "issued_at DESC"
    limit: int = 100
    offset: int = 0

    def where(self, clause: str, *params: Any) -> "InvoiceQuery":
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def order_by(self, column: str, descending: bool = False) -> "InvoiceQuery":
        self.order = column + (" DESC" if descending else " ASC")
        return self

    def sql(self) -> str:
        sql = (
            "SELECT id, number, customer_id, status, currency, amount_cents, issued_at, due_at"
            f" FROM {self.table}"
        )
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        sql += f" ORDER BY {self.order} LIMIT {int(self.limit)} OFFSET {int(self.offset)}"
        return sql


class InvoiceRepository:
    def __init__(self, database_path: str) -> None:
        self._path = database_path

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path)

    def query(self) -> InvoiceQuery:
        return InvoiceQuery()

    def fetch(self, query: InvoiceQuery) -> list[Invoice]:
        with closing(self._connect()) as conn:
            cur = conn.execute(query.sql(), query.params)
            return [Invoice.from_row(row) for row in cur.fetchall()]

    def get(self, invoice_id: int) -> Invoice | None:
        rows = self.fetch(self.query().where("id = ?", invoice_id))
        return rows[0] if rows else None

    def by_number(self, number: str) -> Invoice | None:
        rows = self.fetch(self.query().where("number = ?", number))
        return rows[0] if rows else None

    def set_status(self, invoice_id: int, status: str) -> None:
        with closing(self._connect()) as conn, conn:
            conn.execute("UPDATE invoices SET status = ? WHERE id = ?", (status, invoice_id))
