"""Abstract values of the taint analysis.

A value is a point of a lattice that says at once what is known of its content (a constant, a
string's constant prefix and suffix, the elements of a container by position or constant key, the
fields of an object, what it refers to) and where untrusted data in it came from (taints, each
with the steps that carried it). Joins keep what both sides agree on and the union of taints;
containers that disagree on their shape fall back to one element value for every position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

# The lattice is kept small so that every fixpoint ends quickly: a value holds at most this many
# distinct taints, a container this many known positions, a path this many steps.
MAX_TAINTS = 3
MAX_ITEMS = 16
MAX_STEPS = 14
MAX_DEPTH = 4

# Every sink kind a sanitizer can clear at once ("int()", a digest).
ALL_KINDS = "*"
# Not a sink kind: a URL whose scheme was checked against an allow-list (http, https), so it
# cannot be a `javascript:` URL.
URL_SCHEME = "url-scheme"
# Stands, in a string's known ends, for text the server chose that the analysis does not know
# (`f"https://{settings.host}/api/{path}"` starts with a scheme and a host of the server's).
SERVER_TEXT = "\x00"

# Steps, taints and values are immutable by convention, not declared frozen: a frozen
# dataclass's constructor sets each field through object.__setattr__, and building values is
# the analysis's most frequent operation. They hash by content, as frozen ones would.


@dataclass(slots=True, order=True, unsafe_hash=True)
class Step:
    """One place on a source-to-sink path."""

    path: str
    line: int
    col: int
    note: str


@dataclass(slots=True, unsafe_hash=True)
class Taint:
    """Untrusted data from one source, and the kinds of sink it was made safe for."""

    kind: str  # "remote" reaches findings; "param" marks an argument of unknown origin
    trace: tuple[Step, ...]
    cleared: frozenset[str] = frozenset()

    @property
    def source(self) -> Step:
        return self.trace[0]

    def reaches(self, sink_kind: str) -> bool:
        return ALL_KINDS not in self.cleared and sink_kind not in self.cleared

    def extend(self, step: Step) -> Taint:
        if self.trace and self.trace[-1] == step:
            return self
        trace = (*self.trace, step)
        if len(trace) > MAX_STEPS:
            trace = trace[:2] + trace[-(MAX_STEPS - 2):]
        return Taint(self.kind, trace, self.cleared)

    def clear(self, kinds: frozenset[str]) -> Taint:
        return Taint(self.kind, self.trace, self.cleared | kinds)


class _NoConst:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOCONST"


NOCONST: object = _NoConst()
Key = str | int | bool | None


@dataclass(slots=True, unsafe_hash=True)
class Value:
    const: object = NOCONST
    taints: frozenset[Taint] = frozenset()
    # Kinds of sink this value is proven safe for whatever its origin: the output of a sanitizer
    # or a constant. A must-property: a join keeps only what both sides prove.
    safe: frozenset[str] = frozenset()
    prefix: str = ""  # known constant start of a string value
    suffix: str = ""
    ctype: str | None = None  # "list", "tuple", "dict", "set", or a type tag ("requests.Session")
    items: tuple[Value, ...] | None = None  # list/tuple elements by position
    keys: tuple[tuple[Key, Value], ...] | None = None  # dict entries by constant key
    rest: Value | None = None  # elements at unknown positions or keys
    fields: tuple[tuple[str, Value], ...] | None = None  # attributes of an object
    ref: str | None = None  # what a name denotes: "subprocess.run", a project function...
    # the callables a value may be when it is one of several (a handler looked up in a table
    # of the project's own: `ROUTES.get(path, not_found)`)
    alts: frozenset[str] | None = None

    # -- queries -------------------------------------------------------------------------------
    @property
    def is_const(self) -> bool:
        return self.const is not NOCONST

    def all_taints(self, depth: int = 0) -> frozenset[Taint]:
        """The taints of the value and of everything it contains."""
        if self.items is None and self.keys is None and self.rest is None and \
                self.fields is None:
            return self.taints
        found = set(self.taints)
        if depth < MAX_DEPTH:
            for child in self.children():
                found |= child.all_taints(depth + 1)
        return frozenset(found)

    def children(self) -> Iterable[Value]:
        if self.items is not None:
            yield from self.items
        if self.keys is not None:
            yield from (v for _, v in self.keys)
        if self.rest is not None:
            yield self.rest
        if self.fields is not None:
            yield from (v for _, v in self.fields)

    def proven_safe(self, kind: str) -> bool:
        """No content of unknown origin can reach a sink of `kind` through this value."""
        if any(t.reaches(kind) for t in self.taints):
            return False
        if self.is_const or kind in self.safe or ALL_KINDS in self.safe:
            return True
        if self.items is not None and self.rest is None and self.fields is None:
            return all(v.proven_safe(kind) for v in self.items)
        return False

    def field(self, name: str) -> Value | None:
        if self.fields is None:
            return None
        for key, value in self.fields:
            if key == name:
                return value
        return None

    def key(self, key: Key) -> Value | None:
        if self.keys is None:
            return None
        for k, value in self.keys:
            if k == key and type(k) is type(key):
                return value
        return None

    def element(self) -> Value:
        """Any one element, as when iterating."""
        parts = list(self.items or ()) + [v for _, v in self.keys or ()]
        if self.rest is not None:
            parts.append(self.rest)
        if not parts:
            if isinstance(self.const, str) and self.const:
                return Value(safe=frozenset({ALL_KINDS}), const=NOCONST)
            return Value(taints=self.taints)
        out = join_all(parts)
        return with_taints(out, self.taints) if self.taints else out

    # -- construction --------------------------------------------------------------------------
    def with_field(self, name: str, value: Value) -> Value:
        fields = (*tuple((k, v) for k, v in self.fields or () if k != name), (name, value))
        return Value(self.const, self.taints, self.safe, self.prefix, self.suffix, self.ctype,
                     self.items, self.keys, self.rest, fields[-MAX_ITEMS:], self.ref)

    def with_key(self, key: Key, value: Value) -> Value:
        kept = tuple((k, v) for k, v in self.keys or ()
                     if not (k == key and type(k) is type(key)))
        keys = (*kept, (key, value))
        if len(keys) > MAX_ITEMS:
            return replace(self, keys=None, rest=join_all([v for _, v in keys]))
        return replace(self, keys=keys)


UNKNOWN = Value()
NONE = Value(const=None)


def const(value: object) -> Value:
    if isinstance(value, str):
        return Value(const=value, prefix=value, suffix=value)
    return Value(const=value)


def tainted(taint: Taint, **kw: object) -> Value:
    """A value that is all of one source's data: what that data was cleared of, it is safe for."""
    kw.setdefault("safe", taint.cleared)
    return Value(taints=frozenset({taint}), **kw)  # type: ignore[arg-type]


