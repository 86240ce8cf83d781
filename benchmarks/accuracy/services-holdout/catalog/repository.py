"""Product storage on PostgreSQL (psycopg cursors)."""
from __future__ import annotations

from typing import Any, Sequence

import psycopg

from .models import Product, User

COLUMNS = ("id", "sku", "name", "brand_id", "category_id", "price", "active")
SELECT = "SELECT " + ", ".join(COLUMNS) + " FROM products"


class ProductRepository:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def _rows(self, sql: str, params: Sequence[Any] | None = None) -> list[Product]:
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            return [Product(**dict(zip(COLUMNS, row))) for row in cur.fetchall()]

    def by_column(self, column: str, value: object) -> list[Product]:
        return self._rows(f"{SELECT} WHERE {column} = {value} AND active ORDER BY name")

    def ordered(self, term: str, sort: str) -> list[Product]:
        return self._rows(
            f"{SELECT} WHERE name ILIKE %s AND active ORDER BY {sort} LIMIT 50", (f"%{term}%",)
        )

    def featured(self) -> list[Product]:
        return self._rows(f"{SELECT} WHERE featured AND active")

    def all_skus(self) -> list[str]:
        with self.conn.cursor() as cur:
            cur.execute("SELECT sku FROM products WHERE active")
            return [row[0] for row in cur.fetchall()]

    def user_for_session(self, token: str) -> User | None:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT u.id, u.email, u.is_staff FROM sessions s JOIN users u ON u.id = s.user_id"
                " WHERE s.token = %s AND s.expires_at > now()",
                (token,),
            )
            row = cur.fetchone()
        return User(id=row[0], email=row[1], is_staff=row[2]) if row else None

    def create_user(self, email: str, password_hash: str) -> int:
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO users (email, password_hash) VALUES (%s, %s) RETURNING id",
                (email, password_hash),
            )
            return int(cur.fetchone()[0])

    def check_login(self, email: str, password: str) -> int | None:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id FROM users WHERE email = %s AND password_hash = crypt(%s, password_hash)",
                (email, password),
            )
            row = cur.fetchone()
        return int(row[0]) if row else None

    def save_session(self, user_id: int, token: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO sessions (user_id, token, expires_at)"
                " VALUES (%s, %s, now() + interval '8 hours')",
                (user_id, token),
            )

    def save_share(self, user_id: int, token: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute("INSERT INTO cart_shares (user_id, token) VALUES (%s, %s)", (user_id, token))

    def save_avatar(self, user_id: int, etag: str, content: bytes) -> None:
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE users SET avatar = %s, avatar_etag = %s WHERE id = %s",
                (content, etag, user_id),
            )

    def get(self, product_id: int) -> Product | None:
        rows = self._rows(f"{SELECT} WHERE id = %s", (product_id,))
        return rows[0] if rows else None

    def price_history(self, product_id: int, days: int) -> list[tuple[str, str]]:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT changed_on::text, price::text FROM price_history"
                " WHERE product_id = %s AND changed_on > now() - make_interval(days => %s)"
                " ORDER BY changed_on",
                (product_id, days),
            )
            return [(row[0], row[1]) for row in cur.fetchall()]
