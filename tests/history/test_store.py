from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from secsdlc.history import database
from secsdlc.history.database import HEAD_REVISION, KNOWN_REVISIONS
from secsdlc.history.interface import HistoryError
from secsdlc.history.sarif_import import parse_bytes
from secsdlc.history.store import HistoryStore

from .helpers import our_result, our_sarif, revision, table_counts


def scan_of(*fingerprints: str, start: str = "2026-01-01T00:00:00Z") -> object:
    doc = our_sarif([our_result(fp) for fp in fingerprints], start=start)
    return parse_bytes(json.dumps(doc).encode(), source="s.sarif")


def record(store: HistoryStore, *fps: str, when: datetime, branch: str = "main") -> object:
    scan = scan_of(*fps, start=when.isoformat() + "Z")
    return store.record(
        scan,  # type: ignore[arg-type]
        project="web",
        commit="abc",
        branch=branch,
        scanned_at=when,
    )


def test_record_is_idempotent_and_deduplicates_findings(db_url: str) -> None:
    with HistoryStore.open(db_url) as store:
        first = record(store, "a", "b", when=datetime(2026, 1, 1))
        again = record(store, "a", "b", when=datetime(2026, 1, 1))
        record(store, "b", "c", when=datetime(2026, 1, 2))
        assert again.duplicate and again.scan_id == first.scan_id  # type: ignore[attr-defined]
        assert table_counts(store) == {
            "projects": 1,
            "scans": 2,
            "findings": 3,
            "occurrences": 4,
            "scan_counts": 2,  # one (severity, category) group per scan
            "runs": 3,  # a and b from the first scan, c from the second
        }


def test_opening_twice_does_not_migrate_again(db_url: str) -> None:
    with HistoryStore.open(db_url) as store:
        assert revision(store) == HEAD_REVISION
        record(store, "a", when=datetime(2026, 1, 1))
    with HistoryStore.open(db_url) as store:
        assert revision(store) == HEAD_REVISION
        assert table_counts(store)["occurrences"] == 1


def test_upgrade_from_first_revision_keeps_every_row(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        database.upgrade(conn, "0001")
        conn.execute(text("INSERT INTO projects (id, name, created_at) VALUES (1, 'old', :t)"),
                     {"t": datetime(2025, 1, 1)})
        conn.execute(
            text(
                'INSERT INTO scans (id, project_id, digest, "commit", branch, scanned_at, '
                "recorded_at, tools, source, finding_count) VALUES "
                "(1, 1, 'd1', 'c1', 'main', :t, :t, 'bandit', 'old.sarif', 1)"
            ),
            {"t": datetime(2025, 1, 1)},
        )
        conn.execute(
            text(
                "INSERT INTO findings (id, project_id, fingerprint, rule_id, tool, severity, "
                "message, path, snippet, cwe, owasp_2025, owasp_2021, help_uri) VALUES "
                "(1, 1, 'fp-old', 'B602', 'bandit', 'high', 'm', 'a.py', '', '78', "
                "'A05:2025', 'A03:2021', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO occurrences (scan_id, finding_id, disposition, start_line, count, "
                "justification, waiver_approver) VALUES (1, 1, 'open', 3, 1, '', '')"
            )
        )
        if engine.dialect.name == "postgresql":
            for table in ("projects", "scans", "findings"):
                conn.execute(text(f"SELECT setval('{table}_id_seq', 1)"))
    engine.dispose()
    with HistoryStore.open(db_url) as store:
        assert revision(store) == HEAD_REVISION
        assert table_counts(store) == {
            "projects": 1, "scans": 1, "findings": 1, "occurrences": 1,
            "scan_counts": 1,  # backfilled by the migration from the old occurrence
            "runs": 1,  # likewise
        }
        (scan,) = store.scans("old")
        assert (scan.commit, scan.gate_passed) == ("c1", None)  # new column reads as unknown
        # and the upgraded store keeps working
        store.set_project("old", correspondent="sec@example.com")
        assert store.project("old").correspondent == "sec@example.com"  # type: ignore[union-attr]


def test_a_newer_schema_is_refused_not_touched(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url):
        pass
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(HistoryError, match="revision '9999', newer than this secsdlc knows"):
        HistoryStore.open(sqlite_url)


def test_known_revisions_match_the_shipped_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "secsdlc.history:migrations")
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_current_head() == HEAD_REVISION
    assert sorted(r.revision for r in scripts.walk_revisions()) == sorted(KNOWN_REVISIONS)


def test_schema_matches_the_migrated_database(sqlite_url: str) -> None:
    from sqlalchemy import inspect

    from secsdlc.history import schema

    with HistoryStore.open(sqlite_url) as store:
        found = inspect(store.engine)
        tables = {t for t in found.get_table_names() if t != "alembic_version"}
        assert tables == set(schema.metadata.tables)
        for table in schema.metadata.sorted_tables:
            columns = {c["name"]: c for c in found.get_columns(table.name)}
            assert set(columns) == {c.name for c in table.columns}, table.name
            for c in table.columns:
                assert columns[c.name]["nullable"] == c.nullable, (table.name, c.name)
            uniques = {tuple(u["column_names"]) for u in found.get_unique_constraints(table.name)}
            for constraint in table.constraints:
                if constraint.__class__.__name__ == "UniqueConstraint":
                    assert tuple(constraint.columns.keys()) in uniques, constraint.name


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match="history database"):
        HistoryStore.open(f"sqlite:///{blocker}/sub/history.db")
    with pytest.raises(HistoryError, match=r"postgresql\+psycopg://u:\*\*\*@127.0.0.1:9"):
        HistoryStore.open("postgresql+psycopg://u:secretpw@127.0.0.1:9/db?connect_timeout=2")


def test_overlong_values_are_refused_before_writing(sqlite_url: str) -> None:
    with HistoryStore.open(sqlite_url) as store:
        with pytest.raises(HistoryError, match="commit longer than 64 characters"):
            store.record(
                scan_of("a"),  # type: ignore[arg-type]
                project="web", commit="c" * 65, branch="main", scanned_at=datetime(2026, 1, 1),
            )
        assert table_counts(store)["scans"] == 0