def with_taints(value: Value, taints: Iterable[Taint]) -> Value:
    merged = _bound(value.taints | frozenset(taints))
    if merged == value.taints:
        return value
    return Value(NOCONST, merged, frozenset(), value.prefix, value.suffix, value.ctype,
                 value.items, value.keys, value.rest, value.fields, value.ref)


def derived(parts: Iterable[Value], *, safe: frozenset[str] = frozenset(),
            prefix: str = "", suffix: str = "") -> Value:
    """A value computed from others: it carries every taint they hold."""
    taints: set[Taint] = set()
    for part in parts:
        taints |= part.all_taints()
    return Value(taints=_bound(frozenset(taints)), safe=safe, prefix=prefix, suffix=suffix)


def container(ctype: str, items: Iterable[Value] | None = None, rest: Value | None = None,
              keys: Iterable[tuple[Key, Value]] | None = None) -> Value:
    item_tuple = tuple(items) if items is not None else None
    if item_tuple is not None and len(item_tuple) > MAX_ITEMS:
        rest = join_all([*item_tuple, *([rest] if rest else [])])
        item_tuple = None
    return Value(ctype=ctype, items=item_tuple, rest=rest,
                 keys=tuple(keys) if keys is not None else None)


def map_taints(value: Value, fn: object, depth: int = 0) -> Value:
    """The value with `fn` applied to every taint inside it (a step added, a kind cleared)."""
    f = fn  # typed loosely: Callable[[Taint], Taint]
    leaf = value.items is None and value.keys is None and value.rest is None and \
        value.fields is None
    if not value.taints and leaf:
        return value
    taints = frozenset(f(t) for t in value.taints)  # type: ignore[operator]
    if depth >= MAX_DEPTH or leaf:
        return Value(value.const, taints, value.safe, value.prefix, value.suffix, value.ctype,
                     value.items, value.keys, value.rest, value.fields, value.ref)
    return Value(
        value.const, taints, value.safe, value.prefix, value.suffix, value.ctype,
        tuple(map_taints(v, fn, depth + 1) for v in value.items)
        if value.items is not None else None,
        tuple((k, map_taints(v, fn, depth + 1)) for k, v in value.keys)
        if value.keys is not None else None,
        map_taints(value.rest, fn, depth + 1) if value.rest is not None else None,
        tuple((k, map_taints(v, fn, depth + 1)) for k, v in value.fields)
        if value.fields is not None else None,
        value.ref,
    )


