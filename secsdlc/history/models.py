"""SQLAlchemy 2 ORM classes over the history tables, for code that wants objects.

secsdlc itself reads and writes through the Core tables in `schema` (cheaper to import and to run);
these classes map the same tables, so the two can never disagree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from secsdlc.history import schema


class Base(DeclarativeBase):
    metadata = schema.metadata


class Project(Base):
    __table__ = schema.projects

    id: Mapped[int]
    name: Mapped[str]
    created_at: Mapped[datetime]
    correspondent: Mapped[str | None]
    default_branch: Mapped[str | None]


class Scan(Base):
    __table__ = schema.scans

    id: Mapped[int]
    project_id: Mapped[int]
    digest: Mapped[str]
    commit: Mapped[str]
    branch: Mapped[str]
    scanned_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    tools: Mapped[str]
    source: Mapped[str]
    finding_count: Mapped[int]
    gate_passed: Mapped[bool | None]


class Finding(Base):
    __table__ = schema.findings

    id: Mapped[int]
    project_id: Mapped[int]
    fingerprint: Mapped[str]
    rule_id: Mapped[str]
    tool: Mapped[str]
    severity: Mapped[str]
    message: Mapped[str]
    path: Mapped[str]
    snippet: Mapped[str]
    cwe: Mapped[str]
    owasp_2025: Mapped[str]
    owasp_2021: Mapped[str]
    help_uri: Mapped[str]


class Occurrence(Base):
    __table__ = schema.occurrences

    scan_id: Mapped[int]
    finding_id: Mapped[int]
    disposition: Mapped[str]
    start_line: Mapped[int | None]
    count: Mapped[int]
    justification: Mapped[str]
    waiver_approver: Mapped[str]
    waiver_expires: Mapped[datetime | None]


class ScanCount(Base):
    __table__ = schema.scan_counts

    scan_id: Mapped[int]
    severity: Mapped[str]
    owasp_2025: Mapped[str]
    count: Mapped[int]


class Run(Base):
    __table__ = schema.runs

    id: Mapped[int]
    project_id: Mapped[int]
    branch: Mapped[str]
    finding_id: Mapped[int]
    first_scan_id: Mapped[int]
    last_scan_id: Mapped[int]
