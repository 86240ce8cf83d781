"""Statements: blocks, branches, loops to a fixpoint, try, assignment and write-back."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import replace

from secsdlc.flow.folding import join_states, sanitized, truth_of
from secsdlc.flow.frames import REQUEST, Frame, InterpreterBase, Loop, State
from secsdlc.flow.methods import store_key
from secsdlc.flow.project import PROJECT
from secsdlc.flow.syntax import digest_kind, last_name, short
from secsdlc.flow.values import NONE, UNKNOWN, Key, Value, container, join, map_taints

LOOP_PASSES = 3
_NORETURN = frozenset({"flask.abort", "werkzeug.exceptions.abort", "sys.exit", "exit", "quit",
                       "os._exit", "abort", "quart.abort", "bottle.abort", "fastapi.HTTPException"})
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


class Statements(InterpreterBase):
    """Statements run over an abstract state."""

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
                truth = truth_of(value)
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
            return join_states([*outs, st])
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
        truth = truth_of(cond)
        if truth is True:
            return self.exec_block(node.body, self.refine(node.test, True, st, frame), frame)
        if truth is False:
            return self.exec_block(node.orelse, self.refine(node.test, False, st, frame), frame)
        then = self.exec_block(node.body, self.refine(node.test, True, dict(st), frame), frame)
        other = self.exec_block(node.orelse, self.refine(node.test, False, dict(st), frame),
                                frame)
        return join_states([then, other])

    def _exec_for(self, node: ast.For | ast.AsyncFor, st: State, frame: Frame) -> State | None:
        out = self._exec_for_loop(node, st, frame)
        checked = _checked_syntax_tree(node, frame.module.tree)
        if out is not None and checked is not None and checked in out:
            # every node of the parsed expression was checked against a list that leaves out
            # calls and attribute access: what compiles from it runs no code of the client's
            out[checked] = sanitized(out[checked], frozenset({"codeinj"}))
        return out

    def _exec_for_loop(self, node: ast.For | ast.AsyncFor, st: State,
                       frame: Frame) -> State | None:
        iterable = self.eval(node.iter, st, frame)
        if iterable.items is not None and iterable.rest is None and not iterable.taints \
                and len(iterable.items) <= 8:
            # a short constant-shaped sequence: unrolled, so each element keeps its own value
            state: State | None = st
            loop = Loop()
            frame.loops.append(loop)
            try:
                for item in iterable.items:
                    if state is None:
                        break
                    state = dict(state)
                    self.assign(node.target, item, state, frame, node)
                    state = self.exec_block(node.body, state, frame)
                    state = join_states([state, *loop.continues])
                    loop.continues.clear()
            finally:
                frame.loops.pop()
            done = self.exec_block(node.orelse, state, frame) if state is not None else None
            return join_states([done, *loop.breaks])
        element = iterable.element()
        if iterable.ref is not None and not iterable.taints and iterable.items is None:
            element = UNKNOWN
        def enter(state: State) -> State:
            self.assign(node.target, element, state, frame, node)
            return state

        return self._loop(node, st, frame, enter, None)

    def _exec_while(self, node: ast.While, st: State, frame: Frame) -> State | None:
        truth = truth_of(self.eval(node.test, st, frame))
        if truth is False:
            return self.exec_block(node.orelse, st, frame)
        return self._loop(node, st, frame, lambda s: self.refine(node.test, True, s, frame),
                          node.test if truth is None else "forever")

    def _loop(self, node: ast.For | ast.AsyncFor | ast.While, st: State, frame: Frame,
              enter: Callable[[State], State], test: ast.expr | str | None) -> State | None:
        head: State = dict(st)
        loop = Loop()
        frame.loops.append(loop)
        try:
            for _ in range(LOOP_PASSES):
                body_in = enter(dict(head))
                out = self.exec_block(node.body, body_in, frame)
                new_head = join_states([head, out, *loop.continues]) or head
                loop.continues.clear()
                if new_head == head:
                    break
                head = new_head
        finally:
            frame.loops.pop()
        if test == "forever":
            return join_states(loop.breaks)
        exit_state: State = head
        if isinstance(test, ast.expr):
            exit_state = self.refine(test, False, dict(head), frame)
        done = self.exec_block(node.orelse, exit_state, frame)
        return join_states([done, *loop.breaks])

    def _exec_try(self, node: ast.stmt, st: State, frame: Frame) -> State | None:
        before = dict(st)
        body = self.exec_block(getattr(node, "body", []), st, frame)
        outs: list[State | None] = []
        if body is not None:
            outs.append(self.exec_block(getattr(node, "orelse", []), body, frame))
        for handler in getattr(node, "handlers", []):
            entry = join_states([before, body]) or dict(before)
            if handler.name:
                entry[handler.name] = UNKNOWN
            outs.append(self.exec_block(handler.body, dict(entry), frame))
        result = join_states(outs)
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
        frame.origin_fields.pop(name, None)
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
        frame.keyed.discard(name)
        digest = digest_kind(node)
        if digest is not None:
            # a digest of the data: checking it checks the data
            frame.origins[name] = set(_names_in(node) - {name})
            if digest == "keyed":
                frame.keyed.add(name)
            return
        if isinstance(node, ast.Call):
            first = node.args[0] if node.args else None
            while isinstance(first, ast.Call) and last_name(first.func) == "urljoin" and \
                    len(first.args) == 2:
                first = first.args[1]  # `urlparse(urljoin(base, target))` checks target
            if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                    and first is None:
                first = node.func.value
            if isinstance(first, ast.Name) and first.id != name:
                frame.origins[name] = {first.id, *frame.origins.get(first.id, set())}
            elif isinstance(first, (ast.Attribute, ast.Subscript)) and \
                    name not in _names_in(first):
                frame.origin_fields[name] = first

    # -- assignment --------------------------------------------------------------------------------
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
            step = self.step(frame, node, short(target))
            value = map_taints(value, lambda t: t.extend(step))
        self.write_back(target.value, base.with_field(target.attr, value), st, frame, node)

    def _set_content_type(self, base_expr: ast.expr, base: Value, ctype: Value, st: State,
                          frame: Frame, node: ast.AST) -> None:
        if isinstance(ctype.const, str) and "html" not in ctype.const.lower():
            fields = tuple((k, v) for k, v in base.fields or () if k != "body")
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
                                 self.step(frame, node, short(target) + " = ..."))
            return
        if self._is_session(target.value, base):
            self.sink_values("trustbound", [value],
                             self.step(frame, node, short(target) + " = ..."))
            return
        if value.taints:
            step = self.step(frame, node, short(target))
            value = map_taints(value, lambda t: t.extend(step))
        if base.ref is not None:
            return
        if base.ctype == "store" and isinstance(key.const, str):
            self.write_back(target.value, _section_stored(base, key.const, value), st, frame,
                            node)
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
        if base.ref in ("flask.session", "quart.session", f"{REQUEST}.session") or \
                base.ctype == "session-store":
            return True
        return isinstance(expr, ast.Attribute) and expr.attr in self.models.session_attributes \
            and isinstance(expr.value, (ast.Name, ast.Attribute)) and \
            last_name(expr.value) in self.models.request_names

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


def _section_stored(store: Value, section: str, options: Value) -> Value:
    """`parser["probe"] = {"endpoint": url}`: each option as `parser.get("probe", name)` and
    `parser.set` see it."""
    if options.keys is None or options.rest is not None:
        return replace(store, rest=join(store.rest or options.element(), options.element()))
    for name, value in options.keys:
        if isinstance(name, str):
            store = store.with_key(store_key(section, name), value)
        else:
            store = replace(store, rest=join(store.rest or value, value))
    return store


# Node types through which an expression runs code of its own choosing.
_CODE_NODES = frozenset({"Call", "Attribute", "Lambda", "Subscript", "NamedExpr", "Starred",
                         "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield",
                         "YieldFrom", "AST", "expr"})


def _checked_syntax_tree(node: ast.For | ast.AsyncFor, module: ast.Module) -> str | None:
    """`for n in ast.walk(tree): if not isinstance(n, ALLOWED): raise ...`, with no node type
    that runs code in ALLOWED (or `if isinstance(n, (ast.Call, ast.Attribute, ...)): raise`):
    the name of the tree checked."""
    it = node.iter
    if not (isinstance(it, ast.Call) and last_name(it.func) == "walk" and len(it.args) == 1
            and isinstance(it.args[0], ast.Name) and isinstance(node.target, ast.Name)):
        return None
    var = node.target.id
    for stmt in node.body:
        if not isinstance(stmt, ast.If) or not any(
                isinstance(s, (ast.Raise, ast.Return)) or (
                    isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and
                    last_name(s.value.func) == "abort") for s in stmt.body):
            continue
        tests = stmt.test.values if isinstance(stmt.test, ast.BoolOp) and \
            isinstance(stmt.test.op, ast.Or) else [stmt.test]
        for test in tests:
            negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
            call = test.operand if isinstance(test, ast.UnaryOp) else test
            if not (isinstance(call, ast.Call) and last_name(call.func) == "isinstance" and
                    len(call.args) == 2 and isinstance(call.args[0], ast.Name) and
                    call.args[0].id == var):
                continue
            types = _node_types(call.args[1], module)
            if types is None:
                continue
            if negated and not types & _CODE_NODES:
                return it.args[0].id  # an allow-list without code
            if not negated and {"Call", "Attribute", "Lambda", "Subscript"} <= types:
                return it.args[0].id  # a deny-list of every way to run code
    return None


def _node_types(expr: ast.expr, module: ast.Module) -> set[str] | None:
    if isinstance(expr, ast.Name):
        for stmt in module.body:
            if isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == expr.id for t in stmt.targets):
                return _node_types(stmt.value, module) if not isinstance(stmt.value, ast.Name) \
                    else None
        return None
    elts = expr.elts if isinstance(expr, (ast.Tuple, ast.List, ast.Set)) else [expr]
    names = set()
    for elt in elts:
        if not (isinstance(elt, ast.Attribute) and isinstance(elt.value, ast.Name) and
                elt.value.id == "ast"):
            return None
        names.add(elt.attr)
    return names