def _bound(taints: frozenset[Taint]) -> frozenset[Taint]:
    if len(taints) <= MAX_TAINTS:
        return taints
    # one taint per (source, cleared kinds), the shortest path first: the rest add nothing a
    # reviewer needs
    best: dict[tuple[Step, frozenset[str], str], Taint] = {}
    for t in sorted(taints, key=lambda t: (len(t.trace), t.trace)):
        best.setdefault((t.source, t.cleared, t.kind), t)
    ordered = sorted(best.values(), key=lambda t: (t.kind != "remote", len(t.cleared),
                                                   len(t.trace), t.trace))
    return frozenset(ordered[:MAX_TAINTS])


def _common_prefix(a: str, b: str) -> str:
    if a == b or not a or not b:
        return a if a == b else ""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def join(a: Value, b: Value, depth: int = 0) -> Value:
    if a is b or a == b:
        return a
    const_v = a.const if a.is_const and b.is_const and a.const == b.const \
        and type(a.const) is type(b.const) else NOCONST
    safe_a = a.safe | ({"*"} if a.is_const and not a.taints else set())
    safe_b = b.safe | ({"*"} if b.is_const and not b.taints else set())
    safe = frozenset(safe_a & safe_b) if const_v is NOCONST else frozenset()
    items = keys = rest = fields = None
    ctype = a.ctype if a.ctype == b.ctype else None
    if depth < MAX_DEPTH:
        if a.items is not None and b.items is not None and len(a.items) == len(b.items):
            items = tuple(join(x, y, depth + 1) for x, y in zip(a.items, b.items, strict=True))
        if a.keys is not None and b.keys is not None:
            merged: dict[tuple[type, Key], Value] = {}
            for k, v in (*a.keys, *b.keys):
                idx = (type(k), k)
                merged[idx] = join(merged[idx], v, depth + 1) if idx in merged else v
            keys = tuple((k, v) for (_, k), v in merged.items())
        lost = [v for v in (a.items, b.items) if v is not None and items is None]
        lost_keys = [v for v in (a.keys, b.keys) if v is not None and keys is None]
        loose = [x for group in lost for x in group] + [v for g in lost_keys for _, v in g]
        rests = [r for r in (a.rest, b.rest) if r is not None] + loose
        rest = join_all(rests, depth + 1) if rests else None
        if a.fields is not None or b.fields is not None:
            names = dict.fromkeys([k for k, _ in a.fields or ()] + [k for k, _ in b.fields or ()])
            fields = tuple(
                (n, join(a.field(n) or UNKNOWN, b.field(n) or UNKNOWN, depth + 1))
                for n in names)
    else:
        loose_taints = a.all_taints() | b.all_taints()
        return Value(taints=_bound(loose_taints), ctype=ctype)
    return Value(
        const=const_v,
        taints=_bound(a.taints | b.taints),
        safe=safe,
        prefix=_common_prefix(a.prefix, b.prefix),
        suffix=a.suffix if a.suffix == b.suffix
        else _common_prefix(a.suffix[::-1], b.suffix[::-1])[::-1],
        ctype=ctype,
        items=items,
        keys=keys,
        rest=rest,
        fields=fields,
        ref=a.ref if a.ref == b.ref else None,
        alts=None if a.ref == b.ref and a.alts is None and b.alts is None
        else _alternatives(a, b),
    )


MAX_ALTERNATIVES = 24


def _alternatives(a: Value, b: Value) -> frozenset[str] | None:
    left = a.alts if a.alts is not None else frozenset({a.ref}) if a.ref else None
    right = b.alts if b.alts is not None else frozenset({b.ref}) if b.ref else None
    if left is None or right is None:
        return None
    both = left | right
    return both if len(both) <= MAX_ALTERNATIVES else None


def join_all(values: Iterable[Value], depth: int = 0) -> Value:
    out: Value | None = None
    for v in values:
        out = v if out is None else join(out, v, depth)
    return out if out is not None else UNKNOWN
