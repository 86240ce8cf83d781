"""The history schema as SQLAlchemy Core tables; Alembic migrations in `migrations/versions` create
it, and a test keeps the two in step.

A finding is identified within its project by fingerprint; an occurrence says it was present in a
scan and with which disposition. Lifecycle (new, persisting, fixed, reopened) is derived from the
occurrences at query time rather than stored, so recording scans out of order stays correct.
Core rather than the ORM on the hot path: `secsdlc trends` must not pay for importing the ORM.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)

metadata = MetaData()

projects = Table(
    "projects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("correspondent", String(320), nullable=True),
    Column("default_branch", String(255), nullable=True),
)

scans = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("project_id", Integer, ForeignKey("projects.id"), nullable=False),
    Column("digest", String(64), nullable=False),
    Column("commit", String(64), nullable=False),
    Column("branch", String(255), nullable=False),
    Column("scanned_at", DateTime, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("tools", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("finding_count", Integer, nullable=False),
    Column("gate_passed", Boolean, nullable=True),
    # false: a run failed or there was none; kept to be listed, it counts for no finding's state
    Column("complete", Boolean, nullable=False, server_default=true()),
    # Recording the same SARIF twice for a project is a no-op: this makes it so under races.
    UniqueConstraint("project_id", "digest", name="uq_scans_project_digest"),
    Index("ix_scans_project_branch_time", "project_id", "branch", "scanned_at"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("project_id", Integer, ForeignKey("projects.id"), nullable=False),
    Column("fingerprint", String(128), nullable=False),
    Column("rule_id", Text, nullable=False),
    Column("tool", Text, nullable=False),
    Column("severity", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("snippet", Text, nullable=False),
    Column("cwe", Text, nullable=False),  # comma-separated ids
    Column("owasp_2025", Text, nullable=False),  # comma-separated ids
    Column("owasp_2021", Text, nullable=False),
    Column("help_uri", Text, nullable=False),
    UniqueConstraint("project_id", "fingerprint", name="uq_findings_project_fingerprint"),
)

occurrences = Table(
    "occurrences",
    metadata,
    Column("scan_id", Integer, ForeignKey("scans.id"), primary_key=True),
    Column("finding_id", Integer, ForeignKey("findings.id"), primary_key=True),
    Column("disposition", String(16), nullable=False),
    Column("start_line", Integer, nullable=True),
    Column("count", Integer, nullable=False),
    Column("justification", Text, nullable=False),
    Column("waiver_approver", Text, nullable=False),
    Column("waiver_expires", DateTime, nullable=True),
    Index("ix_occurrences_finding", "finding_id"),
)

# Open findings of a scan by severity and OWASP 2025 categories, written with the scan: derived
# from occurrences, kept so that trends over a long history read thousands of rows, not millions.
scan_counts = Table(
    "scan_counts",
    metadata,
    Column("scan_id", Integer, ForeignKey("scans.id"), primary_key=True),
    Column("severity", String(16), primary_key=True),
    Column("owasp_2025", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
)

# Runs of consecutive scans (on one branch of a project) that report a finding: the lifecycle in
# compact form. Kept up to date when a scan is recorded (extended when the scan is the latest,
# rebuilt from occurrences when it lands in the past) so that trends never read every occurrence.
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("project_id", Integer, ForeignKey("projects.id"), nullable=False),
    Column("branch", String(255), nullable=False),
    Column("finding_id", Integer, ForeignKey("findings.id"), nullable=False),
    Column("first_scan_id", Integer, ForeignKey("scans.id"), nullable=False),
    Column("last_scan_id", Integer, ForeignKey("scans.id"), nullable=False),
    Index("ix_runs_project_branch_last", "project_id", "branch", "last_scan_id"),
)
