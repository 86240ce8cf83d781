"""Runs of consecutive scans per finding, built from the existing occurrences.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from secsdlc.history.runs import REBUILD_BEFORE_0005

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("branch", sa.String(255), nullable=False),
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id"), nullable=False),
        sa.Column("first_scan_id", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
        sa.Column("last_scan_id", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
    )
    op.create_index(
        "ix_runs_project_branch_last", "runs", ["project_id", "branch", "last_scan_id"]
    )
    # Existing history gets its runs: trends after the upgrade show everything recorded before.
    op.execute(REBUILD_BEFORE_0005)


def downgrade() -> None:
    op.drop_index("ix_runs_project_branch_last", "runs")
    op.drop_table("runs")
