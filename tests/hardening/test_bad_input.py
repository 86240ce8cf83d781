"""Bad input gets exit 2 and one line naming the file, key or flag: never a traceback, never a
replaced device, never a lost previous report, never a hang."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from secsdlc.cli import main

from ..history.helpers import our_result, our_sarif, write
from .conftest import commit_all, secsdlc

VULNERABLE = "import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n"
DEEP = "[" * 100_000 + "]" * 100_000


def _one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("secsdlc: error:")]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    root.mkdir()
    (root / "app.py").write_text(VULNERABLE)
    return root


@pytest.fixture
def sarif_file(tmp_path: Path) -> Path:
    return write(tmp_path / "in.sarif", our_sarif([our_result("a")]))


# --- output paths, checked before the scan -----------------------------------------------------


def test_scan_output_that_is_a_directory(tree: Path) -> None:
    (tree / "out").mkdir()
    proc = secsdlc("scan", "--scanners", "bandit", "--output", "out", ".", cwd=tree)
    _one_line_error(proc, "--output out", "is a directory")
    assert "scanned with" not in proc.stdout  # refused before the scan


def test_scan_output_and_sarif_to_the_same_file(tree: Path) -> None:
    proc = secsdlc("scan", "--scanners", "bandit", "--output", "r.json", "--sarif",
                   str(tree / "r.json"), ".", cwd=tree)
    _one_line_error(proc, f"--sarif {tree / 'r.json'}", "the same file as --output r.json")
    assert not (tree / "r.json").exists()


def test_scan_sarif_under_a_file_where_a_directory_is_expected(tree: Path) -> None:
    proc = secsdlc("scan", "--scanners", "bandit", "--sarif", "app.py/out.sarif", ".", cwd=tree)
    _one_line_error(proc, "--sarif app.py/out.sarif", "not a directory")
    assert (tree / "app.py").read_text() == VULNERABLE


def test_scan_output_over_a_fifo_is_refused_and_the_fifo_kept(tree: Path) -> None:
    os.mkfifo(tree / "report.txt")
    proc = secsdlc("scan", "--scanners", "bandit", "--output", "report.txt", ".", cwd=tree,
                   timeout=60)
    _one_line_error(proc, "--output report.txt", "not a regular file")
    assert stat.S_ISFIFO((tree / "report.txt").lstat().st_mode)


def test_sarif_merge_never_replaces_a_device(tmp_path: Path, sarif_file: Path) -> None:
    # /dev/null stands for /dev/full: any non-regular file must survive
    proc = secsdlc("sarif", "merge", os.devnull, str(sarif_file), cwd=tmp_path)
    _one_line_error(proc, f"OUT {os.devnull}", "not a regular file")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_sarif_merge_into_one_of_its_inputs(tmp_path: Path, sarif_file: Path) -> None:
    before = sarif_file.read_text()
    proc = secsdlc("sarif", "merge", str(sarif_file), str(sarif_file), cwd=tmp_path)
    _one_line_error(proc, "the same file as OUT")
    assert sarif_file.read_text() == before


def test_baseline_create_output_is_a_directory(tree: Path) -> None:
    (tree / "b").mkdir()
    proc = secsdlc("baseline", "create", "--scanners", "bandit", "-o", "b", ".", cwd=tree)
    _one_line_error(proc, "--output b", "is a directory")


def test_signoff_output_is_a_directory(tree: Path, tmp_path: Path) -> None:
    (tree / "out").mkdir()
    sarif = write(tmp_path / "s.sarif", our_sarif([our_result("f1")]))
    proc = secsdlc("signoff", "--sarif", str(sarif), "--key", str(tmp_path / "no-key"),
                   "-o", "out", cwd=tree)
    _one_line_error(proc, "--output out", "is a directory")


def test_ci_github_output_dir_is_a_file(tree: Path, tmp_path: Path) -> None:
    proc = secsdlc("ci", "github", "--output-dir", "app.py", "--scanners", "bandit", cwd=tree,
                   env={"GITHUB_EVENT_NAME": "push", "GITHUB_WORKSPACE": str(tree)})
    _one_line_error(proc, "--output-dir app.py", "is a file, not a directory")


def test_install_hooks_when_git_hooks_is_a_file(repo: Path) -> None:
    hooks = repo / ".git" / "hooks"
    if hooks.is_dir():
        for child in hooks.iterdir():
            child.unlink()
        hooks.rmdir()
    hooks.write_text("not a directory\n")
    proc = secsdlc("install-hooks", cwd=repo)
    _one_line_error(proc, "hooks", "not a directory")
    assert hooks.read_text() == "not a directory\n"


def test_waiver_request_when_the_waiver_directory_is_a_file(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".secsdlc").mkdir()
    (repo / ".secsdlc" / "waivers").write_text("x\n")
    from ..signoff.world import request_args

    code = main(["waiver", "--root", str(repo), "request", *request_args(repo, path="a.py"),
                 "--reason", "r", "--expires", "2026-12-24"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "waivers" in err and "not a directory" in err


def _limited_file_size(limit: int) -> None:
    # stands in for a full disk: writes past `limit` bytes fail with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


FULL_AT = 64 * 1024  # room for the database's shared-memory index, not for the report


def _full_disk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "secsdlc", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300,
                          preexec_fn=lambda: _limited_file_size(FULL_AT))


def test_full_disk_keeps_the_previous_trends_and_html_report(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    sarif = write(tmp_path / "s.sarif",
                  our_sarif([our_result(f"f{i}", line=i + 1) for i in range(400)]))
    assert secsdlc("history", "record", str(sarif), "--project", "p", "--db", db, "--commit",
                   "c", "--branch", "b", cwd=tmp_path).returncode == 0
    for argv, out in ((["trends", "--db", db, "--format", "json", "-o", "t.json"], "t.json"),
                      (["report", "--db", db, "--html", "r.html"], "r.html")):
        good = secsdlc(*argv, cwd=tmp_path)
        assert good.returncode == 0, good.stderr
        before = (tmp_path / out).read_bytes()
        assert len(before) > FULL_AT
        proc = _full_disk(*argv, cwd=tmp_path)
        _one_line_error(proc, out, "cannot write")
        assert (tmp_path / out).read_bytes() == before
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- inputs ---------------------------------------------------------------------------------


def test_deeply_nested_json_is_an_input_error(tmp_path: Path, repo: Path,
                                             make_key) -> None:  # type: ignore[no-untyped-def]
    deep = tmp_path / "deep.sarif"
    deep.write_text(DEEP)
    _one_line_error(secsdlc("gate", "--sarif", str(deep), cwd=repo), "deep.sarif", "nested")
    _one_line_error(secsdlc("sarif", "merge", str(tmp_path / "m.sarif"), str(deep), cwd=repo),
                    "deep.sarif", "nested")
    _one_line_error(secsdlc("report", str(deep), "--html", str(tmp_path / "r.html"), cwd=repo),
                    "deep.sarif", "nested")
    key = make_key("sec@example.com")
    assert secsdlc("correspondent", "--root", str(repo), "add", key.principal, str(key.public),
                   "--key", str(key.private), cwd=repo).returncode == 0
    _one_line_error(secsdlc("signoff", "--sarif", str(deep), "--key", str(key.private),
                            "--no-note", cwd=repo), "deep.sarif")


def test_binary_public_key_is_an_input_error(repo: Path, tmp_path: Path,
                                             make_key) -> None:  # type: ignore[no-untyped-def]
    admin = make_key("admin@example.com")
    binary = tmp_path / "key.pub"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe")
    proc = secsdlc("correspondent", "--root", str(repo), "add", "x@example.com", str(binary),
                   "--key", str(admin.private), cwd=repo)
    _one_line_error(proc, "public key", "key.pub", "binary")


def test_binary_audit_entry_is_an_input_error(repo: Path) -> None:
    entry = repo / ".secsdlc" / "audit" / f"{'0' * 64}.json"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"\xff\xfe\0\x01garbage")
    for action in ("show", "verify"):
        _one_line_error(secsdlc("audit", "--root", str(repo), action, cwd=repo), "audit entry",
                        entry.name, "binary")


def test_binary_signoff_file_fails_the_gate_with_its_name(repo: Path, tmp_path: Path,
                                                          sarif_file: Path) -> None:
    binary = tmp_path / "signoff.bin"
    binary.write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF")
    proc = secsdlc("gate", "--sarif", str(sarif_file), "--require-signoff", "--signoff",
                   str(binary), "--trust-root", "SHA256:" + "A" * 43, cwd=repo)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr


def test_reading_a_fifo_never_blocks(tmp_path: Path, tree: Path) -> None:
    fifo = tmp_path / "in.sarif"
    os.mkfifo(fifo)
    _one_line_error(secsdlc("gate", "--sarif", str(fifo), cwd=tmp_path, timeout=60),
                    "in.sarif", "not a regular file")
    os.mkfifo(tree / "pipe.py")
    proc = secsdlc("scan", "--scanners", "bandit", "--no-cache", ".", cwd=tree, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr  # app.py's finding may block: no matter
    assert "pipe.py" in proc.stdout and "not a regular file" in proc.stdout


def test_a_device_is_never_read_to_its_end(tmp_path: Path) -> None:
    proc = secsdlc("scan", "--scanners", "secrets", "--no-cache", "--root", "/dev", "/dev/zero",
                   cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    _one_line_error(secsdlc("gate", "--sarif", "/dev/zero", cwd=tmp_path, timeout=60),
                    "/dev/zero", "not a regular file")


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    sarif = write(tmp_path / "big.sarif",
                  our_sarif([our_result(f"f{i}", line=i + 1) for i in range(300)]))
    db = f"sqlite:///{tmp_path / 'history.db'}"
    for argv in (["gate", "--sarif", str(sarif), "--format", "json"], ["scanners"],
                 ["trends", "--db", db]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before the first line, as with `| true`
        try:
            proc = subprocess.run([sys.executable, "-m", "secsdlc", *argv], cwd=tmp_path,
                                  stdout=write_end, stderr=subprocess.PIPE, text=True,
                                  timeout=120)
        finally:
            os.close(write_end)
        assert proc.returncode == 141, proc.stderr
        assert proc.stderr == ""


@pytest.mark.parametrize(("toml", "key"), [
    ("tool = 5\n", "tool: must be a table"),
    ('[tool.secsdlc]\npolicy = "strict"\n', "tool.secsdlc.policy: must be a table"),
    ("[tool.secsdlc]\nsuppressions = 5\n", "tool.secsdlc.suppressions: must be a table"),
    ('[tool.secsdlc]\nhistory = "x"\n', "tool.secsdlc.history: must be a table"),
    ("[tool.secsdlc.scanners.bandit]\ntimeout = -1\n",
     "tool.secsdlc.scanners.bandit.timeout: must be a positive number"),
])
def test_configuration_type_errors_name_the_key(tree: Path, toml: str, key: str) -> None:
    (tree / "pyproject.toml").write_text(toml)
    proc = secsdlc("scan", "--scanners", "bandit", "--config", "pyproject.toml", ".", cwd=tree)
    _one_line_error(proc, f"pyproject.toml: {key}")


# --- waiver files: one bad file is invalid alone ------------------------------------------------


def _waiver(repo: Path, name: str, text: str) -> None:
    directory = repo / ".secsdlc" / "waivers"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text)


def test_a_bad_waiver_file_is_invalid_alone(repo: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime, timedelta, timezone

    from secsdlc.model import Severity
    from secsdlc.signoff import waivers

    from ..signoff.world import covers

    good = waivers.new_waiver(
        project="", covered=[covers("f", path="app.py", severity=Severity.LOW)],
        reason="r", requester="dev@example.com",
        created=datetime.now(timezone.utc).replace(microsecond=0),
        expires=datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=10))
    waivers.save(repo, good)
    data = json.loads(good.to_json())
    surrogate = json.dumps({**data, "id": "w-0000000000000002"}).replace('"r"', '"\\ud800"')
    _waiver(repo, "w-0000000000000002.json", surrogate)
    duplicate = json.dumps({**data, "id": "w-0000000000000003"})[:-1] + ', "reason": "other"}'
    _waiver(repo, "w-0000000000000003.json", duplicate)
    _waiver(repo, "w-0000000000000004.json", DEEP)
    (repo / "app.py").write_text(VULNERABLE)
    commit_all(repo, "waivers")
    assert main(["waiver", "--root", str(repo), "list"]) == 0
    out = capsys.readouterr().out
    assert f"{good.id}  pending" in out
    assert "w-0000000000000002.json  invalid" in out and "surrogate" in out
    assert "w-0000000000000003.json  invalid" in out and "duplicate key 'reason'" in out
    assert "w-0000000000000004.json  invalid" in out and "nested" in out
    proc = secsdlc("scan", "--scanners", "bandit", "--no-cache", ".", cwd=repo)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    assert "w-0000000000000003.json" in proc.stdout  # named among the notes, not fatal


# --- flags, SARIF numbers, file names, databases, rule files -----------------------------------


def test_a_diff_base_that_looks_like_an_option_is_a_revision(repo: Path) -> None:
    (repo / "app.py").write_text(VULNERABLE)
    commit_all(repo, "app")
    proc = secsdlc("scan", "--scanners", "bandit", "--diff-base=--output=x", ".", cwd=repo)
    _one_line_error(proc, "--diff-base --output=x", "no such revision")
    assert not (repo / "x").exists()


def test_a_start_line_beyond_any_file_is_refused_by_history_record(tmp_path: Path) -> None:
    doc = our_sarif([our_result("a", line=10**30)])
    sarif = write(tmp_path / "huge.sarif", doc)
    proc = secsdlc("history", "record", "--project", "p", "--db",
                   f"sqlite:///{tmp_path / 'h.db'}", str(sarif), cwd=tmp_path)
    _one_line_error(proc, "huge.sarif", "region.startLine", "must be a positive integer up to")


def test_a_file_named_like_an_option_is_scanned(tree: Path) -> None:
    (tree / "-rf.py").write_text(VULNERABLE)
    proc = secsdlc("scan", "--scanners", "bandit", "--format", "json", ".", cwd=tree)
    assert proc.returncode == 1, proc.stderr
    found = {(f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("-rf.py", "B602") in found and ("app.py", "B602") in found


def test_a_history_database_without_its_version_table_is_named(tmp_path: Path,
                                                                sarif_file: Path) -> None:
    import sqlite3

    db = tmp_path / "h.db"
    url = f"sqlite:///{db}"
    recorded = secsdlc("history", "record", "--project", "p", "--db", url, str(sarif_file),
                       cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE alembic_version")
    proc = secsdlc("history", "record", "--project", "p", "--db", url, str(sarif_file),
                   cwd=tmp_path)
    _one_line_error(proc, "h.db", "no schema version (alembic_version)")
    assert "already exists" not in proc.stderr


def test_rules_test_names_the_invalid_yaml_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("rules:\n  - id: x\n    pattern: [unclosed\n")
    (rules / "broken.py").write_text("x = 1\n")
    proc = secsdlc("rules", "test", "--rules", str(rules), cwd=tmp_path)
    _one_line_error(proc, "broken.yaml", "invalid YAML at line 4")
    assert "_ruamel_yaml" not in proc.stderr
