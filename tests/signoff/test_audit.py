"""Audit log: hash chain, signatures, git anchoring, atomic and concurrent appends."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from secsdlc.signoff import audit
from secsdlc.signoff.audit import AuditError

from .conftest import commit_all


def _fill(root: Path, n: int, key=None) -> list[bytes]:
    for i in range(n):
        audit.append(root, action="waiver-request", actor=f"dev{i}@example.com",
                     data={"waiver": f"w{i}", "reason": "multi\nline ünïcode"}, key=key)
    return (root / audit.AUDIT_FILE).read_bytes().splitlines()


def _write(root: Path, lines: list[bytes]) -> None:
    (root / audit.AUDIT_FILE).write_bytes(b"".join(line + b"\n" for line in lines))


def test_chain_and_signatures_verify(tmp_path, make_key):
    lines = _fill(tmp_path, 3, key=make_key("admin@example.com").loaded)
    assert len(lines) == 3
    report = audit.verify(tmp_path)
    assert (report.entries, report.signed) == (3, 3)
    assert json.loads(lines[1])["prev"] != audit.GENESIS


def test_edited_line_is_named(tmp_path):
    lines = _fill(tmp_path, 4)
    lines[1] = lines[1].replace(b"dev1@", b"boss@")
    _write(tmp_path, lines)
    with pytest.raises(AuditError, match=r"log:3: does not chain to line 2 \(line 2 was edited"):
        audit.verify(tmp_path)


def test_edited_signed_line_is_named_itself(tmp_path, make_key):
    lines = _fill(tmp_path, 3, key=make_key("admin@example.com").loaded)
    lines[2] = lines[2].replace(b"dev2@", b"boss@")
    _write(tmp_path, lines)
    with pytest.raises(AuditError, match=r"audit.log:3: signature invalid: .*does not verify"):
        audit.verify(tmp_path)


@pytest.mark.parametrize("mutate,message", [
    (lambda ls: ls[:1] + ls[2:], r":2: does not chain to line 1"),          # deleted
    (lambda ls: [ls[0], ls[2], ls[1], ls[3]], r":2: does not chain"),       # reordered
    (lambda ls: ls[1:], r":1: first entry does not start the chain"),      # head deleted
    (lambda ls: [*ls[:2], ls[1], *ls[2:]], r":3: does not chain"),          # inserted copy
])
def test_removed_reordered_inserted_lines_are_named(tmp_path, mutate, message):
    lines = _fill(tmp_path, 4)
    _write(tmp_path, mutate(lines))
    with pytest.raises(AuditError, match=message):
        audit.verify(tmp_path)


def test_recomputed_chain_with_wrong_sequence_is_caught(tmp_path):
    _fill(tmp_path, 2)
    text = (tmp_path / audit.AUDIT_FILE).read_bytes()
    first = json.loads(text.splitlines()[0])
    first["seq"] = 5
    _write(tmp_path, [audit.canonical(first)])
    with pytest.raises(AuditError, match=":1: sequence number 5, expected 1"):
        audit.verify(tmp_path)


def test_truncated_tail_is_caught_through_git(repo):
    lines = _fill(repo, 3)
    commit_all(repo, "audit")
    _write(repo, lines[:2])  # chain of the remaining lines is intact
    assert audit.check_chain(b"".join(x + b"\n" for x in lines[:2]), "log") == (2, 0)
    with pytest.raises(AuditError, match=r"audit.log:3: committed entries from line 3 on",
    ):
        audit.verify(repo)


def test_history_rewrite_in_a_commit_is_caught(repo):
    lines = _fill(repo, 2)
    commit_all(repo, "audit")
    first = json.loads(lines[0])
    first["actor"] = "boss@example.com"
    _write(repo, [audit.canonical(first)])
    commit_all(repo, "rewrite")
    _fill(repo, 1)  # appending on top does not launder it
    with pytest.raises(AuditError, match=r"in commit [0-9a-f]{12}:1: differs from the committed"):
        audit.verify(repo)


def test_partial_last_line_is_detected_and_blocks_appends(tmp_path):
    _fill(tmp_path, 2)
    with (tmp_path / audit.AUDIT_FILE).open("ab") as f:
        f.write(b'{"seq":3,')
    with pytest.raises(AuditError, match=":3: incomplete last line"):
        audit.verify(tmp_path)
    with pytest.raises(AuditError, match="last line is incomplete"):
        _fill(tmp_path, 1)


def _append_many(root: str, worker: int) -> None:
    for i in range(10):
        audit.append(Path(root), action="test", actor=f"w{worker}", data={"i": i})


def test_concurrent_appends_keep_the_chain(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(str(tmp_path), w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    assert audit.verify(tmp_path).entries == 40
