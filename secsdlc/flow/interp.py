"""Flow-sensitive abstract interpretation of Python functions.

Statements are interpreted in order over an abstract state (variable -> Value); branches whose
condition folds to a constant are not taken, both sides of an unknown condition are joined, and a
passed check refines the values it tested on the branch where it held. Loops iterate to a fixpoint
(the lattice is bounded, and a pass limit widens by joining). A call into the project is
interpreted with the abstract arguments of the call (the callee's summary for that context,
memoised), so constants, container elements and object fields cross function boundaries as they
do inside one function. Every evaluation step is charged to a budget per analysed function.
"""

from __future__ import annotations

import ast
import contextlib
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from secsdlc.flow import guards
from secsdlc.flow.models import Models, Sink
from secsdlc.flow.project import PROJECT, FunctionInfo, Module, Project
from secsdlc.flow.values import (
    ALL_KINDS,
    NONE,
    UNKNOWN,
    Key,
    Step,
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

State = dict[str, Value]
MAX_CALL_DEPTH = 7
LOOP_PASSES = 3
REQUEST = "web.request"
# What a call that is a sink of these kinds hands back comes from the database, the system or
# a file, not from its argument: one weakness is reported once, at the call.
# (Not regular expressions: a compiled pattern is what later checks are made with.)
_CONSUMED = frozenset({"sqli", "cmdi", "ldapi", "xpathi", "pathtraver", "logi", "headeri",
                       "trustbound", "redirect"})
_REQUEST_CLEAN_METHODS = frozenset({"is_secure", "is_ajax", "accepts", "get_signed_cookie",
                                    "is_json", "url_for", "close", "user", "has_key"})
_NORETURN = frozenset({"flask.abort", "werkzeug.exceptions.abort", "sys.exit", "exit", "quit",
                       "os._exit", "abort", "quart.abort", "bottle.abort", "fastapi.HTTPException"})
_WEB_PACKAGES = frozenset({"flask", "werkzeug", "django", "starlette", "fastapi", "aiohttp",
                           "quart", "bottle"})
_NORMALIZERS = frozenset({"os.path.realpath", "os.path.abspath", "os.path.normpath",
                          "posixpath.normpath", "os.path.normcase", "safe_join",
                          "werkzeug.utils.safe_join", "werkzeug.security.safe_join",
                          "flask.safe_join", "django.utils._os.safe_join"})
_URL_PARSERS = frozenset({"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse",
                          "urllib3.util.parse_url", "furl.furl", "yarl.URL"})
_SAFE_URL_CHECKS = frozenset({"url_has_allowed_host_and_scheme", "is_safe_url",
                              "django.utils.http.url_has_allowed_host_and_scheme",
                              "django.utils.http.is_safe_url"})
_STR_KEEP = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize",
                       "casefold", "swapcase", "encode", "decode", "zfill", "ljust", "rjust",
                       "center", "expandtabs", "removeprefix", "removesuffix", "format_map",
                       "translate", "__str__", "copy", "normalize", "resolve", "absolute",
                       "as_posix", "getvalue", "read", "readline", "readlines", "to_python",
                       "value", "first", "last", "cleaned", "geturl", "unquote"})
_PATH_METHODS = frozenset({"resolve", "absolute", "expanduser", "joinpath", "with_name",
                           "with_suffix", "with_stem", "relative_to", "realpath"})
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash",
                     "/usr/bin/sh", "cmd", "cmd.exe", "powershell", "pwsh"})
_BOOL_METHODS = frozenset({"isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal",
                           "isidentifier", "isascii", "isspace", "islower", "isupper",
                           "startswith", "endswith", "exists", "is_file", "is_dir",
                           "is_relative_to", "__contains__", "has_key"})
_ALNUM_CHECKS = frozenset({"isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal",
                           "isidentifier"})
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


class BudgetExceeded(Exception):
    pass


@dataclass(frozen=True)
class Report:
    """A source reaching a sink."""

    kind: str
    sink: Step
    trace: tuple[Step, ...]  # source first, sink last


@dataclass
class _Loop:
    breaks: list[State] = field(default_factory=list)
    continues: list[State] = field(default_factory=list)


@dataclass
class Frame:
    module: Module
    info: FunctionInfo | None
    returns: list[tuple[Value, Step]] = field(default_factory=list)
    yields: list[Value] = field(default_factory=list)
    loops: list[_Loop] = field(default_factory=list)
    content_type: Value | None = None
    # when analysed as a check: the truth value asked for, and the states it is returned in
    predicate: bool | None = None
    predicate_states: list[State] = field(default_factory=list)
    wsgi_body: bool = False  # the frame started a WSGI response: what it returns is the body
    origins: dict[str, set[str]] = field(default_factory=dict)
    conditions: dict[str, ast.expr] = field(default_factory=dict)
    handler_kinds: list[int] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.module.path


def _short(node: ast.AST, limit: int = 60) -> str:
    try:
        text = ast.unparse(node)
    except (ValueError, RecursionError):
        return type(node).__name__
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


_NAMES: dict[int, tuple[ast.AST, frozenset[str]]] = {}


