"""Data access with Flask-SQLAlchemy."""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

db = SQLAlchemy()

TICKET_COLUMNS = "id, subject, status, priority, requester, created_at"


class TicketRepository:
    def __init__(self) -> None:
        self.session = db.session

    def select(self, where: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {TICKET_COLUMNS} FROM tickets WHERE {where} ORDER BY created_at DESC"
        result = self.session.execute(text(sql), params or {})
        return [dict(row._mapping) for row in result]

    def export(self, column: str) -> list[dict[str, Any]]:
        result = self.session.execute(text("SELECT " + TICKET_COLUMNS + " FROM tickets ORDER BY " + column))
        return [dict(row._mapping) for row in result]

    def get(self, ticket_id: int) -> dict[str, Any] | None:
        row = self.session.execute(
            text(f"SELECT {TICKET_COLUMNS} FROM tickets WHERE id = :id"), {"id": ticket_id}
        ).first()
        return dict(row._mapping) if row else None

    def close(self, ticket_id: int, resolution: str) -> None:
        self.session.execute(
            text("UPDATE tickets SET status = 'closed', resolution = :r WHERE id = :id"),
            {"r": resolution, "id": ticket_id},
        )
        self.session.commit()

    def save_agent(self, email: str, digest: str) -> None:
        self.session.execute(
            text("INSERT INTO agents (email, password_hash) VALUES (:e, :h)"), {"e": email, "h": digest}
        )
        self.session.commit()

    def save_reset_code(self, email: str, code: str) -> None:
        self.session.execute(
            text("UPDATE agents SET reset_code = :c WHERE email = :e"), {"c": code, "e": email}
        )
        self.session.commit()

    def attachment(self, attachment_id: int) -> bytes | None:
        row = self.session.execute(
            text("SELECT content FROM attachments WHERE id = :id"), {"id": attachment_id}
        ).first()
        return row[0] if row else None
