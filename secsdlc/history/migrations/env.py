"""Alembic environment: secsdlc always hands over an open connection, already inside its lock."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from a bare `alembic` command line
    raise RuntimeError("secsdlc history migrations run through secsdlc.history.store only")
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
