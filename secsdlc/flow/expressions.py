"""Expressions: evaluation of each kind of node to an abstract value."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from secsdlc.flow.calls import Calls
from secsdlc.flow.folding import (
    fold_compare,
    literal_value,
    meet,
    repr_field,
    sanitized,
    truth_of,
    value_safe,
)
from secsdlc.flow.frames import REQUEST, Frame, InterpreterBase, State
from secsdlc.flow.project import PROJECT
from secsdlc.flow.syntax import PERCENT_FIELD, short
from secsdlc.flow.values import (
    ALL_KINDS,
    NONE,
    SERVER_TEXT,
    UNKNOWN,
    URL_SCHEME,
    Key,
    Taint,
    Value,
    const,
    container,
    derived,
    join,
    join_all,
    map_taints,
    tainted,
    with_taints,
)

_CMP: dict[type, Callable[[Any, Any], object]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
    ast.In: lambda a, b: operator.contains(b, a),
    ast.NotIn: lambda a, b: not operator.contains(b, a),
}
_BINOP: dict[type, Callable[[Any, Any], object]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
    ast.BitOr: operator.or_, ast.BitAnd: operator.and_, ast.BitXor: operator.xor,
    ast.Div: operator.truediv, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
}


def _open_quote(text: str) -> str | None:
    """The shell quote still open at the end of `text`, if any."""
    state: str | None = None
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\" and state != "'":
            escaped = True
        elif state is None and ch in "'\"":
            state = ch
        elif ch == state:
            state = None
    return state


# An attribute whose value the browser follows as a URL: there HTML escaping leaves a
# `javascript:` URL intact, so only a checked scheme makes an escaped value safe.
_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*$""",
                            re.IGNORECASE)


# An attribute value without quotes: a space in the value starts another attribute
# (`onerror=...`), and HTML escaping leaves spaces alone.
_UNQUOTED_ATTRIBUTE = re.compile(r"""<[^<>]*\s[\w:-]+\s*=\s*[^\s"'=<>`]*$""")


def _requoted(context: str, part: Value) -> Value:
    """Escaping undone by its context. Shell quoting: a `shlex.quote`d value placed between
    double quotes is still open to `$(...)` and backquotes; between single quotes, its own
    quotes close them. HTML escaping: a value that starts a URL attribute, or that sits in an
    attribute without quotes."""
    if _open_quote(context) is not None and any("cmdi" in t.cleared for t in part.all_taints()):
        # only a value that may still hold a quote (one checked against quotes is safe for SQL
        # too): a name matched by `[A-Za-z0-9_-]+` stays safe between quotes
        part = _uncleared(part, "cmdi", lambda t: "sqli" not in t.cleared)
    if _URL_ATTRIBUTE.search(context):
        part = _uncleared(part, "xss", lambda t: URL_SCHEME not in t.cleared)
    if _UNQUOTED_ATTRIBUTE.search(context):
        part = _uncleared(part, "xss", lambda t: True)
    return part


def _uncleared(part: Value, kind: str, applies: Callable[[Taint], bool]) -> Value:
    if not any(kind in t.cleared and ALL_KINDS not in t.cleared and applies(t)
               for t in part.all_taints()):
        return part
    part = map_taints(part, lambda t: Taint(t.kind, t.trace, t.cleared - {kind})
                      if ALL_KINDS not in t.cleared and applies(t) else t)
    return replace(part, safe=part.safe - {kind})


def _requote(parts: list[Value]) -> list[Value]:
    out: list[Value] = []
    text = ""
    for part in parts:
        if isinstance(part.const, str):
            text += part.const
        else:
            part = _requoted(text, part)
            text += part.prefix + "\0" + part.suffix
        out.append(part)
    return out



def _requote_percent(template: str, values: Value) -> Value:
    """`"grep '%s' log" % shlex.quote(p)`: each field judged in the quoting around it."""
    fields = [m for m in PERCENT_FIELD.finditer(template) if m.group() != "%%"]
    if values.items is not None and values.ctype == "tuple":
        items = [repr_field(m.group(), _requoted(template[:m.start()], v))
                 for m, v in zip(fields, values.items, strict=False)]
        return replace(values, items=(*items, *values.items[len(items):]))
    if fields and values.items is None and values.keys is None:
        return repr_field(fields[0].group(), _requoted(template[:fields[0].start()], values))
    return values




