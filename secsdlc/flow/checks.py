"""Checks: what a passed test proves about the values it tested, and sanitizers clearing kinds."""

from __future__ import annotations

import ast
from dataclasses import replace

from secsdlc.flow import guards
from secsdlc.flow.folding import constant_collection
from secsdlc.flow.frames import REQUEST, Frame, InterpreterBase, State
from secsdlc.flow.methods import STR_KEEP
from secsdlc.flow.project import FunctionInfo
from secsdlc.flow.syntax import digest_kind, is_staticmethod
from secsdlc.flow.values import ALL_KINDS, UNKNOWN, URL_SCHEME, Value, map_taints

NORMALIZERS = frozenset({"os.path.realpath", "os.path.abspath", "os.path.normpath",
                         "posixpath.normpath", "os.path.normcase", "safe_join",
                         "werkzeug.utils.safe_join", "werkzeug.security.safe_join",
                         "flask.safe_join", "flask.helpers.safe_join",
                         "django.utils._os.safe_join"})
URL_PARSERS = frozenset({"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse",
                         "urllib3.util.parse_url", "furl.furl", "yarl.URL"})
_SAFE_URL_CHECKS = frozenset({"url_has_allowed_host_and_scheme", "is_safe_url",
                              "django.utils.http.url_has_allowed_host_and_scheme",
                              "django.utils.http.is_safe_url"})
_SAFE_URL_KINDS = frozenset({"redirect", "ssrf", URL_SCHEME})
_HOST_KINDS = frozenset({"ssrf", "redirect"})
_ALNUM_CHECKS = frozenset({"isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal",
                           "isidentifier"})


def _cleared_kinds(value: Value) -> frozenset[str]:
    if value.is_const and not value.taints:
        return frozenset({ALL_KINDS})
    taints = value.all_taints()
    if not taints:
        return value.safe
    common = frozenset.intersection(*(t.cleared for t in taints))
    return common | value.safe


