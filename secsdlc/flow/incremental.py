"""Rescans that analyse again only what a change can reach.

The analysis follows calls through imports, so what it finds from a file's functions depends on
that file, on every module it imports directly or not, and on the files that register routes
(they say which parameters come from a request). A file's entry in the cache is keyed by all of
those contents, the models and the analysis's own code: an unchanged key is reused, anything else
is analysed again. What each file imports is kept per content, so an unchanged file is not even
parsed.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from secsdlc.flow.project import ModuleIndex, module_name

_REGISTERS = frozenset({"path", "re_path", "add_url_rule", "add_route", "add_api_route",
                        "add_get", "add_post", "add_view", "include_router", "register_blueprint"})


@dataclass(frozen=True)
class Facts:
    """What the cache needs to know of one file's content."""

    imports: tuple[tuple[str, int, tuple[str, ...]], ...]  # (module, level, names)
    registers_routes: bool

    def to_json(self) -> dict[str, Any]:
        return {"imports": [[m, lv, list(n)] for m, lv, n in self.imports],
                "routes": self.registers_routes}

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Facts:
        return cls(tuple((str(m), int(lv), tuple(str(x) for x in n))
                         for m, lv, n in doc["imports"]), bool(doc["routes"]))


def facts_of(tree: ast.Module) -> Facts:
    imports: list[tuple[str, int, tuple[str, ...]]] = []
    routes = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.extend((alias.name, 0, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imports.append((node.module or "", node.level,
                            tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.Call) and not routes:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            routes = name in _REGISTERS
    return Facts(tuple(imports), routes)


def code_digest() -> str:
    """The analysis's own code: a new version analyses everything again."""
    digest = hashlib.sha256()
    package = resources.files("secsdlc.flow")
    for name in sorted(p.name for p in package.iterdir() if p.name.endswith(".py")):
        digest.update(name.encode())
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()


def dependencies(files: Iterable[str], facts: Mapping[str, Facts],
                 index: ModuleIndex) -> dict[str, set[str]]:
    """Each file's imports, as files of the project."""
    paths = list(files)
    out: dict[str, set[str]] = {}
    for path in paths:
        name, is_package = module_name(path)
        found: set[str] = set()
        for module, level, names in facts[path].imports if path in facts else ():
            base = ModuleIndex.absolute(name, is_package, module, level)
            dotted = [base] + [f"{base}.{n}" if base else n for n in names if n != "*"]
            if level == 0 and not names:
                parts = base.split(".")
                dotted = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
            for candidate in dotted:
                target = index.find(candidate) if candidate else None
                if target is not None:
                    found.add(index.by_name[target])
        found.discard(path)
        out[path] = found
    return out


def closures(graph: Mapping[str, set[str]]) -> dict[str, frozenset[str]]:
    """Every file reachable from each file through imports (itself included)."""
    out: dict[str, frozenset[str]] = {}
    for start in graph:
        seen = {start}
        stack = [start]
        while stack:
            for nxt in graph.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        out[start] = frozenset(seen)
    return out


def keys(closure: Mapping[str, frozenset[str]], digests: Mapping[str, str],
         routes: Iterable[str], context: str) -> dict[str, str]:
    route_part = "".join(sorted(f"{p}\0{digests[p]}" for p in routes))
    out = {}
    for path, reach in closure.items():
        digest = hashlib.sha256(context.encode())
        # files in one import cycle reach the same files: the entry is this file's own
        digest.update(f"\0{path}\0".encode())
        digest.update(route_part.encode())
        for dep in sorted(reach):
            digest.update(f"\0{dep}\0{digests[dep]}".encode())
        out[path] = digest.hexdigest()
    return out
