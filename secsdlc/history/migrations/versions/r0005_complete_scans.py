"""A scan whose runs failed (or that has none) is kept, marked incomplete, and counts for nothing.

Every scan recorded before this revision counts: they are complete.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: SQLite's batch mode would copy the table that occurrences refer to
    op.add_column(
        "scans", sa.Column("complete", sa.Boolean, nullable=False, server_default=sa.true())
    )


def downgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("complete")