class Checks(InterpreterBase):
    """Refinement of the state on the branch where a check held."""

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
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Attribute) and \
                    right.attr == "parents" and \
                    self.eval(right.value, st, frame).ctype == "normpath" and \
                    not self.eval(test.left, st, frame).all_taints():
                # `base in path.resolve().parents`: the resolved path lies under `base`
                return self._clear(right.value, frozenset({"pathtraver"}), st, frame)
            other = self.eval(right, st, frame)
            if isinstance(op, (ast.In, ast.NotIn)):
                if constant_collection(other) or _server_collection(other):
                    return self._clear(test.left, frozenset({ALL_KINDS}), st, frame)
                return st
            # `holds` says the comparison is an equality here (`==` true or `!=` false)
            if isinstance(op, (ast.Eq, ast.NotEq)) and other.is_const and not other.taints:
                return self._clear(test.left, frozenset({ALL_KINDS}), st, frame, other)
            if isinstance(op, (ast.Eq, ast.NotEq)) and not isinstance(right, ast.Call) and \
                    not isinstance(test.left, ast.Call):
                # equal to a value of the server's (`parts.hostname == settings.image_host`),
                # or to one safe for some kinds (the host the browser asked for)
                left_value = self.eval(test.left, st, frame)
                for side, equal in ((test.left, other), (right, left_value)):
                    kinds = _cleared_kinds(equal) if equal.all_taints() else \
                        frozenset({ALL_KINDS})
                    if kinds and not (equal.is_const and not equal.taints):
                        st = self._clear(side, kinds, st, frame)
                return st
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
                prefixes = _url_prefixes(prefix)
                if prefixes and all(p.split("://", 1)[1].count("/") >= 1 for p in prefixes):
                    return self._clear(func.value, _SAFE_URL_KINDS, st, frame)
                if prefixes:
                    return self._clear(func.value, frozenset({URL_SCHEME}), st, frame)
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
                return self._clear(test.args[0], _SAFE_URL_KINDS, st, frame)
            if last == "compare_digest" and len(test.args) == 2:
                return self._digest_guard(test.args[0], test.args[1], st, frame)
            if last == "isinstance" and len(test.args) == 2:
                kinds = self._static_ref(test.args[1], st, frame)
                if kinds in ("int", "float", "bool", "uuid.UUID"):
                    return self._clear(test.args[0], frozenset({ALL_KINDS}), st, frame)
        if ref is not None and not test.args and ref.rsplit(".", 1)[-1] in _SAFE_URL_CHECKS:
            for kw in test.keywords:
                if kw.arg == "url":
                    return self._clear(kw.value, _SAFE_URL_KINDS, st, frame)
        return st

    def _digest_guard(self, first: ast.expr, second: ast.expr, st: State,
                      frame: Frame) -> State:
        """`hmac.compare_digest(a, b)` held: each side equals the other. A side equal to a value
        the client cannot make (a keyed digest, or one the client sent no part of) is ours, and
        so is the data behind a keyed digest; a plain digest the client could recompute proves
        nothing about its data unless it matched a value of ours."""
        values = (self.eval(first, st, frame), self.eval(second, st, frame))
        everything = frozenset({ALL_KINDS})
        for arg, other in ((first, values[1]), (second, values[0])):
            ours = not any(t.kind == "remote" and ALL_KINDS not in t.cleared
                           for t in other.all_taints())
            if ours or (isinstance(arg, ast.Name) and arg.id in frame.keyed):
                st = self._clear(arg, everything, st, frame)
            if isinstance(arg, ast.Call) and (ours or self._keyed_digest_call(arg, st, frame)):
                for name in _call_names(arg):
                    st = self._clear(name, everything, st, frame)
        return st

    def _keyed_digest_call(self, call: ast.Call, st: State, frame: Frame) -> bool:
        """`hmac.new(KEY, data, sha256).hexdigest()`, or a project function returning one
        (`def sign(data): return hmac.new(KEY, data, sha256).hexdigest()`)."""
        if digest_kind(call) == "keyed":
            return True
        ref = self.project.canonical(self.eval(call.func, st, frame).ref or "")
        info = self.project.functions.get(ref)
        if info is None:
            return False
        returns = [n.value for n in ast.walk(info.node)
                   if isinstance(n, ast.Return) and n.value is not None]
        return bool(returns) and all(digest_kind(r) == "keyed" for r in returns)

    def _refine_by_predicate(self, test: ast.Call, info: FunctionInfo, callee: Value,
                             truth: bool, st: State, frame: Frame) -> State:
        """A check written as a function of the project (`if not is_allowed_host(url):`):
        what holds of each argument on every path where it returns `truth` holds here."""
        if any(isinstance(a, ast.Starred) for a in test.args) or not self._may_follow(info.ref):
            return st
        args = [self.eval(a, st, frame) for a in test.args]
        bound = callee.field("__self__")
        fn = info.node
        params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        if info.class_ref is not None and not is_staticmethod(fn):
            params = params[1:]
        inner = Frame(self.project.modules[info.module], info, predicate=truth)
        env: State = dict(zip(params, args, strict=False))
        if info.class_ref is not None and not is_staticmethod(fn) and fn.args.args:
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
                and target.func.attr in STR_KEEP:
            target = target.func.value
        if isinstance(target, ast.Call) and target.args:
            ref = self._static_ref(target.func, st, frame)
            if ref in URL_PARSERS or ref in NORMALIZERS or (ref or "").endswith("urlparse"):
                target = target.args[0]
        if isinstance(target, ast.Attribute) and target.attr == "scheme":
            # the scheme says nothing about which host is reached, only which kind of URL it is
            if ALL_KINDS not in kinds:
                return st
            kinds = frozenset({URL_SCHEME})
            target = target.value
            if isinstance(target, ast.Call) and target.args:
                target = target.args[0]
        if isinstance(target, ast.Attribute) and target.attr in ("netloc", "hostname", "host"):
            kinds = _HOST_KINDS if ALL_KINDS in kinds else kinds & _HOST_KINDS
            if not kinds:
                return st
            target = target.value
            if isinstance(target, ast.Call) and target.args:
                target = target.args[0]
        if isinstance(target, ast.Name):
            names.add(target.id)
            names |= frame.origins.get(target.id, set())
            parsed_from = frame.origin_fields.get(target.id)
            if parsed_from is not None:  # `parsed = urlparse(body.url)`: body.url is checked
                self._write_back_cleared(parsed_from, self._cleaned(
                    self.eval(parsed_from, st, frame), kinds, None), st, frame)
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


def _url_prefixes(prefix: Value) -> tuple[str, ...]:
    """`url.startswith("https://")` or `startswith(("http://", "https://"))`: the URL prefixes
    checked, or () when the prefix is not a known set of URLs."""
    if isinstance(prefix.const, str):
        texts: tuple[object, ...] = (prefix.const,)
    elif prefix.items is not None and prefix.ctype == "tuple":
        texts = tuple(item.const for item in prefix.items)
    else:
        return ()
    if all(isinstance(t, str) and "://" in t for t in texts):
        return tuple(str(t) for t in texts)
    return ()


def _call_names(call: ast.Call) -> list[ast.Name]:
    """The plain names passed to a digest call, however deep (`hmac.new(K, blob, h).hexdigest()`
    passes `blob`)."""
    found: list[ast.Name] = []
    node: ast.expr = call
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call):
            found += [a for a in [*node.args, *(k.value for k in node.keywords)]
                      if isinstance(a, ast.Name)]
            node = node.func
        else:
            node = node.value
    return found


def _server_collection(value: Value) -> bool:
    """A collection of the server's (`name in os.listdir(LOG_DIR)`, a set of the files found,
    `host in app.config["ALLOWED_HOSTS"]`): a member of it is one of the server's values. Not
    the request's own collections (`name in request.args` holds for anything it sends)."""
    return not value.all_taints() and not (value.ref or "").startswith(REQUEST) and \
        not value.is_const
