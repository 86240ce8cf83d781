"""Pure helpers on abstract values: truth, constant comparisons, literals, joins of states."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

from secsdlc.flow.frames import State
from secsdlc.flow.project import PROJECT
from secsdlc.flow.syntax import PERCENT_FIELD
from secsdlc.flow.values import (
    ALL_KINDS,
    UNKNOWN,
    Value,
    const,
    container,
    derived,
    join,
    join_all,
    map_taints,
)


def value_safe(value: Value) -> frozenset[str]:
    """Kinds of sink nothing in `value` can reach unsanitized (a must-property)."""
    if value.is_const and not value.taints:
        return frozenset({ALL_KINDS})
    if value.fields is not None or value.taints:
        return value.safe
    parts = list(value.items or ()) + [v for _, v in value.keys or ()] + \
        ([value.rest] if value.rest is not None else [])
    if not parts or (value.items is None and value.keys is None):
        return value.safe
    # a display's safety is that of what it holds: `"%s %s" % (a, b)`, `"{x}".format(**d)`
    return value.safe | meet(value_safe(p) for p in parts)


def meet(kinds: Iterable[frozenset[str]]) -> frozenset[str]:
    """What every one of several values is safe for."""
    out: frozenset[str] | None = None
    for k in kinds:
        if ALL_KINDS in k:
            continue
        out = k if out is None else out & k
        if not out:
            return out
    return frozenset({ALL_KINDS}) if out is None else out


def truth_of(value: Value) -> bool | None:
    if value.taints:
        return None
    if value.is_const:
        try:
            return bool(value.const)
        except Exception:
            return None
    if value.items is not None and value.rest is None and value.ctype in ("list", "tuple"):
        return bool(value.items)
    if value.ref is not None and value.ref.startswith(PROJECT):
        return True
    return None


def fold_compare(fn: Callable[[object, object], object], op: ast.cmpop, left: Value,
                 right: Value) -> bool | None:
    if left.taints or right.taints:
        if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right.const, str) and \
                isinstance(left.const, str):
            return None
        return None
    a: object = left.const
    b: object = right.const
    if isinstance(op, (ast.In, ast.NotIn)) and not right.is_const:
        if right.items is not None and right.rest is None and all(
                i.is_const for i in right.items) and left.is_const:
            b = tuple(i.const for i in right.items)
        elif right.keys is not None and right.rest is None and left.is_const:
            b = tuple(k for k, _ in right.keys)
        else:
            return None
    elif not (left.is_const and right.is_const):
        return None
    try:
        return bool(fn(a, b))
    except Exception:
        return None


def constant_collection(value: Value) -> bool:
    if value.taints:
        return False
    if isinstance(value.const, (str, tuple, frozenset)) and value.is_const:
        return not isinstance(value.const, str) or len(value.const) > 0
    if value.items is not None and value.rest is None:
        return all(i.is_const and not i.taints for i in value.items) and bool(value.items)
    if value.keys is not None and value.rest is None:
        return bool(value.keys)
    if value.rest is not None and value.keys is None and value.ctype in ("set", "list", "tuple"):
        # elements joined (a set built from a display): each is one of several constants
        return not value.rest.all_taints() and ALL_KINDS in value_safe(value.rest) and \
            all(i.is_const and not i.taints for i in value.items or ())
    return False


def literal_value(node: ast.expr) -> Value | None:
    """A default argument or class attribute written as a literal (`frozenset({...})` and
    its kind included)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in _COLLECTIONS and len(node.args) <= 1 and not node.keywords:
        inner = literal_value(node.args[0]) if node.args else container(node.func.id, [])
        if inner is None or (inner.items is None and inner.keys is None):
            return None
        items = inner.items if inner.items is not None else tuple(
            const(k) for k, _ in inner.keys or ())
        return container(_COLLECTIONS[node.func.id], items)
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return from_python(value)


_COLLECTIONS = {"frozenset": "set", "set": "set", "tuple": "tuple", "list": "list"}


def from_python(value: object, depth: int = 0) -> Value:
    if depth > 3:
        return UNKNOWN
    if isinstance(value, (list, tuple)):
        return container("list" if isinstance(value, list) else "tuple",
                         [from_python(v, depth + 1) for v in value])
    if isinstance(value, (set, frozenset)):
        return container("set", [from_python(v, depth + 1) for v in value])
    if isinstance(value, dict):
        return container("dict", keys=[(k, from_python(v, depth + 1)) for k, v in value.items()
                                       if isinstance(k, (str, int, bool))])
    return const(value)


def join_states(states: Iterable[State | None]) -> State | None:
    live = [s for s in states if s is not None]
    if not live:
        return None
    if len(live) == 1:
        return live[0]
    first, rest = live[0], live[1:]
    out: State = {}
    for name, mine in first.items():
        # most names are untouched on every branch: the very same value needs no join
        for other in rest:
            if other.get(name) is not mine:
                out[name] = _join_name(name, live)
                break
        else:
            out[name] = mine
    for other in rest:
        for name in other:
            if name not in out:
                out[name] = _join_name(name, live)
    return out


def _join_name(name: str, states: list[State]) -> Value:
    present = [v for s in states if (v := s.get(name)) is not None]
    joined = join_all(present)
    if len(present) < len(states) and joined.is_const:
        joined = join(joined, UNKNOWN)
    return joined


def sanitized(value: Value, kinds: frozenset[str],
               keep_safe: frozenset[str] = frozenset()) -> Value:
    cleaned = map_taints(value, lambda t: t.clear(kinds))
    return Value(cleaned.const, cleaned.taints, cleaned.safe | kinds | keep_safe, cleaned.prefix,
                 cleaned.suffix, cleaned.ctype, cleaned.items, cleaned.keys, cleaned.rest,
                 cleaned.fields, cleaned.ref)


# What `repr` (and `%r`, `!r`) makes safe: it escapes line breaks and quotes what it shows.
REPR_CLEARS = frozenset({"logi", "headeri"})


def repr_fields(template: str, values: list[Value]) -> list[Value]:
    """`log.info("closed: %r", reason)`: the values a `%r` field shows, quoted and escaped."""
    fields = [m.group() for m in PERCENT_FIELD.finditer(template) if m.group() != "%%"]
    return [repr_field(f, v) for f, v in zip(fields, values, strict=False)] + \
        values[len(fields):]


def repr_field(field: str, value: Value) -> Value:
    if field.endswith(("r", "a")) and value.all_taints():
        return sanitized(derived([value], safe=value_safe(value)), REPR_CLEARS)
    return value
