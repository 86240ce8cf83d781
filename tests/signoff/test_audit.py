"""Audit log: one file per entry, hash links, signatures, git anchoring, concurrent appends."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from secsdlc.signoff import audit
from secsdlc.signoff.audit import AuditError
from secsdlc.signoff.canonical import canonical

from .conftest import commit_all, git


def _fill(root: Path, n: int, key=None, tag: str = "dev") -> list[Path]:
    made = []
    for i in range(n):
        entry = audit.append(root, action="waiver-request", actor=f"{tag}{i}@example.com",
                             data={"waiver": f"w{i}", "reason": "multi\nline ünïcode"}, key=key)
        made.append(root / audit.AUDIT_DIR / f"{audit.entry_id(entry)}.json")
    return made


def test_links_and_signatures_verify(tmp_path, make_key):
    files = _fill(tmp_path, 3, key=make_key("admin@example.com").loaded)
    report = audit.verify(tmp_path)
    assert (report.entries, report.signed) == (3, 3)
    second = json.loads(files[1].read_text())
    assert second["prev"] == [files[0].stem]


def test_edited_entry_is_named(tmp_path):
    files = _fill(tmp_path, 3)
    files[1].write_bytes(files[1].read_bytes().replace(b"dev1@", b"boss@"))
    with pytest.raises(AuditError, match=rf"{files[1].name}: content does not match its name"):
        audit.verify(tmp_path)


def test_edited_entry_renamed_to_its_new_hash_breaks_the_link(tmp_path):
    files = _fill(tmp_path, 3)
    body = json.loads(files[1].read_text())
    body["actor"] = "boss@example.com"
    files[1].unlink()
    renamed = files[1].with_name(f"{audit.entry_id(body)}.json")
    renamed.write_bytes(canonical(body) + b"\n")
    with pytest.raises(AuditError, match=rf"{files[2].name}: names entry {files[1].stem[:12]}, "
                                         "which is missing"):
        audit.verify(tmp_path)


def test_edited_signed_entry_fails_its_signature(tmp_path, make_key):
    files = _fill(tmp_path, 2, key=make_key("admin@example.com").loaded)
    body = json.loads(files[1].read_text())
    body["actor"] = "boss@example.com"
    files[1].unlink()
    (tmp_path / audit.AUDIT_DIR / f"{audit.entry_id(body)}.json").write_bytes(
        canonical(body) + b"\n")
    with pytest.raises(AuditError, match=r"signature invalid: .*does not verify"):
        audit.verify(tmp_path)


def test_non_canonical_entry_is_refused(tmp_path):
    files = _fill(tmp_path, 1)
    pretty = json.dumps(json.loads(files[0].read_text()), indent=1).encode()
    files[0].unlink()
    import hashlib

    (tmp_path / audit.AUDIT_DIR / f"{hashlib.sha256(pretty).hexdigest()}.json").write_bytes(
        pretty)
    with pytest.raises(AuditError):
        audit.verify(tmp_path)


def test_removed_newest_entry_is_caught_through_git(repo):
    files = _fill(repo, 3)
    commit_all(repo, "audit")
    files[2].unlink()  # the links of the others are intact
    assert audit.verify(repo, use_git=False).entries == 2
    with pytest.raises(AuditError, match=rf"{files[2].name}: committed, and deleted in the "
                                         "working tree"):
        audit.verify(repo)
    bad = commit_all(repo, "drop it")
    _fill(repo, 1)  # appending on top does not launder it
    with pytest.raises(AuditError, match=rf"{files[2].name}: deleted in commit {bad[:12]}"):
        audit.verify(repo)


def test_two_branches_appending_merge_and_verify(repo):
    _fill(repo, 1)
    commit_all(repo, "audit")
    git(repo, "checkout", "-q", "-b", "side")
    _fill(repo, 2, tag="side")
    commit_all(repo, "side entries")
    git(repo, "checkout", "-q", "main")
    _fill(repo, 1, tag="main")
    commit_all(repo, "main entry")
    git(repo, "merge", "-q", "--no-edit", "side")  # the default merge commit, no conflict
    assert audit.verify(repo).entries == 4
    [newest] = [audit.entry_id(e) for e in [audit.append(repo, action="test", actor="x",
                                                          data={})]]
    body = json.loads((repo / audit.AUDIT_DIR / f"{newest}.json").read_text())
    assert len(body["prev"]) == 2  # it names the newest entry of each side
    assert audit.verify(repo).entries == 5


def test_a_merge_dropping_the_other_sides_entries_is_caught(repo):
    _fill(repo, 1)
    commit_all(repo, "audit")
    git(repo, "checkout", "-q", "-b", "side")
    [entry] = _fill(repo, 1, tag="side")
    commit_all(repo, "side entry")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-edit", "-s", "ours", "side")
    merge = git(repo, "rev-parse", "HEAD").strip()
    with pytest.raises(AuditError, match=rf"{entry.name}: deleted in commit {merge[:12]}"):
        audit.verify(repo)


def _append_many(root: str, worker: int) -> None:
    for i in range(10):
        audit.append(Path(root), action="test", actor=f"w{worker}", data={"i": i})


def test_concurrent_appends_name_each_other(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(str(tmp_path), w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    assert audit.verify(tmp_path).entries == 40
    bodies = [json.loads(p.read_text()) for p in (tmp_path / audit.AUDIT_DIR).glob("*.json")]
    named = {prev for b in bodies for prev in b["prev"]}
    assert len({p.stem for p in (tmp_path / audit.AUDIT_DIR).glob("*.json")} - named) == 1