def _names_in(node: ast.AST) -> frozenset[str]:
    """The names an expression reads (memoised: the same checks are met again and again)."""
    found = _NAMES.get(id(node))
    if found is not None and found[0] is node:
        return found[1]
    names = frozenset(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
    if len(_NAMES) > 200_000:
        _NAMES.clear()
    _NAMES[id(node)] = (node, names)
    return names


def _mentions_digest(node: ast.expr) -> bool:
    """`hmac.new(key, data, ...).hexdigest()`, `hashlib.sha256(data)`: a digest of the data."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in ("hmac", "hashlib"):
                return True
            node = node.value
        else:
            return False


class Interpreter:
    def __init__(self, project: Project, models: Models, budget: int = 60_000) -> None:
        self.project = project
        self.models = models
        self.budget_per_root = budget
        self.budget = budget
        self.reports: dict[tuple[str, str, int, int, Step], Report] = {}
        # (path, line, kind) -> the dangerous argument was constant or sanitized every time
        self.proofs: dict[tuple[str, int, str], bool] = {}
        self.globals: dict[str, State] = {}
        self._globals_busy: set[str] = set()
        self.stack: list[str] = []
        self.memo: dict[tuple[object, ...], tuple[Value, Value | None]] = {}
        self._class_consts: dict[str, dict[str, Value]] = {}
        # the enclosing function's variables where a nested function is defined (closures)
        self.closures: dict[str, State] = {}

    # -- entry points --------------------------------------------------------------------------
    def run_root(self, info: FunctionInfo) -> None:
        self.budget = self.budget_per_root
        module = self.project.modules[info.module]
        frame = Frame(module, info)
        frame.handler_kinds = self.project.handler_class(info.class_ref)
        env: State = dict(self._closure(info))
        node = info.node
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        is_method = info.class_ref is not None and not _is_static(node)
        for i, name in enumerate(params):
            if i == 0 and is_method:
                env[name] = Value(ctype=info.class_ref)
                continue
            env[name] = self._param_value(info, name, node)
        for extra in (node.args.vararg, node.args.kwarg):
            if extra is not None:
                env[extra.arg] = self._param_value(info, extra.arg, node)
        for arg in node.args.kwonlyargs:
            env[arg.arg] = self._param_value(info, arg.arg, node)
        self.stack = [info.ref]
        self.exec_block(node.body, env, frame)
        self._check_returns(frame)

    def _closure(self, info: FunctionInfo) -> State:
        if "." not in info.qualname or info.class_ref is not None:
            return {}
        if info.ref not in self.closures:
            parent = self.project.functions.get(info.ref.rsplit(".", 1)[0])
            if parent is not None and parent.ref not in self.stack:
                saved = (self.budget, self.stack)
                try:
                    self.run_root(parent)
                finally:
                    self.budget, self.stack = saved
        return self.closures.get(info.ref, {})

    def run_module(self, module: Module) -> None:
        """The module's own code, run again even if its names were read before: what it
        reports belongs to this run."""
        self.budget = self.budget_per_root
        self.stack = []
        self.globals.pop(module.name, None)
        self.module_globals(module)

    def module_globals(self, module: Module) -> State:
        self.project.consulted.add(module.name)
        if module.name in self.globals:
            return self.globals[module.name]
        if module.name in self._globals_busy:
            return {}
        self._globals_busy.add(module.name)
        frame = Frame(module, None)
        env: State = {}
        try:
            self.exec_block(module.tree.body, env, frame)
        finally:
            self._globals_busy.discard(module.name)
        self.globals[module.name] = env
        return env

    def _param_value(self, info: FunctionInfo, name: str,
                     node: ast.FunctionDef | ast.AsyncFunctionDef) -> Value:
        step = Step(info.path, node.lineno, node.col_offset + 1, f"parameter {name}")
        if name in self.models.request_names:
            return Value(ref=REQUEST)
        dispatched = info.class_ref is not None and info.class_ref in self.project.dispatching
        if name in info.typed_params:
            return Value(safe=frozenset({ALL_KINDS}))  # the framework converted it
        if info.handler == "view" and name not in info.url_params:
            # a function taking a request is a view only for the URL parameters a pattern of
            # the project names; its other parameters come from its callers
            return tainted(Taint("param", (step,)))
        if (info.handler is not None or dispatched) and \
                name not in ("self", "cls", "start_response"):
            note = (f"request data {name}" if info.handler != "wsgi"
                    else "WSGI environ")
            pattern = info.param_patterns.get(name)
            cleared = guards.regex_check("search", pattern) if pattern else frozenset()
            return tainted(Taint("remote", (replace(step, note=note),), cleared))
        return tainted(Taint("param", (step,)))

    # -- budget and steps ----------------------------------------------------------------------
    def _charge(self) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise BudgetExceeded()

    def step(self, frame: Frame, node: ast.AST, note: str) -> Step:
        return Step(frame.path, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1,
                    note)

    # -- statements ----------------------------------------------------------------------------
    def exec_block(self, body: Sequence[ast.stmt], state: State | None,
                   frame: Frame) -> State | None:
        for stmt in body:
            if state is None:
                return None
            state = self.exec_stmt(stmt, state, frame)
        return state

    def exec_stmt(self, node: ast.stmt, st: State, frame: Frame) -> State | None:
        self._charge()
        if isinstance(node, ast.Expr):
            expr = node.value
            result = self.eval(expr, st, frame)
            if isinstance(expr, ast.Call) and self._noreturn(expr, st, frame):
                return None
            if isinstance(expr, (ast.Yield, ast.YieldFrom)):
                frame.yields.append(result)
            return st
        if isinstance(node, ast.Assign):
            value = self.eval(node.value, st, frame)
            for target in node.targets:
                self.assign(target, value, st, frame, node)
            self._track_origin(node.targets, node.value, frame)
            return st
        if isinstance(node, ast.AnnAssign):
            if node.value is not None:
                self.assign(node.target, self.eval(node.value, st, frame), st, frame, node)
            return st
        if isinstance(node, ast.AugAssign):
            current = self.eval(node.target, st, frame)
            value = self._binop(node.op, current, self.eval(node.value, st, frame))
            self.assign(node.target, value, st, frame, node)
            return st
        if isinstance(node, ast.Return):
            value = self.eval(node.value, st, frame) if node.value is not None else NONE
            frame.returns.append((value, self.step(frame, node, "returned")))
            if frame.predicate is not None:
                truth = _truth(value)
                if truth is None or truth == frame.predicate:
                    frame.predicate_states.append(
                        self.refine(node.value, frame.predicate, dict(st), frame)
                        if node.value is not None else st)
            return None
        if isinstance(node, ast.If):
            return self._exec_if(node, st, frame)
        if isinstance(node, (ast.For, ast.AsyncFor)):
            return self._exec_for(node, st, frame)
        if isinstance(node, ast.While):
            return self._exec_while(node, st, frame)
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                value = self.eval(item.context_expr, st, frame)
                if item.optional_vars is not None:
                    self.assign(item.optional_vars, value, st, frame, node)
            return self.exec_block(node.body, st, frame)
        if isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            return self._exec_try(node, st, frame)
        if isinstance(node, ast.Raise):
            if node.exc is not None:
                self.eval(node.exc, st, frame)
            return None
        if isinstance(node, ast.Break):
            if frame.loops:
                frame.loops[-1].breaks.append(dict(st))
            return None
        if isinstance(node, ast.Continue):
            if frame.loops:
                frame.loops[-1].continues.append(dict(st))
            return None
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            prefix = f"{frame.info.qualname}." if frame.info is not None else ""
            ref = f"{PROJECT}{frame.module.name}:{prefix}{node.name}"
            st[node.name] = Value(ref=ref if ref in self.project.functions else None)
            if frame.info is not None:
                self.closures[ref] = dict(st)
            return st
        if isinstance(node, ast.ClassDef):
            prefix = f"{frame.info.qualname}." if frame.info is not None else ""
            st[node.name] = Value(ref=f"{PROJECT}{frame.module.name}:{prefix}{node.name}")
            return st
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    continue
                name = alias.asname or alias.name.split(".")[0]
                # the name as the module bound it: resolved when used, so that a module
                # imported and never used is not something the results depend on
                found = frame.module.names.get(name)
                if found is not None and frame.info is None:
                    st[name] = Value(ref=found)
                elif frame.info is not None:
                    st[name] = Value(ref=self._import_ref(node, alias, frame))
            return st
        if isinstance(node, ast.Assert):
            self.eval(node.test, st, frame)
            return self.refine(node.test, True, st, frame)
        if isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    st.pop(target.id, None)
            return st
        if isinstance(node, ast.Match):
            outs = [self.exec_block(case.body, dict(st), frame) for case in node.cases]
            return _join_states([*outs, st])
        return st

    def _import_ref(self, node: ast.Import | ast.ImportFrom, alias: ast.alias,
                    frame: Frame) -> str:
        project = self.project
        if isinstance(node, ast.Import):
            dotted = alias.name if alias.asname else alias.name.split(".")[0]
            found = project.find_module(dotted)
            return f"{PROJECT}{found.name}" if found is not None else dotted
        base = project.absolute_import(frame.module, node.module or "", node.level)
        return project.canonical(project.from_import(base, alias.name))

    def _noreturn(self, call: ast.Call, st: State, frame: Frame) -> bool:
        ref = self._static_ref(call.func, st, frame)
        return ref in _NORETURN or (ref is not None and ref.endswith(".abort"))

    def _static_ref(self, node: ast.expr, st: State, frame: Frame) -> str | None:
        if isinstance(node, ast.Name):
            value = st.get(node.id)
            if value is not None:
                return value.ref
            return self.project.lookup(frame.module.name, node.id) or node.id
        if isinstance(node, ast.Attribute):
            base = self._static_ref(node.value, st, frame)
            return f"{base}.{node.attr}" if base else None
        return None

    def _exec_if(self, node: ast.If, st: State, frame: Frame) -> State | None:
        cond = self.eval(node.test, st, frame)
        truth = _truth(cond)
        if truth is True:
            return self.exec_block(node.body, self.refine(node.test, True, st, frame), frame)
        if truth is False:
            return self.exec_block(node.orelse, self.refine(node.test, False, st, frame), frame)
        then = self.exec_block(node.body, self.refine(node.test, True, dict(st), frame), frame)
        other = self.exec_block(node.orelse, self.refine(node.test, False, dict(st), frame),
                                frame)
        return _join_states([then, other])

    def _exec_for(self, node: ast.For | ast.AsyncFor, st: State, frame: Frame) -> State | None:
        iterable = self.eval(node.iter, st, frame)
        if iterable.items is not None and iterable.rest is None and not iterable.taints \
                and len(iterable.items) <= 8:
            # a short constant-shaped sequence: unrolled, so each element keeps its own value
            state: State | None = st
            loop = _Loop()
            frame.loops.append(loop)
            try:
                for item in iterable.items:
                    if state is None:
                        break
                    state = dict(state)
                    self.assign(node.target, item, state, frame, node)
                    state = self.exec_block(node.body, state, frame)
                    state = _join_states([state, *loop.continues])
                    loop.continues.clear()
            finally:
                frame.loops.pop()
            done = self.exec_block(node.orelse, state, frame) if state is not None else None
            return _join_states([done, *loop.breaks])
        element = iterable.element()
        if iterable.ref is not None and not iterable.taints and iterable.items is None:
            element = UNKNOWN
        def enter(state: State) -> State:
            self.assign(node.target, element, state, frame, node)
            return state

        return self._loop(node, st, frame, enter, None)

    def _exec_while(self, node: ast.While, st: State, frame: Frame) -> State | None:
        truth = _truth(self.eval(node.test, st, frame))
        if truth is False:
            return self.exec_block(node.orelse, st, frame)
        return self._loop(node, st, frame, lambda s: self.refine(node.test, True, s, frame),
                          node.test if truth is None else "forever")

    def _loop(self, node: ast.For | ast.AsyncFor | ast.While, st: State, frame: Frame,
              enter: Callable[[State], State], test: ast.expr | str | None) -> State | None:
        head: State = dict(st)
        loop = _Loop()
        frame.loops.append(loop)
        try:
            for _ in range(LOOP_PASSES):
                body_in = enter(dict(head))
                out = self.exec_block(node.body, body_in, frame)
                new_head = _join_states([head, out, *loop.continues]) or head
                loop.continues.clear()
                if new_head == head:
                    break
                head = new_head
        finally:
            frame.loops.pop()
        if test == "forever":
            return _join_states(loop.breaks)
        exit_state: State = head
        if isinstance(test, ast.expr):
            exit_state = self.refine(test, False, dict(head), frame)
        done = self.exec_block(node.orelse, exit_state, frame)
        return _join_states([done, *loop.breaks])

    def _exec_try(self, node: ast.stmt, st: State, frame: Frame) -> State | None:
        before = dict(st)
        body = self.exec_block(getattr(node, "body", []), st, frame)
        outs: list[State | None] = []
        if body is not None:
            outs.append(self.exec_block(getattr(node, "orelse", []), body, frame))
        for handler in getattr(node, "handlers", []):
            entry = _join_states([before, body]) or dict(before)
            if handler.name:
                entry[handler.name] = UNKNOWN
            outs.append(self.exec_block(handler.body, dict(entry), frame))
        result = _join_states(outs)
        final = getattr(node, "finalbody", [])
        if final:
            if result is None:
                self.exec_block(final, dict(before), frame)
                return None
            return self.exec_block(final, result, frame)
        return result

    def _track_origin(self, targets: list[ast.expr], value: ast.expr, frame: Frame) -> None:
        """`parsed = urlparse(url)`: a check of `parsed` is a check of `url`."""
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            return
        name = targets[0].id
        frame.origins.pop(name, None)
        frame.conditions.pop(name, None)
        if frame.conditions:
            for held, condition in list(frame.conditions.items()):
                if name in _names_in(condition):
                    del frame.conditions[held]  # what it checked has changed
        if (isinstance(value, (ast.Call, ast.Compare, ast.BoolOp)) or (
                isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not))) and \
                not any(n in frame.conditions or n == name for n in _names_in(value)):
            frame.conditions[name] = value
        node = value
        if _mentions_digest(node):
            # a digest of the data: checking it checks the data
            frame.origins[name] = set(_names_in(node) - {name})
            return
        if isinstance(node, ast.Call):
            first = node.args[0] if node.args else None
            if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                    and first is None:
                first = node.func.value
            if isinstance(first, ast.Name) and first.id != name:
                frame.origins[name] = {first.id, *frame.origins.get(first.id, set())}

    # -- assignment ----------------------------------------------------------------------------
    def assign(self, target: ast.expr, value: Value, st: State, frame: Frame,
               node: ast.AST) -> None:
        if isinstance(target, ast.Name):
            if value.taints:
                step = self.step(frame, node, target.id)
                value = map_taints(value, lambda t: t.extend(step))
            st[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = [i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
            items = value.items
            if items is not None and not starred and len(items) == len(target.elts):
                for elt, item in zip(target.elts, items, strict=True):
                    self.assign(elt, item, st, frame, node)
            else:
                element = value.element()
                if isinstance(value.const, (tuple, str)) and not value.taints:
                    element = UNKNOWN
                for elt in target.elts:
                    inner = elt.value if isinstance(elt, ast.Starred) else elt
                    self.assign(inner, container("list", rest=element)
                                if isinstance(elt, ast.Starred) else element, st, frame, node)
        elif isinstance(target, ast.Attribute):
            self._assign_attribute(target, value, st, frame, node)
        elif isinstance(target, ast.Subscript):
            self._assign_subscript(target, value, st, frame, node)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, value, st, frame, node)

    def _assign_attribute(self, target: ast.Attribute, value: Value, st: State, frame: Frame,
                          node: ast.AST) -> None:
        base = self.eval(target.value, st, frame)
        if target.attr in ("mimetype", "content_type", "media_type") and base.ctype == "response":
            self._set_content_type(target.value, base, value, st, frame, node)
            return
        if base.ref is not None and base.ref.startswith(PROJECT):
            return  # a module or class attribute: globals are read from the module's own code
        if value.taints:
            step = self.step(frame, node, _short(target))
            value = map_taints(value, lambda t: t.extend(step))
        self.write_back(target.value, base.with_field(target.attr, value), st, frame, node)

    def _set_content_type(self, base_expr: ast.expr, base: Value, ctype: Value, st: State,
                          frame: Frame, node: ast.AST) -> None:
        if isinstance(ctype.const, str) and "html" not in ctype.const.lower():
            fields = tuple((k, v) for k, v in base.fields or () if k != "__body")
            self.write_back(base_expr, replace(base, fields=fields), st, frame, node)

    def _assign_subscript(self, target: ast.Subscript, value: Value, st: State, frame: Frame,
                          node: ast.AST) -> None:
        base = self.eval(target.value, st, frame)
        key = self.eval(target.slice, st, frame)
        key_text = key.const.lower() if isinstance(key.const, str) else None
        is_headers = isinstance(target.value, ast.Attribute) and target.value.attr == "headers"
        if is_headers or base.ctype == "response":
            if key_text == "content-type":
                if base.ctype == "response":
                    self._set_content_type(target.value, base, value, st, frame, node)
                elif isinstance(target.value, ast.Attribute):
                    owner = self.eval(target.value.value, st, frame)
                    if owner.ctype == "response":
                        self._set_content_type(target.value.value, owner, value, st, frame, node)
                return
            if key_text == "location":
                # frameworks reject line breaks in header values; where a client's data sends
                # the browser is what still matters
                self.sink_values("redirect", [value],
                                 self.step(frame, node, _short(target) + " = ..."))
            return
        if self._is_session(target.value, base):
            self.sink_values("trustbound", [value],
                             self.step(frame, node, _short(target) + " = ..."))
            return
        if value.taints:
            step = self.step(frame, node, _short(target))
            value = map_taints(value, lambda t: t.extend(step))
        if base.ref is not None:
            return
        if isinstance(key.const, (str, int, bool)) or (key.const is None and key.is_const):
            k: Key = key.const
            if base.items is not None and isinstance(k, int) and not isinstance(k, bool):
                items = list(base.items)
                if -len(items) <= k < len(items):
                    items[k] = value
                    new = replace(base, items=tuple(items))
                else:
                    new = replace(base, rest=join(base.rest or value, value))
            else:
                if base.keys is None and base.ctype is None and not base.taints:
                    base = replace(base, ctype="dict", keys=())
                new = base.with_key(k, value) if base.keys is not None else \
                    replace(base, rest=join(base.rest or value, value))
        else:
            new = replace(base, rest=join(base.rest or value, value))
        self.write_back(target.value, new, st, frame, node)

    def _is_session(self, expr: ast.expr, base: Value) -> bool:
        if base.ref in ("flask.session", "quart.session", f"{REQUEST}.session"):
            return True
        return isinstance(expr, ast.Attribute) and expr.attr in self.models.session_attributes \
            and isinstance(expr.value, (ast.Name, ast.Attribute)) and \
            _last_name(expr.value) in self.models.request_names

    def write_back(self, expr: ast.expr, value: Value, st: State, frame: Frame,
                   node: ast.AST) -> None:
        """Store an updated container or object back where it was read from."""
        if isinstance(expr, ast.Name):
            if expr.id in st or frame.info is None:
                st[expr.id] = value
        elif isinstance(expr, ast.Attribute):
            owner = self.eval(expr.value, st, frame)
            if owner.ref is None:
                self.write_back(expr.value, owner.with_field(expr.attr, value), st, frame, node)
        elif isinstance(expr, ast.Subscript):
            owner = self.eval(expr.value, st, frame)
            key = self.eval(expr.slice, st, frame)
            if owner.ref is None and key.is_const and owner.keys is not None and \
                    isinstance(key.const, (str, int, bool)):
                self.write_back(expr.value, owner.with_key(key.const, value), st, frame, node)

    # -- refinement by checks ------------------------------------------------------------------
    def refine(self, test: ast.expr, truth: bool, st: State, frame: Frame) -> State:
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self.refine(test.operand, not truth, st, frame)
        if isinstance(test, ast.BoolOp):
            conjunctive = isinstance(test.op, ast.And)
            if conjunctive == truth:
                for value in test.values:
                    st = self.refine(value, truth, st, frame)
            return st
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op, right = test.ops[0], test.comparators[0]
            holds = (isinstance(op, (ast.In, ast.Eq, ast.Is)) and truth) or \
                    (isinstance(op, (ast.NotIn, ast.NotEq, ast.IsNot)) and not truth)
            if not holds:
                return st
            other = self.eval(right, st, frame)
            if isinstance(op, (ast.In, ast.NotIn)):
                if _constant_collection(other):
                    return self._clear(test.left, frozenset({ALL_KINDS}), st, frame)
                return st
            # `holds` says the comparison is an equality here (`==` true or `!=` false)
            if isinstance(op, (ast.Eq, ast.NotEq)) and other.is_const and not other.taints:
                return self._clear(test.left, frozenset({ALL_KINDS}), st, frame, other)
            if isinstance(op, (ast.Eq, ast.NotEq)):
                return self._refine_common_path(test.left, right, st, frame)
            return st
        if isinstance(test, ast.Call):
            return self._refine_call(test, truth, st, frame)
        if isinstance(test, ast.Name) and test.id in frame.conditions:
            # `ok = is_safe(url)` ... `if ok:`
            return self.refine(frame.conditions[test.id], truth, st, frame)
        return st

    def _refine_common_path(self, left: ast.expr, right: ast.expr, st: State,
                            frame: Frame) -> State:
        """`os.path.commonpath([base, path]) == base`: `path` is inside `base`."""
        for call, base in ((left, right), (right, left)):
            if isinstance(call, ast.Call) and call.args and \
                    (self._static_ref(call.func, st, frame) or "").endswith("commonpath") and \
                    isinstance(call.args[0], (ast.List, ast.Tuple)):
                for element in call.args[0].elts:
                    if ast.dump(element) != ast.dump(base):
                        st = self._clear(element, frozenset({"pathtraver"}), st, frame)
        return st

    def _refine_call(self, test: ast.Call, truth: bool, st: State, frame: Frame) -> State:
        func = test.func
        callee = self.eval(func, st, frame) if isinstance(func, (ast.Name, ast.Attribute)) \
            else UNKNOWN
        ref = self.project.canonical(callee.ref) if callee.ref else None
        if ref in self.project.functions:
            return self._refine_by_predicate(test, self.project.functions[ref], callee, truth,
                                             st, frame)
        if not truth:
            return st
        if isinstance(func, ast.Attribute):
            name = func.attr
            if name in _ALNUM_CHECKS:
                return self._clear(func.value, frozenset({ALL_KINDS}), st, frame)
            if name in ("startswith", "is_relative_to") and test.args:
                receiver = self.eval(func.value, st, frame)
                prefix = self.eval(test.args[0], st, frame)
                if receiver.ctype == "normpath":
                    return self._clear(func.value, frozenset({"pathtraver"}), st, frame)
                if isinstance(prefix.const, str) and "://" in prefix.const and \
                        prefix.const.split("://", 1)[1].count("/") >= 1:
                    return self._clear(func.value, frozenset({"ssrf", "redirect"}), st, frame)
                return st
            if name in ("match", "fullmatch", "search"):
                pattern = self.eval(func.value, st, frame)
                base = self._static_ref(func.value, st, frame)
                if base in ("re", "regex") and len(test.args) >= 2:
                    pat = self.eval(test.args[0], st, frame)
                    flags = self.eval(test.args[2], st, frame) if len(test.args) > 2 else None
                    return self._regex_guard(name, pat, flags, test.args[1], st, frame)
                if pattern.ctype == "regex" and test.args:
                    compiled = pattern.field("pattern")
                    flags = pattern.field("flags")
                    if compiled is not None:
                        return self._regex_guard(name, compiled, flags, test.args[0], st, frame)
                return st
        ref = self._static_ref(func, st, frame)
        if ref is not None and test.args:
            last = ref.rsplit(".", 1)[-1]
            if ref in _SAFE_URL_CHECKS or last in _SAFE_URL_CHECKS:
                return self._clear(test.args[0], frozenset({"redirect", "ssrf"}), st, frame)
        if ref is not None and not test.args and ref.rsplit(".", 1)[-1] in _SAFE_URL_CHECKS:
            for kw in test.keywords:
                if kw.arg == "url":
                    return self._clear(kw.value, frozenset({"redirect", "ssrf"}), st, frame)
            if last == "compare_digest":
                for arg in test.args:
                    st = self._clear(arg, frozenset({ALL_KINDS}), st, frame)
                return st
            if last == "isinstance" and len(test.args) == 2:
                kinds = self._static_ref(test.args[1], st, frame)
                if kinds in ("int", "float", "bool", "uuid.UUID"):
                    return self._clear(test.args[0], frozenset({ALL_KINDS}), st, frame)
        return st

    def _refine_by_predicate(self, test: ast.Call, info: FunctionInfo, callee: Value,
                             truth: bool, st: State, frame: Frame) -> State:
        """A check written as a function of the project (`if not is_allowed_host(url):`):
        what holds of each argument on every path where it returns `truth` holds here."""
        if info.ref in self.stack or len(self.stack) >= MAX_CALL_DEPTH or \
                any(isinstance(a, ast.Starred) for a in test.args):
            return st
        args = [self.eval(a, st, frame) for a in test.args]
        bound = callee.field("__self__")
        fn = info.node
        params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        if info.class_ref is not None and not _is_static(fn):
            params = params[1:]
        inner = Frame(self.project.modules[info.module], info, predicate=truth)
        env: State = dict(zip(params, args, strict=False))
        if info.class_ref is not None and not _is_static(fn) and fn.args.args:
            env[fn.args.args[0].arg] = bound if bound is not None else Value(ctype=info.class_ref)
        self.stack.append(info.ref)
        try:
            end = self.exec_block(fn.body, env, inner)
        finally:
            self.stack.pop()
        if end is not None and truth is False:
            inner.predicate_states.append(end)  # falling off the end returns None
        if not inner.predicate_states:
            return st
        for i, expr in enumerate(test.args[:len(params)]):
            kinds: frozenset[str] | None = None
            for state in inner.predicate_states:
                value = state.get(params[i])
                here = _cleared_kinds(value) if value is not None else frozenset()
                kinds = here if kinds is None else kinds & here
            if kinds:
                st = self._clear(expr, kinds, st, frame)
        return st

    def _regex_guard(self, function: str, pattern: Value, flags: Value | None,
                     subject: ast.expr, st: State, frame: Frame) -> State:
        if not isinstance(pattern.const, str):
            return st
        flag_value = flags.const if flags is not None and isinstance(flags.const, int) else 0
        cleared = guards.regex_check(function, pattern.const, int(flag_value))
        return self._clear(subject, cleared, st, frame) if cleared else st

    def _clear(self, expr: ast.expr, kinds: frozenset[str], st: State, frame: Frame,
               to: Value | None = None) -> State:
        """The value `expr` names (and what it was parsed from) is safe for `kinds`."""
        names: set[str] = set()
        target = expr
        if isinstance(target, ast.BoolOp) and isinstance(target.op, ast.Or):
            target = target.values[0]  # `(urlsplit(url).hostname or "") in ALLOWED`
        while isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) \
                and target.func.attr in _STR_KEEP:
            target = target.func.value
        if isinstance(target, ast.Call) and target.args:
            ref = self._static_ref(target.func, st, frame)
            if ref in _URL_PARSERS or ref in _NORMALIZERS or (ref or "").endswith("urlparse"):
                target = target.args[0]
        if isinstance(target, ast.Attribute) and target.attr == "scheme":
            return st  # the scheme says nothing about which host is reached
        if isinstance(target, ast.Attribute) and target.attr in ("netloc", "hostname", "host"):
            kinds = frozenset({"ssrf", "redirect"})
            target = target.value
            if isinstance(target, ast.Call) and target.args:
                target = target.args[0]
        if isinstance(target, ast.Name):
            names.add(target.id)
            names |= frame.origins.get(target.id, set())
        elif isinstance(target, (ast.Attribute, ast.Subscript)):
            value = self.eval(target, st, frame)
            self._write_back_cleared(target, self._cleaned(value, kinds, to), st, frame)
            return st
        for name in names:
            current = st.get(name)
            if current is not None:
                st[name] = self._cleaned(current, kinds, to if name == getattr(target, "id", None)
                                         else None)
        return st

    def _write_back_cleared(self, target: ast.expr, value: Value, st: State, frame: Frame) -> None:
        if isinstance(target, ast.Attribute):
            owner = self.eval(target.value, st, frame)
            if owner.ref is None:
                self.write_back(target.value, owner.with_field(target.attr, value), st, frame,
                                target)
        elif isinstance(target, ast.Subscript):
            self.write_back(target, value, st, frame, target)

    @staticmethod
    def _cleaned(value: Value, kinds: frozenset[str], to: Value | None) -> Value:
        if to is not None and ALL_KINDS in kinds:
            return to
        cleaned = map_taints(value, lambda t: t.clear(kinds))
        return replace(cleaned, safe=cleaned.safe | kinds)

    # -- expressions ---------------------------------------------------------------------------
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
                step = self.step(frame, node, _short(node))
                return tainted(Taint("remote", (step,),
                                     self.models.request_guarantees.get(attr, frozenset())))
            return Value(ref=f"{REQUEST}.{attr}")
        if base.taints and base.fields is None:
            return Value(taints=base.taints)
        known = base.field(attr)
        if known is not None:
            return known
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
                return tainted(Taint("remote", (self.step(frame, node, _short(node)),)))
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
        return consts.get(attr, UNKNOWN)

    def _class_constants(self, class_ref: str) -> dict[str, Value]:
        if class_ref in self._class_consts:
            return self._class_consts[class_ref]
        out: dict[str, Value] = {}
        cls = self.project.classes.get(class_ref)
        if cls is not None:
            for stmt in cls.node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name):
                    literal = _literal(stmt.value)
                    if literal is not None:
                        out[stmt.targets[0].id] = literal
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
                    and -len(base.items) <= k < len(base.items):
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
            if isinstance(hi, int) and lo_i >= 0 and 0 <= hi <= len(base.prefix):
                return const(base.prefix[lo_i:hi])
            if isinstance(lo, int) and lo < 0 and hi is None and -lo <= len(base.suffix):
                return const(base.suffix[lo:])
            return derived([base], prefix=base.prefix[lo_i:] if lo_i >= 0 else "")
        return derived([base])

    def _binop_node(self, node: ast.BinOp, st: State, frame: Frame) -> Value:
        return self._binop(node.op, self.eval(node.left, st, frame),
                           self.eval(node.right, st, frame))

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
            if left.items is not None and right.items is not None:
                return container(left.ctype or "list", (*left.items, *right.items))
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
            truth = _truth(value)
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
            value = _fold_compare(fn, op, left, right)
            if value is None:
                result = None
            elif result is not None and not value:
                return const(False)
            left = right
        return const(result) if result is not None else Value(safe=frozenset({ALL_KINDS}))

    def _unaryop(self, node: ast.UnaryOp, st: State, frame: Frame) -> Value:
        value = self.eval(node.operand, st, frame)
        if isinstance(node.op, ast.Not):
            truth = _truth(value)
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
        truth = _truth(self.eval(node.test, st, frame))
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
                parts.append(inner if value.conversion in (-1, 115, 114) else derived([inner]))
            else:
                parts.append(self.eval(value, st, frame))
        if all(p.is_const and not p.taints for p in parts):
            try:
                return const("".join(str(p.const) for p in parts))
            except Exception:
                return UNKNOWN
        parts = _requote(parts)
        prefix = ""
        for p in parts:
            if isinstance(p.const, str):
                prefix += p.const
            else:
                prefix += p.prefix
                break
        suffix = ""
        for p in reversed(parts):
            if isinstance(p.const, str):
                suffix = p.const + suffix
            else:
                suffix = p.suffix + suffix
                break
        safe = frozenset.intersection(*[_value_safe(p) for p in parts]) if parts else frozenset()
        return derived(parts, safe=safe, prefix=prefix, suffix=suffix)

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

    # -- calls ---------------------------------------------------------------------------------
    def _call(self, node: ast.Call, st: State, frame: Frame) -> Value:
        args, star = self._elements(node.args, st, frame)
        kwargs: dict[str, Value] = {}
        for kw in node.keywords:
            value = self.eval(kw.value, st, frame)
            if kw.arg is None:
                for k, v in value.keys or ():
                    if isinstance(k, str):
                        kwargs[k] = v
                if value.rest is not None or value.taints:
                    star = join(star or value.element(), value.element())
            else:
                kwargs[kw.arg] = value
        if star is not None:
            args.append(star)
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = self.eval(func.value, st, frame)
            return self.method_call(node, func, receiver, args, kwargs, st, frame)
        if isinstance(func, ast.Name) and func.id == "start_response" and len(args) >= 2:
            self._start_response(node, args[1], frame)
            return UNKNOWN
        if len(node.args) >= 2 and isinstance(node.args[1], ast.Name) and \
                node.args[1].id == "start_response":
            # calling the WSGI application a middleware or server wraps: its response is
            # that application's, judged where it is made
            return UNKNOWN
        callee = self.eval(func, st, frame)
        return self.apply(node, callee, args, kwargs, st, frame)

    def _start_response(self, node: ast.Call, headers: Value, frame: Frame) -> None:
        """WSGI headers: the content type decides whether the body is HTML; other values are
        headers a client's data must not break."""
        for header in headers.items or ():
            if header.items is None or len(header.items) != 2:
                continue
            name, value = header.items
            key = name.const.lower() if isinstance(name.const, str) else ""
            if key == "content-type":
                frame.content_type = value
            elif key:
                kind = "redirect" if key == "location" else "headeri"
                self.sink_values(kind, [value], self.step(frame, node, f"{name.const} header"))
        frame.wsgi_body = True

    def apply(self, node: ast.Call, callee: Value, args: list[Value], kwargs: dict[str, Value],
              st: State, frame: Frame, receiver: Value | None = None) -> Value:
        ref = callee.ref
        if ref is not None:
            ref = self.project.canonical(ref)
            if ref in self.project.functions:
                bound = callee.field("__self__")
                result, _ = self.call_project(node, self.project.functions[ref], args, kwargs,
                                              bound, frame)
                return result
            if ref in self.project.classes:
                return self.instantiate(node, ref, args, kwargs, frame)
            if ref == "super":
                return UNKNOWN
            return self.external(node, ref, args, kwargs, st, frame, receiver)
        if callee.taints:
            return derived([callee, *args, *kwargs.values()])
        return self._propagate(args, kwargs, None)

    def method_call(self, node: ast.Call, func: ast.Attribute, receiver: Value,
                    args: list[Value], kwargs: dict[str, Value], st: State,
                    frame: Frame) -> Value:
        name = func.attr
        if receiver.ref is not None and receiver.ref != REQUEST and \
                not receiver.ref.startswith(f"{REQUEST}."):
            callee = self._attribute(func, st, frame) if receiver.ref.startswith(PROJECT) \
                else Value(ref=f"{receiver.ref}.{name}")
            if receiver.ref.endswith(".objects") and name not in self.models.sinks_by_method:
                # a Django manager: rows from the database, not the filter's arguments
                return UNKNOWN
            target = self.project.canonical(callee.ref) if callee.ref else None
            if target is not None and target not in self.project.functions and \
                    target not in self.project.classes and \
                    target not in self.models.sinks_by_ref:
                # a manager or client reached through a name (`Model.objects.raw(...)`)
                for sink in self.models.sinks_by_method.get(name, ()):
                    if sink.receiver is None and sink.self_bases is None and \
                            sink.when != "tainted-receiver":
                        self.check_sink(node, sink, args, kwargs, frame, receiver)
            return self.apply(node, callee, args, kwargs, st, frame, receiver)
        if receiver.ref == REQUEST or (receiver.ref or "").startswith(f"{REQUEST}."):
            guaranteed = self.models.request_guarantees.get(name, frozenset())
            if receiver.ref == REQUEST and (name in _REQUEST_CLEAN_METHODS
                                            or ALL_KINDS in guaranteed):
                return Value(safe=frozenset({ALL_KINDS}))
            if receiver.ref == f"{REQUEST}.session":
                return UNKNOWN
            # what a request object's methods hand back is the client's data (a framework's
            # `get_json()`, a project's own `req.arg("name")` wrapper alike)
            return tainted(Taint("remote", (self.step(frame, node, _short(node)),), guaranteed))
        class_ref = receiver.ctype if receiver.ctype and receiver.ctype.startswith(PROJECT) \
            else None
        if class_ref is not None:
            for index in self.project.handler_class(class_ref):
                handler = self.models.handler_classes[index]
                if name in handler.methods:
                    return tainted(Taint("remote", (self.step(frame, node, _short(node)),)))
            method = self.project.method(class_ref, name)
            if method is not None:
                result, after = self.call_project(node, self.project.functions[method], args,
                                                  kwargs, receiver, frame)
                if after is not None and after != receiver:
                    self.write_back(func.value, after, st, frame, node)
                return result
            self._self_sinks(node, name, class_ref, args, kwargs, frame)
        if receiver.ctype == "sax-parser" and name == "setFeature" and len(args) == 2 and \
                args[1].const is True and "external" in str(args[0].const or "") + str(
                    _last_name(node.args[0]) if node.args else ""):
            self.write_back(func.value, replace(receiver, ctype="sax-parser-external"), st,
                            frame, node)
            return NONE
        if receiver.taints and name == "get" and "type" in kwargs:
            caster = kwargs["type"].ref
            if caster in ("int", "float", "bool"):
                return Value(safe=frozenset({ALL_KINDS}))
        sinks = self.models.sinks_by_method.get(name, ())
        tag = self._receiver_tag(func.value, receiver)
        consumed = False
        for sink in sinks:
            if sink.self_bases is not None:
                continue
            if sink.receiver is not None and tag not in sink.receiver:
                continue
            if sink.when == "tainted-receiver" and not receiver.all_taints():
                continue
            self.check_sink(node, sink, args, kwargs, frame, receiver)
            consumed = consumed or sink.kind in _CONSUMED
        if consumed:
            return UNKNOWN
        builtin = self._builtin_method(node, func, name, receiver, args, kwargs, st, frame)
        if builtin is not None:
            return builtin
        for san in self.models.sanitizers_by_method.get(name, ()):
            if san.receiver is None or tag in san.receiver:
                return self._sanitized(derived([receiver, *args]), san.clears)
        if tag in ("xml-tree",):
            return replace(derived([receiver, *args]), ctype="xml-tree")
        called = self._callbacks(node, args, kwargs, frame)
        if called is not None:
            return called
        return self._propagate(args, kwargs, receiver)

    def _receiver_tag(self, expr: ast.expr, receiver: Value) -> str | None:
        if receiver.ctype is not None and not receiver.ctype.startswith(PROJECT):
            return receiver.ctype
        last = _last_name(expr)
        if last in self.models.logger_names:
            return "logger"
        if last == "wfile":
            return "wfile"
        return None

    def _self_sinks(self, node: ast.Call, name: str, class_ref: str, args: list[Value],
                    kwargs: dict[str, Value], frame: Frame) -> None:
        names = self.project.classes[class_ref].base_names if class_ref in \
            self.project.classes else frozenset()
        for sink in self.models.sinks_by_method.get(name, ()):
            if sink.self_bases is None:
                continue
            if any(re.search(sink.self_bases, n) for n in names):
                self.check_sink(node, sink, args, kwargs, frame, None)

    def _builtin_method(self, node: ast.Call, func: ast.Attribute, name: str, recv: Value,
                        args: list[Value], kwargs: dict[str, Value], st: State,
                        frame: Frame) -> Value | None:
        """Strings, containers and the few library objects that store and hand back a value."""
        is_str = isinstance(recv.const, str) or (recv.ctype is None and recv.items is None
                                                 and recv.keys is None)
        if name == "join" and (isinstance(recv.const, (str, bytes)) or recv.ctype == "path"):
            if recv.ctype == "path":
                return replace(derived([recv, *args]), ctype="path")
            seq = args[0] if args else UNKNOWN
            if seq.items is not None and all(i.is_const for i in seq.items) and \
                    all(isinstance(i.const, str) for i in seq.items) and \
                    isinstance(recv.const, str) and not seq.taints:
                return const(recv.const.join(str(i.const) for i in seq.items))
            parts = list(seq.items or ()) + ([seq.rest] if seq.rest is not None else [])
            safe = frozenset.intersection(*[_value_safe(p) for p in parts]) if (parts and \
                seq.items is not None) or seq.rest is not None else frozenset()
            return derived([seq], safe=safe if parts else frozenset({ALL_KINDS}))
        if recv.ctype == "markup" and name in ("format", "join", "__add__"):
            # Markup escapes what is formatted into it
            return replace(self._sanitized(derived([*args, *kwargs.values()]),
                                           frozenset({"xss"})), ctype="markup")
        if name == "format" and isinstance(recv.const, str):
            values = [*args, *kwargs.values()]
            if all(v.is_const and not v.taints for v in values):
                try:
                    return const(recv.const.format(*[a.const for a in args],
                                                   **{k: v.const for k, v in kwargs.items()}))
                except Exception:
                    return UNKNOWN
            safe = frozenset.intersection(*[_value_safe(v) for v in values]) if values \
                else frozenset({ALL_KINDS})
            return derived(values, safe=safe, prefix=recv.const.split("{", 1)[0])
        if name == "replace" and len(args) >= 2:
            old, new = args[0], args[1]
            if recv.is_const and old.is_const and new.is_const and not recv.taints:
                try:
                    return const(recv.const.replace(old.const, new.const))  # type: ignore
                except Exception:
                    return UNKNOWN
            cleared: set[str] = set()
            if isinstance(old.const, str):
                if "\n" in old.const or "\r" in old.const:
                    cleared |= {"headeri", "logi"}
                if old.const in ("..", "../", "..\\"):
                    cleared.add("pathtraver")
                if old.const == "<" or old.const == ">":
                    cleared.add("xss")
                if old.const == "'" and isinstance(new.const, str) and new.const in ("''",
                                                                                      "\\'"):
                    cleared.add("sqli")
            out = derived([recv, new])
            if cleared:
                out = self._sanitized(out, frozenset(cleared), keep_safe=recv.safe)
            else:
                out = replace(out, safe=_value_safe(recv) & _value_safe(new))
            return out
        if name in ("split", "rsplit", "splitlines", "partition", "rpartition"):
            if recv.is_const and not recv.taints and all(a.is_const for a in args):
                try:
                    parts = getattr(recv.const, name)(*[a.const for a in args])
                    return container("list", [const(p) for p in parts])
                except Exception:
                    return UNKNOWN
            element = derived([recv], safe=_value_safe(recv))
            sep = args[0].const if args else None
            if sep == "/":
                element = self._sanitized(element, frozenset({"pathtraver"}),
                                          keep_safe=element.safe)
            if sep in ("\n", "\r\n") or name == "splitlines":
                element = self._sanitized(element, frozenset({"headeri", "logi"}),
                                          keep_safe=element.safe)
            return container("list", rest=element)
        if name == "encode" and args and isinstance(args[0].const, str) and \
                args[0].const.replace("-", "_").lower() in ("unicode_escape", "raw_unicode_escape",
                                                            "string_escape"):
            return self._sanitized(derived([recv]), frozenset({"logi", "headeri"}),
                                   keep_safe=recv.safe)
        if is_str and name in _STR_KEEP:
            if recv.is_const and not recv.taints and not args:
                try:
                    return const(getattr(recv.const, name)())
                except Exception:
                    return UNKNOWN
            if recv.taints or recv.safe or recv.ctype in ("path", "normpath", "buffer"):
                out = derived([recv], safe=_value_safe(recv),
                              prefix=recv.prefix if name in ("encode", "decode", "rstrip")
                              else "")
                ctype = "normpath" if name == "resolve" else (
                    recv.ctype if recv.ctype in ("path", "normpath") else None)
                if recv.ctype == "buffer":
                    return derived([recv.element()] if recv.rest is not None else [recv])
                return replace(out, ctype=ctype)
        if recv.ctype in ("path", "normpath") and name in _PATH_METHODS:
            out = derived([recv, *args])
            return replace(out, ctype="normpath" if name in ("resolve", "realpath") or (
                recv.ctype == "normpath" and name not in ("joinpath", "with_name")) else "path")
        if name in _BOOL_METHODS:
            return Value(safe=frozenset({ALL_KINDS}))
        if recv.ctype == "store":
            if name == "set" and len(args) >= 3:
                key = _joined_key(args[0], args[1])
                new = recv.with_key(key, args[2]) if key is not None else replace(
                    recv, rest=join(recv.rest or args[2], args[2]))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name in ("get", "getint", "getboolean", "getfloat") and len(args) >= 2:
                if name != "get":
                    return Value(safe=frozenset({ALL_KINDS}))
                key = _joined_key(args[0], args[1])
                found = recv.key(key) if key is not None else None
                if found is not None:
                    return found
                return recv.rest or UNKNOWN
            if name in ("read", "read_string", "read_file", "add_section"):
                return NONE
        if recv.ctype == "buffer":
            if name in ("write", "writelines") and args:
                new = replace(recv, rest=join(recv.rest or args[0], args[0]))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name in ("getvalue", "read", "readline", "readlines"):
                return derived([recv.rest]) if recv.rest is not None else const("")
        if recv.ctype == "regex" and name in ("match", "fullmatch", "search", "sub", "findall",
                                              "finditer", "split", "subn"):
            return derived(args[:1] if name != "sub" else args[:2])
        return self._container_method(node, func, name, recv, args, kwargs, st, frame)

    def _container_method(self, node: ast.Call, func: ast.Attribute, name: str, recv: Value,
                          args: list[Value], kwargs: dict[str, Value], st: State,
                          frame: Frame) -> Value | None:
        is_list = recv.ctype in ("list", "tuple") or recv.items is not None
        is_dict = recv.ctype == "dict" or recv.keys is not None
        is_set = recv.ctype == "set"
        if not (is_list or is_dict or is_set):
            if name in ("append", "extend", "insert", "add", "update") and not recv.taints \
                    and recv.ref is None and recv.ctype is None and isinstance(func.value,
                                                                               ast.Name):
                is_list = name in ("append", "extend", "insert")
                is_set = name == "add"
                is_dict = name == "update"
                recv = Value(ctype="list" if is_list else "set" if is_set else "dict",
                             rest=None)
                if is_list:
                    recv = replace(recv, rest=UNKNOWN)
            else:
                return None
        if is_list:
            items = list(recv.items) if recv.items is not None else None
            if name == "append" and args:
                new = container(recv.ctype or "list", [*items, args[0]], recv.rest) \
                    if items is not None else replace(recv, rest=join(recv.rest or args[0],
                                                                      args[0]))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name == "extend" and args:
                other = args[0]
                if items is not None and other.items is not None:
                    new = container(recv.ctype or "list", [*items, *other.items])
                else:
                    new = replace(recv, items=None,
                                  rest=join_all([*(items or []), *([recv.rest] if recv.rest
                                                                   else []), other.element()]))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name == "insert" and len(args) >= 2:
                pos = args[0].const
                if items is not None and isinstance(pos, int):
                    items.insert(pos, args[1])
                    new = container(recv.ctype or "list", items)
                else:
                    new = replace(recv, items=None, rest=join_all([*(items or []), args[1]]))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name == "pop":
                pos = args[0].const if args else -1
                if items and isinstance(pos, int) and -len(items) <= pos < len(items):
                    popped = items.pop(pos)
                    self.write_back(func.value, container(recv.ctype or "list", items),
                                    st, frame, node)
                    return popped
                return recv.element()
            if name in ("remove", "sort", "reverse", "clear"):
                if name == "reverse" and items is not None:
                    new = container(recv.ctype or "list", list(reversed(items)))
                elif name == "clear":
                    new = container(recv.ctype or "list", [])
                else:
                    new = container(recv.ctype or "list", rest=recv.element())
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name in ("copy",):
                return recv
            if name in ("index", "count"):
                return Value(safe=frozenset({ALL_KINDS}))
        if is_dict:
            if name in ("get", "setdefault") and args:
                key = args[0]
                default = args[1] if len(args) > 1 else NONE
                if key.is_const and isinstance(key.const, (str, int, bool)):
                    found = recv.key(key.const)
                    if found is not None:
                        return found
                    if name == "setdefault":
                        new = recv.with_key(key.const, default) if recv.keys is not None \
                            else recv
                        self.write_back(func.value, new, st, frame, node)
                        return default
                    if recv.rest is None and not recv.taints:
                        return default
                return join(recv.element(), default)
            if name == "pop" and args:
                key = args[0]
                if key.is_const and isinstance(key.const, (str, int, bool)) and \
                        recv.key(key.const) is not None:
                    found = recv.key(key.const)
                    keys = tuple((k, v) for k, v in recv.keys or () if k != key.const)
                    self.write_back(func.value, replace(recv, keys=keys), st, frame, node)
                    return found or UNKNOWN
                return join(recv.element(), args[1] if len(args) > 1 else NONE)
            if name == "update":
                other = args[0] if args else container("dict", keys=())
                new = recv
                for k, v in other.keys or ():
                    new = new.with_key(k, v) if new.keys is not None else new
                for k, v in kwargs.items():
                    new = new.with_key(k, v) if new.keys is not None else new
                if other.rest is not None or other.taints:
                    new = replace(new, rest=join(new.rest or other.element(), other.element()))
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name == "items":
                pairs = [container("tuple", [const(k), v]) for k, v in recv.keys or ()]
                rest = container("tuple", rest=recv.rest) if recv.rest is not None else None
                return container("list", pairs if rest is None else None,
                                 rest=join_all([*pairs, rest]) if rest is not None else None)
            if name == "keys":
                return container("list", [const(k) for k, _ in recv.keys or ()]
                                 if recv.rest is None else None,
                                 rest=Value(taints=recv.rest.all_taints())
                                 if recv.rest is not None else None)
            if name == "values":
                return container("list", rest=recv.element())
            if name == "copy":
                return recv
        if is_set:
            if name == "add" and args:
                new = replace(recv, items=None, rest=join_all([*(recv.items or []), *(
                    [recv.rest] if recv.rest else []), args[0]]), ctype="set")
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name in ("discard", "remove"):
                return NONE
        return None

    def _callbacks(self, node: ast.Call, args: list[Value], kwargs: dict[str, Value],
                   frame: Frame) -> Value | None:
        """A project function handed to a library call with its arguments
        (`loop.run_in_executor(None, job, a, b)`, `pool.submit(job, a)`,
        `Thread(target=job, args=(a,))`): analysed as called with them."""
        target = kwargs.get("target") or kwargs.get("func")
        call_args: list[Value] = []
        if target is not None and target.ref is not None:
            extra = kwargs.get("args")
            call_args = list(extra.items or ()) if extra is not None else []
        else:
            for i, arg in enumerate(args):
                if arg.ref is not None and self.project.canonical(arg.ref) in \
                        self.project.functions:
                    target, call_args = arg, args[i + 1:]
                    break
        if target is None or target.ref is None:
            return None
        ref = self.project.canonical(target.ref)
        if ref not in self.project.functions:
            return None
        result, _ = self.call_project(node, self.project.functions[ref], call_args, {},
                                      target.field("__self__"), frame)
        return result

    def _propagate(self, args: list[Value], kwargs: dict[str, Value],
                   receiver: Value | None) -> Value:
        parts = [*args, *kwargs.values()] + ([receiver] if receiver is not None else [])
        if not any(p.all_taints() for p in parts):
            return UNKNOWN
        return derived(parts)

    @staticmethod
    def _sanitized(value: Value, kinds: frozenset[str],
                   keep_safe: frozenset[str] = frozenset()) -> Value:
        cleaned = map_taints(value, lambda t: t.clear(kinds))
        return replace(cleaned, safe=cleaned.safe | kinds | keep_safe)

    def external(self, node: ast.Call, ref: str, args: list[Value], kwargs: dict[str, Value],
                 st: State, frame: Frame, receiver: Value | None) -> Value:
        models = self.models
        if ref.rsplit(".", 1)[-1] == "Markup":
            for sink in models.sinks_by_ref.get(ref, ()):
                self.check_sink(node, sink, args, kwargs, frame, receiver)
            return Value(ctype="markup", safe=frozenset({"xss"}) if all(
                a.proven_safe("xss") for a in args) else frozenset())
        response = consumed = False
        for sink in models.sinks_by_ref.get(ref, ()):
            if sink.kind != "none":
                self.check_sink(node, sink, args, kwargs, frame, receiver)
                consumed = consumed or sink.kind in _CONSUMED
            response = response or (sink.kind in ("redirect", "pathtraver", "none") and \
                ref.split(".")[0] in _WEB_PACKAGES)
        if response:
            return Value(ctype="response")
        if consumed and ref not in models.types:
            return UNKNOWN
        if ref in ("lxml.etree.XMLParser", "lxml.etree.XMLPullParser"):
            entities = kwargs.get("resolve_entities")
            network = kwargs.get("no_network")
            if (entities is not None and entities.const is True) or (
                    network is not None and network.const is False):
                return Value(ctype="lxml-entities")
            return Value(ctype="lxml-parser")
        if ref in models.types:
            tag = models.types[ref]
            out = derived([*args, *kwargs.values()])
            if tag == "store":
                return Value(ctype="store", keys=())
            if tag == "buffer":
                return Value(ctype="buffer", rest=args[0] if args else None)
            if tag == "template-env" and kwargs.get("autoescape") is not None:
                return Value(ctype="template-env")
            return replace(out, ctype=tag)
        rows = models.sanitizers_by_ref.get(ref, ())
        applying = [san for san in rows
                    if not any(_given(kwargs, k, v) for k, v in san.unless)
                    and all(_given(kwargs, k, v) for k, v in san.when)]
        if rows:
            value = derived([*args, *kwargs.values()])
            if ref in _NORMALIZERS:
                return replace(value, ctype="normpath")
            return self._sanitized(value, frozenset().union(*(s.clears for s in applying)))
        if ref in models.clean_results or ref.rsplit(".", 1)[-1] in models.clean_results:
            return Value(safe=frozenset({ALL_KINDS}))
        if ref in _NORMALIZERS or ref.rsplit(".", 1)[-1] in ("safe_join",):
            return replace(derived(args), ctype="normpath")
        if ref.endswith(("make_response", "HttpResponse", ".Response", "HTMLResponse")) or \
                ref in ("flask.Response", "werkzeug.wrappers.Response"):
            body = args[0] if args else kwargs.get("content", kwargs.get("response", NONE))
            return Value(ctype="response", fields=(("body", body),))
        if ref in ("re.sub", "regex.sub") and len(args) >= 3 and \
                isinstance(args[0].const, str) and args[1].is_const:
            flags = kwargs.get("flags", args[4] if len(args) > 4 else const(0))
            cleared = guards.substitution_clears(args[0].const, args[1].const,
                                                 flags.const if isinstance(flags.const, int)
                                                 else 0)
            out = derived([args[2]], safe=args[2].safe)
            return self._sanitized(out, cleared, keep_safe=args[2].safe) if cleared else out
        builtin = self._builtin_call(ref, args, kwargs)
        if builtin is not None:
            return builtin
        if ref in ("pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"):
            return replace(derived(args), ctype="path")
        if ref in ("re.compile", "regex.compile") and args:
            return Value(ctype="regex", fields=(("pattern", args[0]),
                                               ("flags", args[1] if len(args) > 1 else
                                                kwargs.get("flags", const(0)))))
        if ref in _URL_PARSERS:
            return derived(args)
        if receiver is not None and receiver.ref is not None and not args and not kwargs:
            return UNKNOWN
        called = self._callbacks(node, args, kwargs, frame)
        if called is not None:
            return called
        return self._propagate(args, kwargs, None)

    def _builtin_call(self, ref: str, args: list[Value],
                      kwargs: dict[str, Value]) -> Value | None:
        first = args[0] if args else None
        if ref == "str" and first is not None:
            if first.is_const and not first.taints:
                return const(str(first.const))
            return derived([first], safe=_value_safe(first), prefix=first.prefix)
        if ref in ("list", "tuple", "set", "frozenset", "sorted", "reversed") and first is not None:
            ctype = "set" if ref in ("set", "frozenset") else ("tuple" if ref == "tuple"
                                                               else "list")
            if first.items is not None and ref in ("list", "tuple"):
                return container(ctype, first.items)
            if isinstance(first.const, str) and not first.taints:
                return container(ctype, [const(c) for c in first.const[:16]])
            return container(ctype, rest=first.element())
        if ref == "dict":
            if first is not None and first.keys is not None:
                base = first
            else:
                base = container("dict", keys=())
            for k, v in kwargs.items():
                base = base.with_key(k, v)
            return base
        if ref in ("min", "max", "sum", "next", "iter", "enumerate", "zip", "map", "filter",
                   "getattr", "repr", "format", "ascii", "bytes", "bytearray", "memoryview",
                   "vars", "chr", "ord", "hex", "oct", "bin"):
            if ref in ("chr", "ord", "hex", "oct", "bin"):
                return Value(safe=frozenset({ALL_KINDS}))
            if ref == "next" and first is not None:
                return first.element()
            if ref == "enumerate" and first is not None:
                return container("list", rest=container("tuple", [Value(safe=frozenset(
                    {ALL_KINDS})), first.element()]))
            if ref in ("zip",):
                return container("list", rest=container("tuple", [a.element() for a in args]))
            return self._propagate(args, kwargs, None)
        if ref in ("print", "setattr", "delattr"):
            return NONE
        if ref == "repr" and first is not None:
            # repr escapes line breaks and quotes what it shows
            return self._sanitized(derived([first]), frozenset({"logi", "headeri"}))
        return None

    def instantiate(self, node: ast.Call, class_ref: str, args: list[Value],
                    kwargs: dict[str, Value], frame: Frame) -> Value:
        obj = Value(ctype=class_ref, fields=())
        init = self.project.method(class_ref, "__init__")
        if init is None:
            return obj
        _, after = self.call_project(node, self.project.functions[init], args, kwargs, obj, frame)
        return after if after is not None else obj

    def call_project(self, node: ast.Call, info: FunctionInfo, args: list[Value],
                     kwargs: dict[str, Value], bound: Value | None,
                     frame: Frame) -> tuple[Value, Value | None]:
        if info.ref in self.stack or len(self.stack) >= MAX_CALL_DEPTH:
            return self._propagate(args, kwargs, None), bound
        is_static = _is_static(info.node)
        if info.class_ref is not None and bound is None and not is_static and args:
            bound, args = args[0], args[1:]  # Class.method(obj, ...)
        key = (info.ref, tuple(args), tuple(sorted(kwargs.items())), bound)
        try:
            cached = self.memo.get(key)
        except TypeError:
            cached = None
        if cached is not None:
            result, after = cached
        else:
            result, after = self._invoke(node, info, args, kwargs, bound, is_static, frame)
            with contextlib.suppress(TypeError):
                self.memo[key] = (result, after)
        if result.all_taints():
            step = self.step(frame, node, f"returned by {info.name}()")
            result = map_taints(result, lambda t: t.extend(step))
        return result, after

    def _invoke(self, node: ast.Call, info: FunctionInfo, args: list[Value],
                kwargs: dict[str, Value], bound: Value | None, is_static: bool,
                caller: Frame) -> tuple[Value, Value | None]:
        fn = info.node
        module = self.project.modules[info.module]
        frame = Frame(module, info)
        frame.handler_kinds = self.project.handler_class(info.class_ref)
        env: State = {}
        params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        self_name: str | None = None
        if info.class_ref is not None and not is_static and params:
            self_name = params[0]
            params = params[1:]
            env[self_name] = bound if bound is not None else Value(ctype=info.class_ref)
        defaults = fn.args.defaults
        first_default = len(params) - len(defaults)
        for i, name in enumerate(params):
            if i < len(args):
                value = args[i]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif i >= first_default >= 0 or (i - first_default) >= 0:
                value = _literal(defaults[i - first_default]) or UNKNOWN
            else:
                value = UNKNOWN
            env[name] = self._enter(value, info, name)
        kwargs = dict(kwargs)
        for arg, default in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True):
            given = kwargs.pop(arg.arg, None)
            if given is None:
                given = (_literal(default) if default is not None else None) or UNKNOWN
            env[arg.arg] = self._enter(given, info, arg.arg)
        if fn.args.vararg is not None:
            env[fn.args.vararg.arg] = container("tuple", args[len(params):])
        if fn.args.kwarg is not None:
            env[fn.args.kwarg.arg] = container("dict", keys=list(kwargs.items()))
        self.stack.append(info.ref)
        try:
            out = self.exec_block(fn.body, env, frame)
        finally:
            self.stack.pop()
        after = None
        if self_name is not None:
            final_envs = [env] if out is None else [out]
            after = final_envs[0].get(self_name, bound)
        values = [v for v, _ in frame.returns]
        if frame.yields:
            result = container("list", rest=join_all(frame.yields))
        elif values:
            result = join_all(values)
        else:
            result = NONE
        if info.handler is not None or frame.wsgi_body:
            self._check_returns(frame, root=False)
        return result, after

    def _enter(self, value: Value, info: FunctionInfo, name: str) -> Value:
        if not value.all_taints():
            return value
        step = Step(info.path, info.node.lineno, info.node.col_offset + 1,
                    f"{info.name}({name})")
        return map_taints(value, lambda t: t.extend(step))

    # -- sinks ---------------------------------------------------------------------------------
    def check_sink(self, node: ast.Call, sink: Sink, args: list[Value],
                   kwargs: dict[str, Value], frame: Frame, receiver: Value | None) -> None:
        values = [args[i] for i in sink.args if i < len(args)]
        values += [kwargs[k] for k in sink.kwargs if k in kwargs]
        kind = sink.kind
        when = sink.when
        if when == "command":
            shell = kwargs.get("shell")
            shell_off = shell is None or (shell.is_const and not shell.const)
            if shell_off and values:
                first = values[0]
                if first.items is not None and len(first.items) >= 3 and \
                        first.items[0].const in _SHELLS and first.items[1].const in ("-c", "/c"):
                    values = [first.items[2]]  # the shell runs that element as a command line
                elif first.items is not None:
                    values = [first.items[0]] if first.items else []
                elif first.ctype in ("list", "tuple") or first.rest is not None:
                    values = []
        elif when == "unsafe-yaml":
            loader = kwargs.get("Loader", args[1] if len(args) > 1 else None)
            name = (loader.ref or "") if loader is not None else ""
            if name.endswith(("SafeLoader", "CSafeLoader", "BaseLoader")):
                return
        elif when == "allow-pickle":
            flag = kwargs.get("allow_pickle")
            if flag is None or (flag.is_const and not flag.const):
                return
        elif when in ("html-content", "not-dict"):
            if any(v.ctype == "dict" or v.keys is not None for v in values):
                return
            positional_type = args[1].const if len(args) > 1 and sink.ref and \
                sink.ref.startswith("django.") else None
            if isinstance(positional_type, str) and "html" not in positional_type.lower():
                return  # HttpResponse(content, content_type)
            for name in ("content_type", "mimetype", "media_type", "ctype"):
                ct = kwargs.get(name)
                if ct is not None and isinstance(ct.const, str) and \
                        "html" not in ct.const.lower():
                    return
        elif when == "lxml-entities":
            parser = kwargs.get("parser", args[1] if len(args) > 1 else None)
            if parser is None or parser.ctype != "lxml-entities":
                return
        elif when == "sax-external":
            parser = kwargs.get("parser", args[1] if len(args) > 1 else None)
            if parser is None or parser.ctype != "sax-parser-external":
                return
        if kind == "xss" and sink.receiver == ("wfile",):
            ct = frame.content_type
            if ct is not None and isinstance(ct.const, str) and "html" not in ct.const.lower():
                return
        if kind == "headeri" and sink.method in ("send_header", "set_header", "add_header") \
                and args:
            header = args[0].const.lower() if isinstance(args[0].const, str) else ""
            if header == "content-type" and len(args) > 1:
                frame.content_type = args[1]
                return
            if header == "location":
                kind = "redirect"
        note = _short(node)
        self.sink_values(kind, values, self.step(frame, node, note))

    def sink_values(self, kind: str, values: Iterable[Value], sink: Step) -> None:
        values = list(values)
        key = (sink.path, sink.line, kind)
        proven = all(v.proven_safe(kind) or _safe_by_structure(kind, v) for v in values)
        self.proofs[key] = self.proofs.get(key, True) and proven
        for value in values:
            if _safe_by_structure(kind, value):
                continue
            for taint in value.all_taints():
                if taint.kind != "remote" or not taint.reaches(kind):
                    continue
                trace = (*taint.trace, sink)
                rkey = (kind, sink.path, sink.line, sink.col, taint.source)
                old = self.reports.get(rkey)
                if old is None or len(trace) < len(old.trace):
                    self.reports[rkey] = Report(kind, sink, trace)

    def _check_returns(self, frame: Frame, root: bool = True) -> None:
        info = frame.info
        if info is None:
            return
        for value, step in frame.returns:
            for candidate in _response_values(value) if root else []:
                body = candidate.field("body")
                if body is not None:
                    self.sink_values("xss", [body], replace(step, note="HTML response"))
            if info.html_return and value.ctype not in ("dict", "response") and \
                    value.keys is None:
                body = value.items[0] if value.ctype == "tuple" and value.items else value
                if body.ctype not in ("dict", "response") and body.keys is None and \
                        body.ref is None:
                    self.sink_values("xss", [body], replace(step, note="returned as HTML"))
            ct = frame.content_type
            known = ct is not None and isinstance(ct.const, str)
            wsgi = (info.handler == "wsgi" and info.class_ref is None) or (
                frame.wsgi_body and known)
            if wsgi and not (known and "html" not in str(ct.const if ct else "").lower()):
                self.sink_values("xss", [value], replace(step, note="WSGI response body"))


