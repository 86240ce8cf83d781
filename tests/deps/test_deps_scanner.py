"""The scanner end to end, as the engine calls it: findings, rules, and failing closed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from secsdlc.deps import environment
from secsdlc.model import NotificationKind, Severity
from secsdlc.scanners.deps import DepsOptionError, DepsScanner
from secsdlc.scanners.interface import Scanner, ScannerError, ScannerOutput

from .conftest import osv_record

RECENT = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
OLD = "2020-01-01T00:00:00Z"


def kinds(out: ScannerOutput, kind: NotificationKind) -> list[str]:
    return [n.message for n in out.notifications if n.kind is kind]


@pytest.fixture
def db(make_db: Callable[..., Path]) -> Path:
    return make_db(
        osv_record("PYSEC-2099-1", "vuln-pkg", events=[{"introduced": "0"}, {"fixed": "1.4"}],
                   aliases=["CVE-2099-1", "GHSA-1111-2222-3333"], modified=RECENT,
                   summary="Remote code execution in vuln-pkg",
                   severity=[{"type": "CVSS_V3",
                              "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                   database_specific={"cwe_ids": ["CWE-94"]}),
        osv_record("GHSA-1111-2222-3333", "vuln-pkg", events=[{"introduced": "0"},
                                                              {"fixed": "1.3"}],
                   aliases=["CVE-2099-1"], modified=RECENT),
        osv_record("GHSA-4444-5555-6666", "vuln-pkg", events=[{"introduced": "1.0"},
                                                              {"fixed": "1.5"}],
                   modified=RECENT, database_specific={"severity": "LOW"}),
        osv_record("PYSEC-2099-7", "odd-pkg", events=[{"introduced": "0"}, {"fixed": "1.0"}],
                   range_type="CALVER", modified=RECENT),
    )


def test_scanner_implements_the_engine_protocol() -> None:
    scanner = DepsScanner()
    assert isinstance(scanner, Scanner)
    assert scanner.applies_to("requirements.txt")
    assert scanner.applies_to("services/api/requirements-dev.txt")
    assert scanner.applies_to("requirements/prod.txt")
    assert scanner.applies_to("a/b/pyproject.toml")
    assert scanner.applies_to("uv.lock") and scanner.applies_to("poetry.lock")
    assert scanner.applies_to("Pipfile.lock") and scanner.applies_to("pylock.dev.toml")
    assert scanner.applies_to("dev-requirements.txt") and scanner.applies_to("requirements.in")
    assert not scanner.applies_to("docs/notes.txt")
    assert not scanner.applies_to("docs/ref/models/constraints.txt")
    assert not scanner.applies_to("myrequirementsparser.txt")
    assert not scanner.applies_to("setup.py")


def test_vulnerable_pin_is_one_finding_per_alias_group_with_every_id(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({"requirements.txt": "# deps\n  Vuln_Pkg==1.2  --hash=sha256:00\n"}, db=str(db))
    assert kinds(out, NotificationKind.SCANNER_FAILURE) == []
    by_rule = {f.rule_id: f for f in out.findings}
    assert set(by_rule) == {"PYSEC-2099-1", "GHSA-4444-5555-6666"}
    f = by_rule["PYSEC-2099-1"]
    assert (f.location.path, f.location.start_line, f.location.start_column) == (
        "requirements.txt", 2, 3)
    assert f.snippet == "Vuln_Pkg==1.2"
    assert f.fingerprint == ""
    assert f.properties["aliases"] == "PYSEC-2099-1,GHSA-1111-2222-3333,CVE-2099-1"
    assert f.properties["package"] == "vuln-pkg"
    assert f.properties["version"] == "1.2"
    assert f.properties["fixed-in"] == "1.4"
    assert f.properties["security-severity"] == "9.8"
    assert f.severity is Severity.CRITICAL
    assert f.cwe == (1395, 94)
    assert f.owasp_2021 and f.owasp_2025
    # 1.4 fixes the first group, 1.5 the second: the hint must cover both.
    assert f.fix_hint == "upgrade vuln-pkg to 1.5 or later"
    assert "Remote code execution" in f.message
    low = by_rule["GHSA-4444-5555-6666"]
    assert (low.severity, low.properties["severity-source"]) == (Severity.LOW, "record")
    rule = out.rules[f.rule_id]
    assert rule.help_uri == "https://osv.dev/vulnerability/PYSEC-2099-1"
    assert rule.short_description == "Remote code execution in vuln-pkg"
    assert rule.full_description == "details of PYSEC-2099-1"
    assert rule.severity is Severity.CRITICAL
    # A fresh database: its age is reported, no staleness warning.
    assert any("2 days old" in m for m in kinds(out, NotificationKind.INFO))
    assert kinds(out, NotificationKind.WARNING) == []


def test_fixed_version_is_clean(scan: Callable[..., ScannerOutput], db: Path) -> None:
    out = scan({"requirements.txt": "vuln-pkg==1.5\n"}, db=str(db))
    assert out.findings == ()
    assert kinds(out, NotificationKind.SCANNER_FAILURE) == []


def test_unpinned_requirements_are_their_own_finding(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({"requirements.txt": "vuln-pkg>=1.0\ngit+https://example.invalid/x#egg=x\n"},
               db=str(db))
    assert [(f.rule_id, f.location.start_line, f.severity, f.cwe) for f in out.findings] == [
        ("secsdlc.deps.unpinned-requirement", 1, Severity.LOW, (1104,)),
        ("secsdlc.deps.unpinned-requirement", 2, Severity.LOW, (1104,)),
    ]
    assert "not pinned" in out.findings[0].message
    assert "installs from git+https" in out.findings[1].message
    # What the range lets in is said: 1.0 (its lower bound) is affected by both advisories.
    assert out.findings[0].properties["advisories-in-range"] == (
        "GHSA-4444-5555-6666,PYSEC-2099-1")
    assert "affected by 2 known advisories" in out.findings[0].message
    safe = scan({"requirements.txt": "vuln-pkg>=1.5\n"}, db=str(db))
    assert safe.findings[0].properties["advisories-in-range"] == ""
    assert "known advisor" not in safe.findings[0].message
    raised = scan({"requirements.txt": "vuln-pkg>=1.0\n"}, db=str(db),
                  **{"unpinned-severity": "high"})
    assert raised.findings[0].severity is Severity.HIGH
    assert raised.rules["secsdlc.deps.unpinned-requirement"].severity is Severity.HIGH


def test_bad_options_raise(scan: Callable[..., ScannerOutput]) -> None:
    with pytest.raises(DepsOptionError, match="vuln-source 'nope'"):
        scan({"requirements.txt": "x==1\n"}, **{"vuln-source": "nope"})
    with pytest.raises(ScannerError, match="unpinned-severity"):
        scan({"requirements.txt": "x==1\n"}, **{"unpinned-severity": "severe"})


def test_parse_failures_fail_closed_and_the_rest_is_audited(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({
        "requirements.txt": "vuln-pkg==1.2\nbroken ==== line\n",
        "svc/poetry.lock": "[[package]\nname = 'x'\n",
    }, db=str(db))
    failures = [(n.path, n.message) for n in out.notifications
                if n.kind is NotificationKind.SCANNER_FAILURE]
    assert [p for p, _ in failures] == ["requirements.txt", "svc/poetry.lock"]
    assert failures[0][1].startswith("requirements.txt:2: invalid requirement")
    assert failures[1][1].startswith("svc/poetry.lock:1: invalid TOML")
    assert {f.rule_id for f in out.findings} == {"PYSEC-2099-1", "GHSA-4444-5555-6666"}


def test_an_advisory_that_cannot_be_evaluated_fails_closed(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({"requirements.txt": "odd-pkg==2.0\n"}, db=str(db))
    assert out.findings == ()
    [failure] = kinds(out, NotificationKind.SCANNER_FAILURE)
    assert "odd-pkg==2.0 (line 1)" in failure
    assert "PYSEC-2099-7" in failure and "unknown range type 'CALVER'" in failure
    assert "PYSEC-2099-7.json" in failure  # the record's file, to fix or report it


def test_corrupt_or_missing_database_fails_closed(
    scan: Callable[..., ScannerOutput], tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"\x00garbage" * 500)
    out = scan({"requirements.txt": "vuln-pkg==1.2\nother>=1\n"}, db=str(corrupt))
    [failure] = kinds(out, NotificationKind.SCANNER_FAILURE)
    assert "corrupt.sqlite3" in failure and "no dependency was audited" in failure
    # Notification paths are files of the scanned tree; the database is named in the text.
    assert all(n.path is None for n in out.notifications)
    # What needs no database is still reported.
    assert [f.rule_id for f in out.findings] == ["secsdlc.deps.unpinned-requirement"]
    out = scan({"requirements.txt": "vuln-pkg==1.2\n"}, db=str(tmp_path / "absent.sqlite3"))
    assert any("absent.sqlite3" in m for m in kinds(out, NotificationKind.SCANNER_FAILURE))


def test_stale_database_warns(scan: Callable[..., ScannerOutput],
                              make_db: Callable[..., Path]) -> None:
    old = make_db(osv_record("PYSEC-2000-1", "x", events=[{"introduced": "0"}], modified=OLD))
    out = scan({"requirements.txt": "y==1.0\n"}, db=str(old))
    [warning] = kinds(out, NotificationKind.WARNING)
    assert "older than 30 days" in warning
    assert any("newest record 2020-01-01" in m for m in kinds(out, NotificationKind.INFO))


def test_default_is_the_shipped_snapshot_offline(scan: Callable[..., ScannerOutput],
                                                 cache_dir: Path) -> None:
    out = scan({"requirements.txt": "django==3.2.0\npyyaml==5.3\n"})
    rules = {f.rule_id for f in out.findings}
    assert {"PYSEC-2021-7", "PYSEC-2021-142"} <= rules  # django CVE-2021-31542, pyyaml 5.3
    assert (cache_dir / "osv" / "pypi.sqlite3").is_file()
    assert kinds(out, NotificationKind.SCANNER_FAILURE) == []
    assert any("older than 30 days" in m for m in kinds(out, NotificationKind.WARNING))


def test_monorepo_every_project_and_lock_beside_pyproject(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({
        "a/pyproject.toml": '[project]\nname = "a"\ndependencies = ["vuln-pkg>=1"]\n',
        "a/uv.lock": '[[package]]\nname = "vuln-pkg"\nversion = "1.2"\n',
        "b/pyproject.toml": '[project]\nname = "b"\ndependencies = ["vuln-pkg==1.0", "c>=1"]\n',
        "c/Pipfile.lock": '{"default": {"vuln-pkg": {"version": "==1.1"}}}',
    }, db=str(db))
    where = sorted({(f.location.path, f.location.start_line, f.rule_id) for f in out.findings})
    assert where == [
        ("a/uv.lock", 2, "GHSA-4444-5555-6666"),
        ("a/uv.lock", 2, "PYSEC-2099-1"),
        # a/pyproject.toml's range is resolved by a/uv.lock: not reported as unpinned.
        ("b/pyproject.toml", 3, "GHSA-4444-5555-6666"),
        ("b/pyproject.toml", 3, "PYSEC-2099-1"),
        ("b/pyproject.toml", 3, "secsdlc.deps.unpinned-requirement"),
        ("c/Pipfile.lock", 1, "GHSA-4444-5555-6666"),
        ("c/Pipfile.lock", 1, "PYSEC-2099-1"),
    ]


def test_a_file_included_twice_is_reported_once(
    scan: Callable[..., ScannerOutput], db: Path
) -> None:
    out = scan({
        "requirements.txt": "-r requirements-base.txt\n",
        "requirements-dev.txt": "-r requirements-base.txt\n",
        "requirements-base.txt": "vuln-pkg==1.4\n",
    }, db=str(db))
    assert [(f.location.path, f.rule_id) for f in out.findings] == [
        ("requirements-base.txt", "GHSA-4444-5555-6666")]


def test_installed_environment() -> None:
    import pytest as pytest_module

    result = environment.parse()
    versions = {d.name: d for d in result.dependencies}
    assert versions["pytest"].version == pytest_module.__version__
    assert versions["pytest"].path.endswith("METADATA")
    assert versions["pytest"].line > 1
    assert all(d.pinned for d in result.dependencies)


def test_env_option_audits_the_environment(scan: Callable[..., ScannerOutput],
                                           tmp_path: Path, make_db: Callable[..., Path]) -> None:
    import pytest as pytest_module

    db = make_db(osv_record("PYSEC-2099-99", "pytest", versions=[pytest_module.__version__],
                            modified=RECENT))
    out = scan({}, env=True, db=str(db))
    [finding] = out.findings
    assert finding.rule_id == "PYSEC-2099-99"
    assert finding.location.path.endswith("METADATA")
    assert Path(finding.location.path).is_file()


def test_nothing_to_audit_opens_no_database(scan: Callable[..., ScannerOutput],
                                            tmp_path: Path) -> None:
    out = scan({"requirements.txt": "# empty\n"}, db=str(tmp_path / "absent.sqlite3"))
    assert out.findings == () and out.notifications == ()


def test_unpinned_only_still_needs_a_readable_database(
    scan: Callable[..., ScannerOutput], tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"\x00garbage" * 500)
    out = scan({"requirements.txt": "vuln-pkg>=1.0\n"}, db=str(corrupt))
    assert len(kinds(out, NotificationKind.SCANNER_FAILURE)) == 1
    assert [f.rule_id for f in out.findings] == ["secsdlc.deps.unpinned-requirement"]
