"""History store: projects, scans, findings by fingerprint, occurrences.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("commit", sa.String(64), nullable=False),
        sa.Column("branch", sa.String(255), nullable=False),
        sa.Column("scanned_at", sa.DateTime, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("tools", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("finding_count", sa.Integer, nullable=False),
        sa.UniqueConstraint("project_id", "digest", name="uq_scans_project_digest"),
    )
    op.create_index("ix_scans_project_branch_time", "scans", ["project_id", "branch", "scanned_at"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("rule_id", sa.Text, nullable=False),
        sa.Column("tool", sa.Text, nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("snippet", sa.Text, nullable=False),
        sa.Column("cwe", sa.Text, nullable=False),
        sa.Column("owasp_2025", sa.Text, nullable=False),
        sa.Column("owasp_2021", sa.Text, nullable=False),
        sa.Column("help_uri", sa.Text, nullable=False),
        sa.UniqueConstraint("project_id", "fingerprint", name="uq_findings_project_fingerprint"),
    )
    op.create_table(
        "occurrences",
        sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id"), primary_key=True),
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id"), primary_key=True),
        sa.Column("disposition", sa.String(16), nullable=False),
        sa.Column("start_line", sa.Integer, nullable=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("justification", sa.Text, nullable=False),
        sa.Column("waiver_approver", sa.Text, nullable=False),
        sa.Column("waiver_expires", sa.DateTime, nullable=True),
    )
    op.create_index("ix_occurrences_finding", "occurrences", ["finding_id"])


def downgrade() -> None:
    op.drop_table("occurrences")
    op.drop_table("findings")
    op.drop_index("ix_scans_project_branch_time", "scans")
    op.drop_table("scans")
    op.drop_table("projects")
