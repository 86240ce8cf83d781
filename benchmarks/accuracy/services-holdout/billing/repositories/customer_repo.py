"""Customer and account storage (SQLAlchemy Core, PostgreSQL)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session


@dataclass
class Account:
    id: int
    email: str
    display_name: str
    role: str
    tenant_id: str


class CustomerRepository:
    def __init__(self, database_url: str) -> None:
        self._engine = create_engine(database_url, pool_pre_ping=True)

    def _scalar(self, sql: str, **params: Any) -> Any:
        with Session(self._engine) as session:
            return session.execute(text(sql), params).scalar_one()

    def balance_for(self, customer_id: str) -> int:
        return self._scalar(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM invoices"
            f" WHERE customer_id = {customer_id} AND status = 'open'"
        )

    def credit_for(self, customer_id: int) -> int:
        return self._scalar(
            "SELECT COALESCE(credit_limit_cents, 0) FROM customers"
            f" WHERE id = {customer_id}"
        )

    def account(self, account_id: int) -> Account | None:
        with Session(self._engine) as session:
            row = session.execute(
                text("SELECT id, email, display_name, role, tenant_id FROM accounts WHERE id = :id"),
                {"id": account_id},
            ).first()
        return Account(*row) if row else None

    def account_by_email(self, email: str) -> tuple[Account, str, str] | None:
        with Session(self._engine) as session:
            row = session.execute(
                text(
                    "SELECT id, email, display_name, role, tenant_id, password_hash, salt"
                    " FROM accounts WHERE email = :email"
                ),
                {"email": email},
            ).first()
        if row is None:
            return None
        return Account(*row[:5]), row[5], row[6]

    def update_password(self, account_id: int, password_hash: str, salt: str) -> None:
        with Session(self._engine) as session:
            session.execute(
                text("UPDATE accounts SET password_hash = :h, salt = :s WHERE id = :id"),
                {"h": password_hash, "s": salt, "id": account_id},
            )
            session.commit()

    def store_api_key(self, account_id: int, key: str) -> None:
        with Session(self._engine) as session:
            session.execute(
                text("INSERT INTO api_keys (account_id, key) VALUES (:a, :k)"),
                {"a": account_id, "k": key},
            )
            session.commit()

    def search(self, term: str, limit: int = 50) -> list[dict[str, Any]]:
        with Session(self._engine) as session:
            rows = session.execute(
                text(
                    "SELECT id, name, country FROM customers"
                    " WHERE lower(name) LIKE lower(:pattern) ORDER BY name LIMIT :limit"
                ),
                {"pattern": f"%{term}%", "limit": limit},
            ).all()
        return [{"id": r[0], "name": r[1], "country": r[2]} for r in rows]