def _requote(parts: list[Value]) -> list[Value]:
    """Shell quoting undone by its context: a `shlex.quote`d value placed between double quotes
    is still open to `$(...)` and backquotes."""
    out: list[Value] = []
    text = ""
    for part in parts:
        if isinstance(part.const, str):
            text += part.const
        else:
            if text.count('"') % 2 == 1 and any("cmdi" in t.cleared for t in part.all_taints()):
                part = map_taints(part, lambda t: Taint(t.kind, t.trace, t.cleared - {"cmdi"}))
                part = replace(part, safe=part.safe - {"cmdi"})
            text += part.prefix + "\0" + part.suffix
        out.append(part)
    return out


def _given(kwargs: dict[str, Value], name: str, expected: object) -> bool:
    value = kwargs.get(name)
    return value is not None and value.is_const and value.const == expected \
        and type(value.const) is type(expected)


def _cleared_kinds(value: Value) -> frozenset[str]:
    if value.is_const and not value.taints:
        return frozenset({ALL_KINDS})
    taints = value.all_taints()
    if not taints:
        return value.safe
    common = frozenset.intersection(*(t.cleared for t in taints))
    return common | value.safe


def _response_values(value: Value) -> list[Value]:
    if value.ctype == "response":
        return [value]
    if value.items is not None:
        return [v for v in value.items if v.ctype == "response"]
    return []


