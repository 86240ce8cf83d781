from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from secsdlc.history.store import HistoryStore
from tests.resources import installed_tool

from .helpers import cli, our_result, our_sarif, table_counts, write


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=30
    )
    return proc.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "trunk")
    git(root, "config", "user.email", "t@example.com")
    git(root, "config", "user.name", "t")
    (root / "a.py").write_text("x = 1\n")
    git(root, "add", "a.py")
    git(root, "commit", "-q", "-m", "init")
    monkeypatch.chdir(root)
    monkeypatch.delenv("SECSDLC_DB", raising=False)
    return root


def test_record_defaults_commit_branch_and_db_from_git(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sarif = write(repo / "scan.sarif", our_sarif([our_result("a")]))
    assert cli(["history", "record", str(sarif), "--project", "demo"]) == 0
    out = capsys.readouterr().out
    head = git(repo, "rev-parse", "HEAD")
    assert f"commit {head[:12]}" in out and "branch trunk" in out
    db = repo / ".secsdlc" / "history.db"
    assert db.is_file()  # default store: .secsdlc/ at the repository root
    with HistoryStore.open(f"sqlite:///{db}") as store:
        (scan,) = store.scans("demo")
    assert (scan.commit, scan.branch) == (head, "trunk")
    assert scan.scanned_at.isoformat() == "2026-01-01T10:00:00"  # SARIF invocation start
    assert cli(["history", "record", str(sarif), "--project", "demo"]) == 0
    assert "already recorded: scan #1" in capsys.readouterr().out


def test_explicit_commit_branch_time_and_env_db(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "central.db"
    monkeypatch.setenv("SECSDLC_DB", str(db))
    sarif = write(repo / "scan.sarif", our_sarif([our_result("a")]))
    argv = ["history", "record", str(sarif), "--project", "demo", "--commit", "deadbeef",
            "--branch", "release", "--time", "2025-12-24T08:00:00+02:00", "--gate", "pass"]
    assert cli(argv) == 0
    with HistoryStore.open(f"sqlite:///{db}") as store:
        (scan,) = store.scans("demo")
    assert (scan.commit, scan.branch, scan.gate_passed) == ("deadbeef", "release", True)
    assert scan.scanned_at.isoformat() == "2025-12-24T06:00:00"
    assert not (repo / ".secsdlc").exists()


def test_malformed_sarif_is_rejected_and_the_store_is_unchanged(
    repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(repo / "good.sarif", our_sarif([our_result("a")]))
    assert cli(["history", "record", str(good), "--project", "p", "--db", sqlite_url]) == 0
    with HistoryStore.open(sqlite_url) as store:
        before = table_counts(store)
    doc = our_sarif([our_result("b"), our_result("c")])
    doc["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = -4
    bad = write(repo / "bad.sarif", doc)
    capsys.readouterr()
    assert cli(["history", "record", str(bad), "--project", "p", "--db", sqlite_url]) == 2
    err = capsys.readouterr().err
    assert "bad.sarif: $.runs[0].results[1].locations[0].physicalLocation.region.startLine" in err
    assert "must be a positive integer" in err
    truncated = write(repo / "cut.sarif", json.dumps(doc)[:200])
    assert cli(["history", "record", str(truncated), "--project", "p", "--db", sqlite_url]) == 2
    assert "cut.sarif: not valid JSON (line 1, column" in capsys.readouterr().err
    with HistoryStore.open(sqlite_url) as store:
        assert table_counts(store) == before


@pytest.mark.parametrize("failure", ["no runs", "failed run", "no results array"])
def test_a_failed_scan_is_recorded_as_failed_and_changes_no_finding(
    repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str], failure: str
) -> None:
    def record(name: str, doc: dict[str, object]) -> str:
        sarif = write(repo / name, doc)
        assert cli(["history", "record", str(sarif), "--project", "p", "--db", sqlite_url]) == 0
        return capsys.readouterr().out

    def trends() -> dict[str, object]:
        assert cli(["trends", "--db", sqlite_url, "--format", "json"]) == 0
        doc: dict[str, object] = json.loads(capsys.readouterr().out)
        del doc["generated_at"]
        return doc

    record("s0.sarif", our_sarif([our_result("a"), our_result("b")],
                                 start="2026-01-01T00:00:00Z"))
    before = trends()
    # the failed scan reports only "a": were it counted, "b" would read as fixed
    failed = our_sarif([our_result("a")], start="2026-01-02T00:00:00Z",
                       successful=failure != "failed run")
    failed["runs"][0]["invocations"][0]["properties"] = {"secsdlc/gate": "pass"}
    if failure == "no runs":
        failed["runs"] = []
    elif failure == "no results array":
        del failed["runs"][0]["results"]
    out = record("failed.sarif", failed)
    assert "recorded failed scan #2 of p" in out and "no finding's state changed" in out
    assert trends() == before
    with HistoryStore.open(sqlite_url) as store:
        first, second = store.scans("p")
        counts = table_counts(store)
    assert (first.complete, first.gate_passed, first.finding_count) == (True, False, 2)
    assert (second.complete, second.gate_passed, second.finding_count) == (False, False, 0)
    assert counts["occurrences"] == 2 and counts["runs"] == 2  # the first scan's only
    assert cli(["history", "scans", "--db", sqlite_url]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert "gate FAIL (scan failed: not counted)" in listing[1]
    # a later complete scan without "b": now it is fixed, and "a" ran on since the first scan
    record("s2.sarif", our_sarif([our_result("a")], start="2026-01-03T00:00:00Z"))
    after = trends()
    assert after["totals"]["status"]["fixed"] == 1  # type: ignore[index]
    assert after["totals"]["open"]["total"] == 1  # type: ignore[index]


def test_trends_formats(repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    for n, fps in enumerate((["a", "b"], ["b"])):
        sarif = write(repo / f"s{n}.sarif",
                      our_sarif([our_result(f) for f in fps], start=f"2026-01-0{n + 1}T00:00:00Z"))
        assert cli(["history", "record", str(sarif), "--project", "p", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert cli(["trends", "--db", sqlite_url, "--format", "json", "--period", "day"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "secsdlc-trends/1"
    assert doc["totals"]["status"]["fixed"] == 1 and doc["totals"]["open"]["total"] == 1
    assert doc["series"][0]["start"] == "2026-01-01T00:00:00Z"
    assert cli(["trends", "--db", sqlite_url, "--format", "csv", "--project", "p"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["section"] for r in rows} == {"series", "total", "project", "compliance"}
    fixed = [r for r in rows if r["section"] == "project" and r["key"] == "status.fixed"]
    assert fixed == [{"section": "project", "project": "p", "period_start": "", "key":
                      "status.fixed", "value": "1"}]
    assert cli(["trends", "--db", sqlite_url, "--since", "2026-01-02"]) == 0
    text = capsys.readouterr().out
    assert "Open findings: 1" in text and "since 2026-01-02" in text
    assert cli(["trends", "--db", sqlite_url, "--since", "last week"]) == 2
    assert "--since: not an ISO 8601 date" in capsys.readouterr().err


def test_sla_days_come_from_the_config_and_bad_values_name_the_key(
    repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sarif = write(repo / "s.sarif", our_sarif([our_result("a", severity="medium")],
                                              start="2026-01-01T00:00:00Z"))
    assert cli(["history", "record", str(sarif), "--project", "p", "--db", sqlite_url]) == 0
    (repo / ".secsdlc.toml").write_text("[policy.sla-days]\nmedium = 3\n")
    capsys.readouterr()
    assert cli(["trends", "--db", sqlite_url, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sla_days"]["medium"] == 3 and doc["sla_days"]["high"] == 30
    assert doc["totals"]["sla"]["by_severity"]["medium"] == 1
    (repo / ".secsdlc.toml").write_text("[policy.sla-days]\nmedium = -1\n")
    assert cli(["trends", "--db", sqlite_url]) == 2
    assert ".secsdlc.toml: policy.sla-days.medium: must be a positive whole number" in (
        capsys.readouterr().err
    )
    (repo / ".secsdlc.toml").write_text("[policy.sla-days]\nurgent = 1\n")
    assert cli(["trends", "--db", sqlite_url]) == 2
    assert "policy.sla-days.urgent: unknown severity" in capsys.readouterr().err


def test_project_from_config_and_registration(
    repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".secsdlc.toml").write_text(
        '[history]\nproject = "shop"\ncorrespondent = "sec@example.com"\n'
    )
    sarif = write(repo / "s.sarif", our_sarif([our_result("a")]))
    assert cli(["history", "record", str(sarif), "--db", sqlite_url]) == 0
    assert cli(["history", "project", "shop", "--default-branch", "trunk", "--db", sqlite_url]) == 0
    with HistoryStore.open(sqlite_url) as store:
        info = store.project("shop")
    assert info is not None
    assert (info.correspondent, info.default_branch) == ("sec@example.com", "trunk")
    capsys.readouterr()
    assert cli(["history", "scans", "--db", sqlite_url, "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["project"] == "shop" and row["branch"] == "trunk"
    (repo / ".secsdlc.toml").write_text('[history]\nprojekt = "x"\n')
    assert cli(["history", "record", str(sarif), "--db", sqlite_url]) == 2
    assert "history.projekt: unknown key" in capsys.readouterr().err


def test_correspondents_come_from_the_repository_registry(
    repo: Path, sqlite_url: str, tmp_path: Path
) -> None:
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", str(key)],
                   check=True, timeout=30)
    (repo / ".secsdlc").mkdir()
    (repo / ".secsdlc" / "correspondents").write_text(
        f"alice@example.com,bob@example.com {key.with_suffix('.pub').read_text().strip()}\n"
    )
    sarif = write(repo / "s.sarif", our_sarif([our_result("a")]))
    assert cli(["history", "record", str(sarif), "--project", "p", "--db", sqlite_url]) == 0
    with HistoryStore.open(sqlite_url) as store:
        info = store.project("p")
    assert info is not None and info.correspondent == "alice@example.com, bob@example.com"


def test_real_secsdlc_scans_recorded_track_a_fix_across_moved_code(
    repo: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our own SARIF, from the real `secsdlc scan` (bandit only, to stay fast)."""
    app = repo / "app.py"
    app.write_text(
        "import pickle\nimport subprocess\n\n\ndef run(cmd, blob):\n"
        "    subprocess.call(cmd, shell=True)\n    return pickle.loads(blob)\n"
    )

    def scan_and_record(name: str, when: str) -> None:
        sarif = repo / name
        proc = subprocess.run(
            [installed_tool("secsdlc"), "scan", "--scanners", "bandit", "--no-progress",
             "--sarif", str(sarif), "app.py"],
            cwd=repo, capture_output=True, text=True, timeout=300,
        )
        assert proc.returncode in (0, 1), proc.stderr
        assert cli(["history", "record", str(sarif), "--project", "app", "--db", sqlite_url,
                    "--time", when]) == 0

    scan_and_record("one.sarif", "2026-01-01")
    # Lines move and the shell call is fixed: the pickle findings must persist, not be "new".
    app.write_text(
        "import pickle\n\n# a comment that shifts every line\n\n\ndef run(cmd, blob):\n"
        "    print(cmd)\n    return pickle.loads(blob)\n"
    )
    scan_and_record("two.sarif", "2026-01-08")
    capsys.readouterr()
    assert cli(["trends", "--db", sqlite_url, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    status = doc["totals"]["status"]
    assert status["fixed"] >= 2  # `import subprocess` and the shell=True call
    assert status["persisting"] >= 2 and status["new"] == 0
    # Severities are the scanner's business (calibrated elsewhere); the fix took 7 days whatever.
    fixed = [r for r in doc["totals"]["remediation"].values() if r["fixed"]]
    assert sum(r["fixed"] for r in fixed) == status["fixed"]
    assert all(r["median_days"] == 7.0 for r in fixed)


def test_outside_git_the_store_is_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.delenv("SECSDLC_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    sarif = write(outside / "s.sarif", our_sarif([our_result("a")]))
    assert cli(["history", "record", str(sarif), "--project", "p"]) == 0
    assert (tmp_path / "data" / "secsdlc" / "history.db").is_file()
    assert not (outside / ".secsdlc").exists()