def _server_text(part: Value) -> bool:
    """Text the client cannot shape a URL with: the server's own, or the client's checked to
    hold no path or host syntax (`re.fullmatch(r"[a-z0-9-]{3,63}", bucket)` before
    `f"https://{bucket}.storage.example/"`)."""
    return part.ctype is None and part.items is None and part.keys is None and \
        part.rest is None and part.fields is None and part.ref is None and \
        all(not t.reaches("ssrf") and not t.reaches("pathtraver") for t in part.all_taints())


def _text_of(value: Value) -> str:
    """The text of a string value that is known: all of it, or its known ends."""
    if isinstance(value.const, str):
        return value.const
    return value.prefix + " " + value.suffix


def _concat_safe(left: Value, right: Value) -> frozenset[str]:
    return meet((value_safe(left), value_safe(right)))


_NAME_PARTS = frozenset({"name", "stem"})


class Expressions(InterpreterBase):
    """Names, attributes, subscripts, operators, strings and displays."""

    def eval(self, node: ast.expr | None, st: State, frame: Frame) -> Value:
        if node is None:
            return NONE
        self._charge()
        method = _DISPATCH.get(type(node))
        if method is None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.eval(child, st, frame)
            return UNKNOWN
        return method(self, node, st, frame)

    def _constant(self, node: ast.Constant, st: State, frame: Frame) -> Value:
        return const(node.value)

    def _name(self, node: ast.Name, st: State, frame: Frame) -> Value:
        value = st.get(node.id)
        if value is None and frame.info is not None:
            value = self.module_globals(frame.module).get(node.id)
        if value is not None:
            if value.ref is not None and value.ref in self.models.request_objects:
                return Value(ref=REQUEST)
            if value.ref is not None and value.ref.startswith(PROJECT):
                return self._resolve_global(value)
            return value
        ref = self.project.lookup(frame.module.name, node.id)
        if ref is not None:
            if ref in self.models.request_objects:
                return Value(ref=REQUEST)
            return Value(ref=ref)
        if node.id in self.models.logger_names:
            return Value(ctype="logger")
        return UNKNOWN

    def _attribute(self, node: ast.Attribute, st: State, frame: Frame) -> Value:
        base = self.eval(node.value, st, frame)
        attr = node.attr
        if base.ref == REQUEST or (base.ref in self.models.request_objects):
            if attr in self.models.request_attributes:
                step = self.step(frame, node, short(node))
                return tainted(Taint("remote", (step,),
                                     self.models.request_guarantees.get(attr, frozenset())))
            return Value(ref=f"{REQUEST}.{attr}")
        if attr in self.models.number_attributes.get(base.ctype or "", ()):
            return Value(safe=frozenset({ALL_KINDS}))
        if base.ctype in ("path", "normpath") and attr in _NAME_PARTS:
            # `Path(name).name`: the last part only, as os.path.basename leaves it
            return sanitized(Value(taints=base.all_taints()), frozenset({"pathtraver"}))
        if base.taints and base.fields is None:
            return Value(taints=base.taints)
        known = base.field(attr)
        if known is not None:
            return known
        if base.taints and base.ctype is None:
            return Value(taints=base.taints)  # one field checked, the others still the client's
        if base.ctype is not None and base.ctype.startswith(PROJECT):
            return self._instance_attribute(base, attr, node, frame)
        if base.ref is not None:
            ref = self.project.member(base.ref, attr) if base.ref.startswith(PROJECT) \
                else f"{base.ref}.{attr}"
            if ref in self.models.request_objects:
                return Value(ref=REQUEST)
            if ref.startswith(PROJECT) and ":" in ref and ref not in self.project.functions \
                    and ref not in self.project.classes:
                module_name, _, qual = ref[1:].partition(":")
                module = self.project.module(module_name)
                if module is not None and "." not in qual:
                    env = self.module_globals(module)
                    if qual in env:
                        return env[qual]
                if module is None and base.ref in self.project.classes:
                    consts = self._class_constants(base.ref)
                    if attr in consts:
                        return consts[attr]
            return Value(ref=ref)
        if attr in self.models.logger_names:
            return Value(ctype="logger")
        if attr == "wfile":
            return Value(ctype="wfile")
        if attr in self.models.request_names:
            return Value(ref=REQUEST)
        if base.ctype == "regex" and attr == "pattern":
            return base.field("pattern") or UNKNOWN
        return derived([base]) if base.taints else UNKNOWN

    def _resolve_global(self, value: Value) -> Value:
        """`from .settings import ALLOWED`: the value the other module gave the name."""
        ref = self.project.canonical(value.ref or "")
        if ":" not in ref or ref in self.project.functions or ref in self.project.classes:
            return value
        module_name, _, qual = ref[1:].partition(":")
        module = self.project.module(module_name)
        if module is None or "." in qual:
            return value
        found = self.module_globals(module).get(qual)
        if found is None or found.ref == value.ref:
            return value
        return found

    def _instance_attribute(self, base: Value, attr: str, node: ast.AST, frame: Frame) -> Value:
        class_ref = base.ctype or ""
        for index in self.project.handler_class(class_ref):
            handler = self.models.handler_classes[index]
            if attr in handler.attributes:
                source = tainted(Taint("remote", (self.step(frame, node, short(node)),)))
                typed = self.project.classes[class_ref].typed_kwargs
                if attr == "kwargs" and typed:
                    # what the URL converters made numbers stays numbers; the rest is text
                    return container("dict", keys=[(n, Value(safe=frozenset({ALL_KINDS})))
                                                   for n in sorted(typed)], rest=source)
                return source
        if attr in self.models.request_names:
            return Value(ref=REQUEST)
        if attr in self.models.logger_names:
            return Value(ctype="logger")
        if attr == "wfile":
            return Value(ctype="wfile")
        method = self.project.method(class_ref, attr)
        if method is not None:
            return Value(ref=method, fields=(("__self__", base),))
        consts = self._class_constants(class_ref)
        if attr in consts:
            return consts[attr]
        declared = self.project.attribute_class(class_ref, attr)
        return Value(ctype=declared) if declared is not None else UNKNOWN

    def _class_constants(self, class_ref: str) -> dict[str, Value]:
        if class_ref in self._class_consts:
            return self._class_consts[class_ref]
        out: dict[str, Value] = {}
        cls = self.project.classes.get(class_ref)
        if cls is not None:
            module = self.project.module(cls.module)
            for stmt in cls.node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name):
                    literal = literal_value(stmt.value)
                    if literal is not None:
                        out[stmt.targets[0].id] = literal
                    elif module is not None and isinstance(stmt.value, (ast.Name, ast.Attribute)):
                        # `repository_class = LeaderboardRepository`: the class it names
                        ref = self.project.canonical(self.project.resolve_expr(module,
                                                                               stmt.value))
                        if ref in self.project.classes or ref in self.project.functions:
                            out[stmt.targets[0].id] = Value(ref=ref)
            for base in cls.bases:
                if base in self.project.classes and base != class_ref:
                    for k, v in self._class_constants(base).items():
                        out.setdefault(k, v)
        self._class_consts[class_ref] = out
        return out

    def _subscript(self, node: ast.Subscript, st: State, frame: Frame) -> Value:
        base = self.eval(node.value, st, frame)
        if isinstance(node.slice, ast.Slice):
            return self._slice(base, node.slice, st, frame)
        key = self.eval(node.slice, st, frame)
        if base.ref is not None and base.ref.startswith(REQUEST):
            return UNKNOWN
        if key.is_const:
            k = key.const
            if base.items is not None and isinstance(k, int) and not isinstance(k, bool) \
                    and (-len(base.items) if base.rest is None else 0) <= k < len(base.items):
                item = base.items[k]
                return with_taints(item, base.taints) if base.taints else item
            found = base.key(k) if isinstance(k, (str, int, bool)) or k is None else None
            if found is not None:
                return with_taints(found, base.taints) if base.taints else found
            if isinstance(base.const, (str, bytes, tuple)) and isinstance(k, int):
                try:
                    return const(base.const[k])
                except IndexError:
                    return UNKNOWN
            if base.keys is not None and base.rest is None and not base.taints:
                return UNKNOWN  # a key never stored: reading it raises
        if base.taints and base.items is None and base.keys is None:
            return Value(taints=base.taints)
        return base.element() if (base.items is not None or base.keys is not None
                                  or base.rest is not None) else derived([base])

    def _slice(self, base: Value, sl: ast.Slice, st: State, frame: Frame) -> Value:
        lower = self.eval(sl.lower, st, frame) if sl.lower is not None else const(None)
        upper = self.eval(sl.upper, st, frame) if sl.upper is not None else const(None)
        step = self.eval(sl.step, st, frame) if sl.step is not None else const(None)
        if not (lower.is_const and upper.is_const and step.is_const):
            return derived([base])
        lo: Any = lower.const
        hi: Any = upper.const
        sp: Any = step.const
        if base.is_const and isinstance(base.const, (str, bytes, tuple)):
            try:
                return const(base.const[lo:hi:sp])
            except (TypeError, ValueError):
                return UNKNOWN
        if base.items is not None and not base.taints:
            try:
                return replace(base, items=base.items[lo:hi:sp])
            except (TypeError, ValueError):
                return UNKNOWN
        if sp is None and base.taints:
            lo_i = lo if isinstance(lo, int) else 0
            if isinstance(hi, int) and lo_i >= 0 and 0 <= hi <= len(base.prefix) and \
                    SERVER_TEXT not in base.prefix[lo_i:hi]:
                return const(base.prefix[lo_i:hi])
            if isinstance(lo, int) and lo < 0 and hi is None and -lo <= len(base.suffix) and \
                    SERVER_TEXT not in base.suffix[lo:]:
                return const(base.suffix[lo:])
            return derived([base], prefix=base.prefix[lo_i:] if lo_i >= 0 else "")
        return derived([base])

    def _binop_node(self, node: ast.BinOp, st: State, frame: Frame) -> Value:
        left = self.eval(node.left, st, frame)
        right = self.eval(node.right, st, frame)
        result = self._binop(node.op, left, right)
        if isinstance(node.op, (ast.Add, ast.Mod)):
            self.built_query(node, _text_of(left) + " " + _text_of(right), result, frame)
        return result

    def _binop(self, op: ast.operator, left: Value, right: Value) -> Value:
        if left.is_const and right.is_const and not left.taints and not right.taints:
            fn = _BINOP.get(type(op))
            if fn is not None:
                try:
                    result = fn(left.const, right.const)
                except Exception:  # a constant expression that raises at run time
                    return UNKNOWN
                if isinstance(result, (str, bytes)) and len(result) > 10_000:
                    return Value(safe=frozenset({ALL_KINDS}))
                if isinstance(result, (int, float, str, bytes, bool)) or result is None:
                    return const(result)
        if isinstance(op, ast.Add):
            if left.items is not None and right.items is not None and left.rest is None:
                return container(left.ctype or "list", (*left.items, *right.items),
                                 rest=right.rest)
            if left.items is not None and not right.is_const and \
                    right.ctype in ("list", "tuple", None):
                # `[("Content-Type", "text/html")] + list(extra)`: the first elements stay known
                tail = [r for r in (left.rest, right.element()) if r is not None]
                return container(left.ctype or "list", left.items, rest=join_all(tail))
            if left.ctype in ("list", "tuple") or right.ctype in ("list", "tuple"):
                return container(left.ctype or right.ctype or "list",
                                 rest=join(left.element(), right.element()))
            if isinstance(left.const, str) or left.prefix:
                left, right = _requote([left, right])
            prefix = left.prefix + (right.prefix if left.is_const else "")
            suffix = (left.suffix if right.is_const else "") + right.suffix
            return derived([left, right], safe=_concat_safe(left, right), prefix=prefix,
                           suffix=suffix)
        if isinstance(op, ast.Mod) and isinstance(left.const, str):
            right = _requote_percent(left.const, right)
            return derived([right], safe=_concat_safe(left, right),
                           prefix=left.const.split("%", 1)[0])
        if isinstance(op, ast.Div) and (left.ctype in ("path", "normpath")
                                        or right.ctype == "path"):
            out = derived([left, right], safe=_concat_safe(left, right))
            return replace(out, ctype="path")
        if isinstance(op, ast.Mult) and (left.items is not None or left.rest is not None):
            return container(left.ctype or "list", rest=left.element())
        return derived([left, right], safe=_concat_safe(left, right))

    def _boolop(self, node: ast.BoolOp, st: State, frame: Frame) -> Value:
        values: list[Value] = []
        local = dict(st)
        is_and = isinstance(node.op, ast.And)
        for sub in node.values:
            value = self.eval(sub, local, frame)
            truth = truth_of(value)
            if truth is (not is_and):
                values.append(value)
                return join_all(values) if len(values) > 1 else value
            if truth is None:
                values.append(value)
            local = self.refine(sub, is_and, local, frame)
        return join_all(values) if values else const(is_and)

    def _compare(self, node: ast.Compare, st: State, frame: Frame) -> Value:
        left = self.eval(node.left, st, frame)
        result: object = True
        for op, comp in zip(node.ops, node.comparators, strict=True):
            right = self.eval(comp, st, frame)
            fn = _CMP.get(type(op))
            if fn is None:
                return UNKNOWN
            value = fold_compare(fn, op, left, right)
            if value is None:
                result = None
            elif result is not None and not value:
                return const(False)
            left = right
        return const(result) if result is not None else Value(safe=frozenset({ALL_KINDS}))

    def _unaryop(self, node: ast.UnaryOp, st: State, frame: Frame) -> Value:
        value = self.eval(node.operand, st, frame)
        if isinstance(node.op, ast.Not):
            truth = truth_of(value)
            return const(not truth) if truth is not None else Value(safe=frozenset({ALL_KINDS}))
        if value.is_const and not value.taints:
            try:
                fn = {ast.USub: operator.neg, ast.UAdd: operator.pos,
                      ast.Invert: operator.invert}[type(node.op)]
                return const(fn(value.const))  # type: ignore[operator]
            except Exception:
                return UNKNOWN
        return derived([value])

    def _ifexp(self, node: ast.IfExp, st: State, frame: Frame) -> Value:
        truth = truth_of(self.eval(node.test, st, frame))
        if truth is True:
            return self.eval(node.body, self.refine(node.test, True, dict(st), frame), frame)
        if truth is False:
            return self.eval(node.orelse, self.refine(node.test, False, dict(st), frame), frame)
        return join(self.eval(node.body, self.refine(node.test, True, dict(st), frame), frame),
                    self.eval(node.orelse, self.refine(node.test, False, dict(st), frame),
                              frame))

    def _joinedstr(self, node: ast.JoinedStr, st: State, frame: Frame) -> Value:
        parts: list[Value] = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                inner = self.eval(value.value, st, frame)
                if value.format_spec is not None:
                    self.eval(value.format_spec, st, frame)
                if value.conversion in (114, 97):  # !r, !a: quoted, line breaks escaped
                    inner = repr_field("%r", inner)
                parts.append(inner if value.conversion in (-1, 115, 114, 97) else derived([inner]))
            else:
                parts.append(self.eval(value, st, frame))
        if all(p.is_const and not p.taints for p in parts):
            try:
                result = const("".join(str(p.const) for p in parts))
            except Exception:
                return UNKNOWN
            self.built_query(node, str(result.const), result, frame)
            return result
        parts = _requote(parts)
        prefix = ""
        for p in parts:
            if isinstance(p.const, str):
                prefix += p.const
            elif _server_text(p):
                prefix += p.prefix + SERVER_TEXT + p.suffix
            else:
                prefix += p.prefix
                break
        suffix = ""
        for p in reversed(parts):
            if isinstance(p.const, str):
                suffix = p.const + suffix
            elif _server_text(p):
                suffix = p.prefix + SERVER_TEXT + p.suffix + suffix
            else:
                suffix = p.suffix + suffix
                break
        result = derived(parts, safe=meet(value_safe(p) for p in parts), prefix=prefix,
                         suffix=suffix)
        self.built_query(node, " ".join(_text_of(p) for p in parts), result, frame)
        return result

    def _formatted(self, node: ast.FormattedValue, st: State, frame: Frame) -> Value:
        return derived([self.eval(node.value, st, frame)])

    def _display(self, node: ast.List | ast.Tuple | ast.Set, st: State, frame: Frame) -> Value:
        ctype = {ast.List: "list", ast.Tuple: "tuple", ast.Set: "set"}[type(node)]
        items, rest = self._elements(node.elts, st, frame)
        if rest is not None:
            return container(ctype, rest=join_all([*items, rest]))
        return container(ctype, items)

    def _dict(self, node: ast.Dict, st: State, frame: Frame) -> Value:
        keys: list[tuple[Key, Value]] = []
        rest: Value | None = None
        for k, v in zip(node.keys, node.values, strict=True):
            value = self.eval(v, st, frame)
            if k is None:
                if value.keys is not None:
                    keys.extend(value.keys)
                rest = join(rest, value.element()) if rest is not None and (
                    value.rest is not None) else (value.rest or rest)
                continue
            key = self.eval(k, st, frame)
            if (key.is_const and isinstance(key.const, (str, int, bool))) or (key.const is None \
                    and key.is_const):
                keys = [(kk, vv) for kk, vv in keys if kk != key.const]
                keys.append((key.const, value))
            else:
                rest = join(rest, value) if rest is not None else derived([key, value])
        return container("dict", keys=keys, rest=rest)

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp,
                       st: State, frame: Frame) -> Value:
        local = dict(st)
        for gen in node.generators:
            iterable = self.eval(gen.iter, local, frame)
            element = iterable.element()
            self.assign(gen.target, element, local, frame, gen.target)
            for cond in gen.ifs:
                self.eval(cond, local, frame)
                local = self.refine(cond, True, local, frame)
        if isinstance(node, ast.DictComp):
            key = self.eval(node.key, local, frame)
            value = self.eval(node.value, local, frame)
            return container("dict", keys=(), rest=join(value, Value(taints=key.taints)))
        elt = self.eval(node.elt, local, frame)
        ctype = "set" if isinstance(node, ast.SetComp) else "list"
        return container(ctype, rest=elt)

    def _namedexpr(self, node: ast.NamedExpr, st: State, frame: Frame) -> Value:
        value = self.eval(node.value, st, frame)
        self.assign(node.target, value, st, frame, node)
        return value

    def _await(self, node: ast.Await, st: State, frame: Frame) -> Value:
        return self.eval(node.value, st, frame)

    def _yield(self, node: ast.Yield | ast.YieldFrom, st: State, frame: Frame) -> Value:
        value = self.eval(node.value, st, frame) if node.value is not None else NONE
        frame.yields.append(value if isinstance(node, ast.Yield) else value.element())
        return UNKNOWN

    def _lambda(self, node: ast.Lambda, st: State, frame: Frame) -> Value:
        return UNKNOWN

    def _starred(self, node: ast.Starred, st: State, frame: Frame) -> Value:
        return self.eval(node.value, st, frame)

    def _elements(self, elts: list[ast.expr], st: State,
                  frame: Frame) -> tuple[list[Value], Value | None]:
        """Values in order; what starred iterables of unknown length add, joined apart."""
        items: list[Value] = []
        rest: Value | None = None
        for elt in elts:
            if isinstance(elt, ast.Starred):
                inner = self.eval(elt.value, st, frame)
                if inner.items is not None and rest is None:
                    items.extend(inner.items)
                else:
                    rest = join(rest or inner.element(), inner.element())
            else:
                items.append(self.eval(elt, st, frame))
        return items, rest


