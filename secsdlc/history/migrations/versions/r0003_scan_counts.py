"""Per-scan open counts by severity and OWASP category, backfilled from existing occurrences.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_counts",
        sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), primary_key=True),
        sa.Column("severity", sa.String(16), primary_key=True),
        sa.Column("owasp_2025", sa.String(200), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    # History recorded before this revision gets its counts too: nothing is left out of trends.
    op.execute(
        "INSERT INTO scan_counts (scan_id, severity, owasp_2025, count) "
        "SELECT o.scan_id, f.severity, f.owasp_2025, COUNT(*) FROM occurrences o "
        "JOIN findings f ON f.id = o.finding_id WHERE o.disposition = 'open' "
        "GROUP BY o.scan_id, f.severity, f.owasp_2025"
    )


def downgrade() -> None:
    op.drop_table("scan_counts")
