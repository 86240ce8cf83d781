"""The local OSV database: an indexed SQLite file, always replaced atomically.

An import builds a new file beside the current one and renames it over it only once it is complete,
so an interrupted or failed import or update leaves the previous database intact and usable. A
snapshot of the PyPA advisory database ships in the package and is unpacked into the cache the
first time a scan needs a database, so a fresh install audits offline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import lzma
import os
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from secsdlc.deps.interface import (
    Advisory,
    Affected,
    DatabaseError,
    ImportFailed,
    PackageName,
    Problem,
    Range,
    VulnId,
)
from secsdlc.deps.osv import RecordError, load_text, parse_record

if TYPE_CHECKING:
    from importlib.abc import Traversable

SCHEMA_VERSION = "1"
SNAPSHOT_NAME = "pypa-osv.sqlite3.xz"
RECORD_SUFFIXES = (".json", ".yaml", ".yml")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE advisory (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE affected (package TEXT NOT NULL, advisory TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX affected_package ON affected (package);
CREATE TABLE alias (alias TEXT NOT NULL, advisory TEXT NOT NULL);
CREATE INDEX alias_alias ON alias (alias);
"""


def cache_root() -> Path:
    override = os.environ.get("SECSDLC_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("secsdlc", appauthor=False))


def default_path() -> Path:
    return cache_root() / "osv" / "pypi.sqlite3"


def snapshot_resource() -> Traversable:
    return resources.files("secsdlc.deps.data") / SNAPSHOT_NAME


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    path: Path
    records: int
    withdrawn: int
    packages: int
    problems: tuple[Problem, ...] = ()
    skipped_records: int = 0  # records that could not be read at all (each one has a problem)


@dataclass(frozen=True, kw_only=True)
class DbInfo:
    path: Path
    records: int
    withdrawn: int
    packages: int
    newest_modified: dt.datetime | None
    imported_at: str
    source: str
    problems: int = 0
    skipped: int = 0  # records left out by an import run with keep_going

    def age_days(self, now: dt.datetime | None = None) -> float | None:
        if self.newest_modified is None:
            return None
        now = now or dt.datetime.now(dt.timezone.utc)
        return (now - self.newest_modified).total_seconds() / 86400.0


def _parse_time(text: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------- import


def iter_records(source: Path) -> Iterator[tuple[str, str | Problem]]:
    """(name, text) of every OSV record of a directory tree or an OSV zip (Problem: unreadable).

    Raises ImportFailed when the source itself cannot be opened (missing, truncated zip...).
    """
    if source.is_dir():
        # Hidden directories (.github workflows in an advisory-database checkout) hold no records.
        files = sorted(
            p for p in source.rglob("*")
            if p.suffix in RECORD_SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(source).parts)
        )
        for p in files:
            name = str(p)
            try:
                yield name, p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                yield name, Problem(path=name, line=0, message=f"cannot read: {e}")
        return
    if not source.exists():
        raise ImportFailed(f"{source}: no such file or directory")
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as e:
        raise ImportFailed(f"{source}: not a readable OSV zip: {e}") from e
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.endswith(RECORD_SUFFIXES):
                continue
            name = f"{source}!{info.filename}"
            try:
                data = archive.read(info)
                yield name, data.decode("utf-8")
            except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError,
                    lzma.LZMAError, zlib.error, ValueError) as e:
                yield name, Problem(path=name, line=0, message=f"cannot read from zip: {e}")


def build(
    source: Path,
    dest: Path,
    *,
    source_label: str | None = None,
    imported_at: str | None = None,
    keep_going: bool = False,
) -> ImportReport:
    """Import every OSV record of `source` into a new database that atomically replaces `dest`."""
    advisories: dict[str, Advisory] = {}
    affected: dict[str, tuple[Affected, ...]] = {}
    problems: list[Problem] = []
    skipped = 0
    for name, text in iter_records(source):
        if isinstance(text, Problem):
            problems.append(text)
            skipped += 1
            continue
        try:
            parsed = parse_record(load_text(text, name), path=name, text=text)
        except RecordError as e:
            problems.append(Problem(path=name, line=0, message=str(e)))
            skipped += 1
            continue
        problems.extend(parsed.problems)
        if not parsed.affected:
            continue  # no PyPI package in this record (an all-ecosystems export)
        vid = parsed.advisory.id
        if vid in advisories:
            problems.append(Problem(path=name, line=1, message=f"duplicate record {vid}: kept "
                                    "the last one read"))
        advisories[vid] = parsed.advisory
        affected[vid] = parsed.affected
    if skipped and not keep_going:
        listed = "; ".join([str(p) for p in problems if p.line == 0][:5])
        raise ImportFailed(
            f"{source}: {skipped} record(s) could not be read ({listed}); the database was not "
            "replaced (use --keep-going to import the readable records anyway)"
        )
    if not advisories:
        details = f" ({len(problems)} problem(s), first: {problems[0]})" if problems else ""
        raise ImportFailed(f"{source}: no PyPI OSV record could be imported{details}")

    newest = max((a.modified for a in advisories.values()), default="")
    withdrawn = sum(1 for a in advisories.values() if a.withdrawn)
    packages = {e.package for entries in affected.values() for e in entries}
    meta = {
        "schema": SCHEMA_VERSION,
        "records": str(len(advisories)),
        "withdrawn": str(withdrawn),
        "packages": str(len(packages)),
        "newest_modified": newest,
        "imported_at": imported_at
        or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "source": source_label or str(source),
        "problems": str(len(problems)),
        "skipped": str(skipped),
    }
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as db:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany(
                "INSERT INTO advisory VALUES (?, ?)",
                ((vid, json.dumps(asdict(a), separators=(",", ":")))
                 for vid, a in advisories.items()),
            )
            db.executemany(
                "INSERT INTO affected VALUES (?, ?, ?)",
                ((e.package, e.advisory, _dump_affected(e))
                 for entries in affected.values() for e in entries),
            )
            db.executemany(
                "INSERT INTO alias VALUES (?, ?)",
                ((alias, vid) for vid, a in advisories.items() for alias in (vid, *a.aliases)),
            )
            db.commit()
            db.execute("VACUUM")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return ImportReport(
        path=dest, records=len(advisories), withdrawn=withdrawn, packages=len(packages),
        problems=tuple(problems), skipped_records=skipped,
    )