_DISPATCH: dict[type, Callable[..., Value]] = {
    ast.Constant: Expressions._constant,
    ast.Name: Expressions._name,
    ast.Attribute: Expressions._attribute,
    ast.Subscript: Expressions._subscript,
    ast.BinOp: Expressions._binop_node,
    ast.BoolOp: Expressions._boolop,
    ast.Compare: Expressions._compare,
    ast.UnaryOp: Expressions._unaryop,
    ast.IfExp: Expressions._ifexp,
    ast.JoinedStr: Expressions._joinedstr,
    ast.FormattedValue: Expressions._formatted,
    ast.List: Expressions._display,
    ast.Tuple: Expressions._display,
    ast.Set: Expressions._display,
    ast.Dict: Expressions._dict,
    ast.ListComp: Expressions._comprehension,
    ast.SetComp: Expressions._comprehension,
    ast.GeneratorExp: Expressions._comprehension,
    ast.DictComp: Expressions._comprehension,
    ast.NamedExpr: Expressions._namedexpr,
    ast.Await: Expressions._await,
    ast.Yield: Expressions._yield,
    ast.YieldFrom: Expressions._yield,
    ast.Lambda: Expressions._lambda,
    ast.Starred: Expressions._starred,
    ast.Call: Calls._call,
}