def _safe_by_structure(kind: str, value: Value) -> bool:
    """A fixed scheme and host in front of the data keeps a request or redirect on our site."""
    if kind in ("ssrf", "redirect") and value.prefix:
        prefix = value.prefix
        if "://" in prefix:
            return "/" in prefix.split("://", 1)[1] or "?" in prefix or "#" in prefix
        if kind == "redirect" and prefix.startswith("/") and len(prefix) > 1 and \
                prefix[1] not in "/\\":
            return True
    if kind == "sqli" and value.ctype in ("list", "tuple", "dict"):
        return False
    return False


def _value_safe(value: Value) -> frozenset[str]:
    if value.is_const and not value.taints:
        return frozenset({ALL_KINDS})
    return value.safe


def _concat_safe(left: Value, right: Value) -> frozenset[str]:
    a, b = _value_safe(left), _value_safe(right)
    if ALL_KINDS in a:
        return b
    if ALL_KINDS in b:
        return a
    return a & b


def _truth(value: Value) -> bool | None:
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


def _fold_compare(fn: Callable[[object, object], object], op: ast.cmpop, left: Value,
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


def _constant_collection(value: Value) -> bool:
    if value.taints:
        return False
    if isinstance(value.const, (str, tuple, frozenset)) and value.is_const:
        return not isinstance(value.const, str) or len(value.const) > 0
    if value.items is not None and value.rest is None:
        return all(i.is_const and not i.taints for i in value.items) and bool(value.items)
    if value.keys is not None and value.rest is None:
        return bool(value.keys)
    return False


def _joined_key(section: Value, option: Value) -> str | None:
    if isinstance(section.const, str) and isinstance(option.const, str):
        return f"{section.const}\0{option.const.lower()}"
    return None


def _last_name(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


def _is_static(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)


def _literal(node: ast.expr) -> Value | None:
    """A default argument or class attribute written as a literal."""
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return _from_python(value)


def _from_python(value: object, depth: int = 0) -> Value:
    if depth > 3:
        return UNKNOWN
    if isinstance(value, (list, tuple)):
        return container("list" if isinstance(value, list) else "tuple",
                         [_from_python(v, depth + 1) for v in value])
    if isinstance(value, (set, frozenset)):
        return container("set", [_from_python(v, depth + 1) for v in value])
    if isinstance(value, dict):
        return container("dict", keys=[(k, _from_python(v, depth + 1)) for k, v in value.items()
                                       if isinstance(k, (str, int, bool))])
    return const(value)


def _join_states(states: Iterable[State | None]) -> State | None:
    live = [s for s in states if s is not None]
    if not live:
        return None
    if len(live) == 1:
        return live[0]
    out: State = {}
    names = set().union(*live)
    for name in names:
        values = [s.get(name) for s in live]
        present = [v for v in values if v is not None]
        joined = join_all(present)
        if len(present) < len(values) and joined.is_const:
            joined = join(joined, UNKNOWN)
        out[name] = joined
    return out


_DISPATCH: dict[type, Callable[..., Value]] = {
    ast.Constant: Interpreter._constant,
    ast.Name: Interpreter._name,
    ast.Attribute: Interpreter._attribute,
    ast.Subscript: Interpreter._subscript,
    ast.BinOp: Interpreter._binop_node,
    ast.BoolOp: Interpreter._boolop,
    ast.Compare: Interpreter._compare,
    ast.UnaryOp: Interpreter._unaryop,
    ast.IfExp: Interpreter._ifexp,
    ast.JoinedStr: Interpreter._joinedstr,
    ast.FormattedValue: Interpreter._formatted,
    ast.List: Interpreter._display,
    ast.Tuple: Interpreter._display,
    ast.Set: Interpreter._display,
    ast.Dict: Interpreter._dict,
    ast.ListComp: Interpreter._comprehension,
    ast.SetComp: Interpreter._comprehension,
    ast.GeneratorExp: Interpreter._comprehension,
    ast.DictComp: Interpreter._comprehension,
    ast.NamedExpr: Interpreter._namedexpr,
    ast.Await: Interpreter._await,
    ast.Yield: Interpreter._yield,
    ast.YieldFrom: Interpreter._yield,
    ast.Lambda: Interpreter._lambda,
    ast.Starred: Interpreter._starred,
    ast.Call: Interpreter._call,
}
