"""Compliance indicators: a project's correspondent and default branch, a scan's gate outcome.

Added columns are nullable so that existing history keeps every row and reads as "unknown".

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("correspondent", sa.String(320), nullable=True))
        batch.add_column(sa.Column("default_branch", sa.String(255), nullable=True))
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("gate_passed", sa.Boolean, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("gate_passed")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("default_branch")
        batch.drop_column("correspondent")
