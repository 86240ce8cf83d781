"""Content-addressed result cache: a file already scanned with the same tool, version, rules
and options is not scanned again.

An entry holds one file's findings as they are after redaction (never a secret value, never a raw
bandit message that quoted one). Entries are written atomically (temporary file + rename), so
concurrent runs never see half an entry; an entry that does not parse, or whose recorded key is not
the one asked for, is ignored and rebuilt.

Every entry carries a MAC made with a key that neither the repository nor the cache directory
holds, so a cache written by someone else is a miss, never trusted. Which key, in this order
(`cache_key`, the one place that decides):

1. $SECSDLC_CACHE_KEY, a CI job's secret: the jobs that hold it share their cache;
2. in a CI system (`mode.ci_system`: CI or a vendor's own variable), a key made for this run
   alone: a cache restored from another job, or left on a persistent runner by an earlier job
   running as the same user, is never used, whatever the mode;
3. elsewhere (a developer's machine, advisory or enforce), a per-user key kept in the user
   configuration directory, which only that user can read: the user is the only writer. A key
   file that is not a regular file of at least 32 bytes, owned by this user and readable by no
   one else, is not used (this run's key instead, and a warning).
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secsdlc.mode import ci_system
from secsdlc.model import (
    Confidence,
    Finding,
    Location,
    Notification,
    NotificationKind,
    Rule,
    RuleId,
    ScannerName,
    Severity,
)

FORMAT = 2
KEY_ENV = "SECSDLC_CACHE_KEY"


KEY_FILE = "cache.key"
KEY_BYTES = 32
_KEY_FILE_MAX = 4096


@dataclass(frozen=True)
class CacheKey:
    """The key entries are authenticated with, where it comes from, and why a key file was not
    used (a warning for the user)."""

    key: bytes = field(repr=False)
    source: str
    warning: str | None = None


def cache_key(env: Mapping[str, str] | None = None, *,
              key_file: Path | None = None) -> CacheKey:
    """The key policy of the module's docstring."""
    env = os.environ if env is None else env
    given = env.get(KEY_ENV, "")
    if given:
        return CacheKey(hashlib.sha256(given.encode()).digest(), f"${KEY_ENV}")
    system = ci_system(env)
    if system is not None:
        return CacheKey(secrets.token_bytes(KEY_BYTES), f"this run alone ({system})")
    path = key_file or user_key_path()
    try:
        key = _user_key(path)
    except UntrustedKey as e:
        return CacheKey(secrets.token_bytes(KEY_BYTES), "this run alone",
                        warning=f"{path}: {e}: not used as the result cache's key, so the cache "
                                f"is not reused until the file is removed")
    if key is None:  # no writable configuration directory: the cache only costs time
        return CacheKey(secrets.token_bytes(KEY_BYTES), "this run alone")
    return CacheKey(key, str(path))


class UntrustedKey(Exception):
    """A key file someone other than this user may have read or written."""


def user_key_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("secsdlc", appauthor=False)) / KEY_FILE


def _user_key(path: Path) -> bytes | None:
    key = _read_key(path)
    if key is not None:
        return key
    try:
        return _new_key(path)
    except FileExistsError:  # another process made it first: theirs is the key
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    """The key in `path`, None when there is no such file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise UntrustedKey("a symbolic link") from None
        raise UntrustedKey(f"cannot be read ({e.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedKey("not a regular file")
        if os.name == "posix":
            if info.st_uid != os.geteuid():
                raise UntrustedKey("owned by another user")
            if info.st_mode & 0o077:
                raise UntrustedKey(f"mode {stat.S_IMODE(info.st_mode):o}: others may read or "
                                   "write it (it must be 600)")
        try:
            data = fh.read(_KEY_FILE_MAX + 1)
        except OSError as e:
            raise UntrustedKey(f"cannot be read ({e.strerror})") from None
    if len(data) < KEY_BYTES:
        raise UntrustedKey(f"{len(data)} bytes, shorter than a key ({KEY_BYTES})")
    if len(data) > _KEY_FILE_MAX:
        raise UntrustedKey("longer than a key file")
    return data


def _new_key(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{KEY_FILE}-")  # mode 600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        # a link never replaces a file: a concurrent reader sees no key or a whole one
        os.link(tmp, path)
    finally:
        os.unlink(tmp)
    return key


def cache_root() -> Path:
    override = os.environ.get("SECSDLC_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("secsdlc", appauthor=False))


@dataclass(frozen=True, kw_only=True)
class Entry:
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    rules: Mapping[RuleId, Rule]


class ResultCache:
    def __init__(self, directory: Path | None = None, *, key: bytes | None = None) -> None:
        self.directory = (directory or cache_root()) / "results"
        self._key = key if key is not None else cache_key().key

    def _mac(self, payload: bytes) -> str:
        return hmac.new(self._key, payload, hashlib.sha256).hexdigest()

    @staticmethod
    def key(*, path: str, content_digest: str, scanner: str, context: str) -> str:
        """What an entry depends on. The path too: a result may depend on the file's name as much
        as on its content (the secrets scanner lowers a credential in a Python docstring, never
        in a configuration file; a rule may be limited to some paths)."""
        raw = "\0".join((str(FORMAT), scanner, context, path, content_digest))
        return hashlib.sha256(raw.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, rel_path: str) -> Entry | None:
        doc = self.get_document(key)
        if doc is None:
            return None
        try:
            return _entry_from_json(doc, rel_path)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # corrupt: scanned again and rewritten

    def put(self, key: str, entry: Entry) -> None:
        self.put_document(key, _entry_to_json(entry))

    def get_document(self, key: str) -> dict[str, Any] | None:
        """Any JSON document stored under `key` (a scanner's own intermediate results)."""
        try:
            mac, _, payload = self._path(key).read_bytes().partition(b"\n")
            if not hmac.compare_digest(mac, self._mac(payload).encode()):
                return None  # not written with our key: rebuilt, never trusted
            doc = json.loads(payload)
        except (OSError, ValueError):
            return None  # missing or corrupt
        if not isinstance(doc, dict) or doc.get("key") != key or doc.get("format") != FORMAT:
            return None  # foreign or stale entry
        return doc

    def put_document(self, key: str, body: Mapping[str, Any]) -> None:
        path = self._path(key)
        doc = {"format": FORMAT, "key": key, **body}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(doc, separators=(",", ":")).encode()
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "wb") as fh:
                fh.write(self._mac(payload).encode() + b"\n" + payload)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _loc_json(loc: Location) -> dict[str, Any]:
    return {"l": loc.start_line, "c": loc.start_column, "el": loc.end_line,
            "ec": loc.end_column}


