"""The history schema. Alembic migrations in `migrations/versions` create it; keep them in step.

A finding is identified within its project by fingerprint; an occurrence says it was present in a
scan and with which disposition. Lifecycle (new, persisting, fixed, reopened) is derived from the
occurrences at query time rather than stored, so recording scans out of order stays correct.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    correspondent: Mapped[str | None] = mapped_column(String(320), nullable=True)
    default_branch: Mapped[str | None] = mapped_column(String(255), nullable=True)


class Scan(Base):
    __tablename__ = "scans"
    __table_args__ = (
        # Recording the same SARIF twice for a project is a no-op: this makes it so under races.
        UniqueConstraint("project_id", "digest", name="uq_scans_project_digest"),
        Index("ix_scans_project_branch_time", "project_id", "branch", "scanned_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    digest: Mapped[str] = mapped_column(String(64))
    commit: Mapped[str] = mapped_column(String(64))
    branch: Mapped[str] = mapped_column(String(255))
    scanned_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    tools: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    finding_count: Mapped[int] = mapped_column(Integer)
    gate_passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class Finding(Base):
    __tablename__ = "findings"
    __table_args__ = (
        UniqueConstraint("project_id", "fingerprint", name="uq_findings_project_fingerprint"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    fingerprint: Mapped[str] = mapped_column(String(128))
    rule_id: Mapped[str] = mapped_column(Text)
    tool: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    snippet: Mapped[str] = mapped_column(Text)
    cwe: Mapped[str] = mapped_column(Text)  # comma-separated ids
    owasp_2025: Mapped[str] = mapped_column(Text)  # comma-separated ids
    owasp_2021: Mapped[str] = mapped_column(Text)
    help_uri: Mapped[str] = mapped_column(Text)


class Occurrence(Base):
    __tablename__ = "occurrences"
    __table_args__ = (Index("ix_occurrences_finding", "finding_id"),)

    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), primary_key=True)
    disposition: Mapped[str] = mapped_column(String(16))
    start_line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    count: Mapped[int] = mapped_column(Integer)
    justification: Mapped[str] = mapped_column(Text)
    waiver_approver: Mapped[str] = mapped_column(Text)
    waiver_expires: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