def _dump_affected(e: Affected) -> str:
    return json.dumps(
        {"r": [[r.type, [list(ev) for ev in r.events]] for r in e.ranges],
         "v": list(e.versions), "p": e.problem},
        separators=(",", ":"),
    )


def _load_affected(package: str, advisory: str, data: str) -> Affected:
    raw = json.loads(data)
    return Affected(
        advisory=VulnId(advisory),
        package=PackageName(package),
        ranges=tuple(
            Range(type=t, events=tuple((k, v) for k, v in events)) for t, events in raw["r"]
        ),
        versions=tuple(raw["v"]),
        problem=raw["p"],
    )


def install_snapshot(dest: Path) -> Path:
    """Unpack the shipped snapshot to `dest` atomically; DatabaseError when it is not shipped."""
    resource = snapshot_resource()
    if not resource.is_file():
        raise DatabaseError(f"no database at {dest} and no shipped snapshot to start from")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        with resource.open("rb") as src, lzma.open(src) as xz, open(tmp, "wb") as out:
            while chunk := xz.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except (OSError, lzma.LZMAError) as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DatabaseError(f"cannot unpack the shipped database to {dest}: {e}") from e
    return dest


# ---------------------------------------------------------------- read


@dataclass
class Store:
    """A read-only view of one database file."""

    path: Path
    _db: sqlite3.Connection = field(init=False, repr=False)
    _advisories: dict[str, Advisory | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not self.path.is_file():
            raise DatabaseError(f"{self.path}: no vulnerability database (run `secsdlc db "
                                "import` or `secsdlc db update`)")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            check = self._db.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise DatabaseError(f"{self.path}: corrupt database: {check}")
            self._meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as e:
            raise DatabaseError(f"{self.path}: unreadable or corrupt database: {e}") from e
        if self._meta.get("schema") != SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.path}: database schema {self._meta.get('schema')!r} is not "
                f"{SCHEMA_VERSION!r}; re-import it with `secsdlc db import`"
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self) -> DbInfo:
        m = self._meta
        return DbInfo(
            path=self.path,
            records=int(m.get("records", "0")),
            withdrawn=int(m.get("withdrawn", "0")),
            packages=int(m.get("packages", "0")),
            newest_modified=_parse_time(m.get("newest_modified", "")),
            imported_at=m.get("imported_at", ""),
            source=m.get("source", ""),
            problems=int(m.get("problems", "0")),
            skipped=int(m.get("skipped", "0")),
        )

    def advisory(self, vid: str) -> Advisory | None:
        if vid not in self._advisories:
            try:
                row = self._db.execute("SELECT data FROM advisory WHERE id = ?",
                                       (vid,)).fetchone()
            except sqlite3.Error as e:
                raise DatabaseError(f"{self.path}: cannot read advisory {vid}: {e}") from e
            self._advisories[vid] = None if row is None else _load_advisory(row[0])
        return self._advisories[vid]

    def affected(self, package: PackageName) -> list[tuple[Advisory, Affected]]:
        """Every non-withdrawn advisory entry for this (canonical) package name."""
        try:
            rows = self._db.execute(
                "SELECT package, advisory, data FROM affected WHERE package = ?", (package,)
            ).fetchall()
        except sqlite3.Error as e:
            raise DatabaseError(f"{self.path}: cannot read entries of {package}: {e}") from e
        out: list[tuple[Advisory, Affected]] = []
        for pkg, vid, data in rows:
            advisory = self.advisory(vid)
            if advisory is None:
                raise DatabaseError(f"{self.path}: entry of {pkg} names missing advisory {vid}")
            if advisory.withdrawn:
                continue
            out.append((advisory, _load_affected(pkg, vid, data)))
        return out

    def packages(self) -> list[PackageName]:
        rows = self._db.execute("SELECT DISTINCT package FROM affected ORDER BY package")
        return [PackageName(r[0]) for r in rows]

    def by_alias(self, ids: set[str]) -> Advisory | None:
        """An advisory whose id or aliases meet `ids` (to score online results)."""
        for vid in sorted(ids):
            row = self._db.execute("SELECT advisory FROM alias WHERE alias = ?",
                                   (vid,)).fetchone()
            if row is not None:
                return self.advisory(row[0])
        return None


def _load_advisory(data: str) -> Advisory:
    raw = json.loads(data)
    for key in ("aliases", "cvss", "cwes", "references"):
        raw[key] = tuple(raw[key])
    raw["id"] = VulnId(raw["id"])
    return Advisory(**raw)


def open_default(path: Path | None = None) -> Store:
    """The database to scan with: `path` if given, else the cache one (unpacked on first use)."""
    if path is not None:
        return Store(path)
    target = default_path()
    if not target.exists():
        install_snapshot(target)
    return Store(target)
