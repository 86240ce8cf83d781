"""Rescans that analyse again only what a change can reach.

What the analysis finds from one file's code depends on that file, on the modules it consulted
while analysing it (every module whose names it looked up, functions it followed or globals it
read), and on the files that register routes (they say which parameters come from a request).
Each file's entry in the cache records those modules with their contents' digests; the entry is
reused only while every one of them is unchanged. Whether a file registers routes is kept per
content, so an unchanged file is not even parsed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from importlib import resources


def route_pattern(names: Iterable[str]) -> re.Pattern[bytes]:
    """A call of any of `names` (the models' route registrations), found in a file's text."""
    return re.compile(rb"\b(?:" + b"|".join(sorted(re.escape(n.encode()) for n in names))
                      + rb")\s*\(")


def registers_routes(source: bytes, pattern: re.Pattern[bytes]) -> bool:
    """Whether a file may register routes: a word test on its text, cheaper than its tree
    (a false yes only makes the file part of every entry's key)."""
    return pattern.search(source) is not None


def code_digest() -> str:
    """The analysis's own code: a new version analyses everything again."""
    digest = hashlib.sha256()
    package = resources.files("secsdlc.flow")
    for name in sorted(p.name for p in package.iterdir() if p.name.endswith((".py", ".yaml"))):
        digest.update(name.encode())
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()


def routes_digest(routes: Iterable[tuple[str, str]]) -> str:
    """The files that register routes, with their contents: part of every entry's key."""
    raw = hashlib.sha256(b"taint-routes")
    for route, route_digest in sorted(routes):
        raw.update(f"\0{route}\0{route_digest}".encode())
    return raw.hexdigest()


def entry_key(path: str, digest: str, context: str) -> str:
    """Where a file's results are kept: its path and content, and `context` (the route files,
    the models and the analysis's code). The modules it depends on are checked against the
    entry itself."""
    return hashlib.sha256(f"taint-file\0{context}\0{path}\0{digest}".encode()).hexdigest()


def still_valid(depends: Iterable[tuple[str, str]], digests: Mapping[str, str]) -> bool:
    return all(digests.get(path) == digest for path, digest in depends)