def _entry_to_json(entry: Entry) -> dict[str, Any]:
    return {
        "findings": [{
            "rule": f.rule_id, "scanners": list(f.scanners), "message": f.message,
            "severity": f.severity.value, "confidence": f.confidence.value,
            "loc": _loc_json(f.location), "cwe": list(f.cwe), "o25": list(f.owasp_2025),
            "o21": list(f.owasp_2021), "snippet": f.snippet, "help": f.help_uri,
            "fix": f.fix_hint, "props": dict(f.properties),
        } for f in entry.findings],
        "notifications": [{"kind": n.kind.value, "message": n.message,
                           "scanner": n.scanner} for n in entry.notifications],
        "rules": [{
            "id": r.id, "name": r.name, "short": r.short_description,
            "full": r.full_description, "help": r.help_text, "uri": r.help_uri,
            "severity": r.severity.value, "cwe": list(r.cwe), "o25": list(r.owasp_2025),
            "o21": list(r.owasp_2021), "precision": r.precision,
        } for r in entry.rules.values()],
    }


def _entry_from_json(doc: Mapping[str, Any], rel_path: str) -> Entry:
    findings = tuple(Finding(
        rule_id=RuleId(f["rule"]), scanners=tuple(ScannerName(s) for s in f["scanners"]),
        message=f["message"], severity=Severity(f["severity"]),
        confidence=Confidence(f["confidence"]),
        location=Location(path=rel_path, start_line=f["loc"]["l"], start_column=f["loc"]["c"],
                          end_line=f["loc"]["el"], end_column=f["loc"]["ec"]),
        cwe=tuple(f["cwe"]), owasp_2025=tuple(f["o25"]), owasp_2021=tuple(f["o21"]),
        snippet=f["snippet"], help_uri=f["help"], fix_hint=f["fix"],
        properties=dict(f["props"]),
    ) for f in doc["findings"])
    notes = tuple(Notification(kind=NotificationKind(n["kind"]), message=n["message"],
                               scanner=n["scanner"], path=rel_path)
                  for n in doc["notifications"])
    rules = {RuleId(r["id"]): Rule(
        id=RuleId(r["id"]), name=r["name"], short_description=r["short"],
        full_description=r["full"], help_text=r["help"], help_uri=r["uri"],
        severity=Severity(r["severity"]), cwe=tuple(r["cwe"]), owasp_2025=tuple(r["o25"]),
        owasp_2021=tuple(r["o21"]), precision=str(r.get("precision", ""))) for r in doc["rules"]}
    return Entry(findings=findings, notifications=notes, rules=rules)


def split_by_file(
    files: Iterable[str], findings: Iterable[Finding], notifications: Iterable[Notification],
    rules: Mapping[RuleId, Rule],
) -> dict[str, Entry]:
    """One entry per scanned file, each with the rules its findings use."""
    by_file: dict[str, tuple[list[Finding], list[Notification]]] = {f: ([], []) for f in files}
    for finding in findings:
        if finding.location.path in by_file:
            by_file[finding.location.path][0].append(finding)
    for note in notifications:
        if note.path in by_file:
            by_file[note.path][1].append(note)
    return {
        path: Entry(findings=tuple(fs), notifications=tuple(ns),
                    rules={f.rule_id: rules[f.rule_id] for f in fs if f.rule_id in rules})
        for path, (fs, ns) in by_file.items()
    }
