"""8 processes x 50 scans at once, on SQLite and PostgreSQL: nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from secsdlc.history.store import HistoryStore

from .helpers import our_result, our_sarif, rebuild_runs, table_counts, write

PROCESSES = 8
SCANS = 50
PROJECTS = 3
HERE = Path(__file__).parent

# Each worker opens the (fresh) store at the same moment as the others, so that the schema
# migration races too, then records its scans; the scan all workers share goes through the real
# `secsdlc history record` command line code.
WORKER = """
import sys
from datetime import datetime
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import _cli
from secsdlc.history.sarif_import import load_file
from secsdlc.history.store import HistoryStore
db, k, outdir = sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.stdin.readline()  # start line: all workers begin together
with HistoryStore.open(db) as store:
    for j in range(int(sys.argv[5])):
        scan = load_file(Path(f"{outdir}/w{k}-{j}.sarif"))
        store.record(scan, project=f"proj{j % 3}", commit=f"c{k}-{j}", branch="main",
                     scanned_at=scan.started_at or datetime(2026, 1, 1))
        if j == 25 and _cli.main(["history", "record", f"{outdir}/shared.sarif", "--project",
                                  "proj0", "--db", db, "--branch", "main"]) != 0:
            sys.exit(f"worker {k} shared scan failed")
"""


def fingerprints(k: int, j: int) -> list[str]:
    # Overlapping pools: the same fingerprints arrive from many processes at once.
    return sorted({f"fp{(k * 7 + j * 3 + i) % 60}" for i in range(10)})


def test_parallel_recording_loses_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    expected_findings: set[tuple[str, str]] = set()
    expected_occurrences = 0
    for k in range(PROCESSES):
        for j in range(SCANS):
            fps = fingerprints(k, j)
            when = datetime(2026, 1, 1) + timedelta(minutes=k * 1000 + j)
            doc = our_sarif([our_result(f) for f in fps], start=when.isoformat() + "Z")
            write(tmp_path / f"w{k}-{j}.sarif", doc)
            expected_findings.update((f"proj{j % PROJECTS}", f) for f in fps)
            expected_occurrences += len(fps)
    shared = [f"shared{i}" for i in range(5)]
    write(tmp_path / "shared.sarif", our_sarif([our_result(f) for f in shared]))
    expected_findings.update(("proj0", f) for f in shared)
    expected_occurrences += len(shared)

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(HERE), db_url, str(k), str(tmp_path), str(SCANS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(PROCESSES)
    ]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    errors = []
    for p in procs:
        _, err = p.communicate(timeout=600)
        if p.returncode != 0:
            errors.append(err[-2000:])
    assert not errors, errors

    with HistoryStore.open(db_url) as store:
        counts = table_counts(store)
        scans = store.scans()
        snapshot = store.snapshot()
    assert counts["scans"] == PROCESSES * SCANS + 1  # the shared SARIF is recorded once
    assert counts["projects"] == PROJECTS
    assert counts["findings"] == len(expected_findings)
    assert counts["occurrences"] == expected_occurrences
    assert len({(s.project_id, s.commit) for s in scans}) == len(scans)
    names = {p.id: p.name for p in snapshot.projects}
    stored = {(names[f.project_id], f.fingerprint) for f in snapshot.findings.values()}
    assert stored == expected_findings
    assert json.dumps(sorted(stored))  # every fingerprint is plain text
    # The runs kept up while recording in parallel equal the runs rebuilt from the occurrences.
    with HistoryStore.open(db_url) as store:
        rebuild_runs(store)
        assert sorted(store.snapshot().islands) == sorted(snapshot.islands)
