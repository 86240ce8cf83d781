"""Calls: dispatch, library models, callbacks, and calls into the project's own code."""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import replace

from secsdlc.flow import guards
from secsdlc.flow.checks import NORMALIZERS, URL_PARSERS
from secsdlc.flow.folding import (
    from_python,
    literal_value,
    meet,
    repr_field,
    sanitized,
    value_safe,
)
from secsdlc.flow.frames import (
    REQUEST,
    CallKey,
    Frame,
    InterpreterBase,
    Memo,
    State,
    entered_through_parameters,
    report_key,
)
from secsdlc.flow.methods import match_value
from secsdlc.flow.models import FormClass
from secsdlc.flow.project import PROJECT, TYPED_ANNOTATIONS, FunctionInfo, annotation_name
from secsdlc.flow.syntax import is_classmethod, is_staticmethod, last_name, short
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
)

# What a call that is a sink of these kinds hands back comes from the database, the system or
# a file, not from its argument: one weakness is reported once, at the call.
# (Not regular expressions: a compiled pattern is what later checks are made with.)
_SAFE_JOINS = frozenset(n for n in NORMALIZERS if n.endswith(".safe_join"))
_FOLDABLE_BUILTINS = frozenset({"len", "abs", "min", "max", "int", "float", "bool", "ord",
                                "chr", "round", "hex", "oct", "bin", "divmod", "pow"})
_PURE_BUILTINS = frozenset({"min", "max", "sum", "format", "compile", "abs", "round", "divmod",
                            "pow"})
_CONSUMED = frozenset({"sqli", "cmdi", "ldapi", "xpathi", "pathtraver", "logi", "headeri",
                       "trustbound", "redirect"})
_REQUEST_CLEAN_METHODS = frozenset({"is_secure", "is_ajax", "accepts", "get_signed_cookie",
                                    "is_json", "url_for", "close", "user", "has_key"})
_WEB_PACKAGES = frozenset({"flask", "werkzeug", "django", "starlette", "fastapi", "aiohttp",
                           "quart", "bottle"})


_TYPES: dict[str, type] = {"str": str, "bytes": bytes, "int": int, "float": float, "bool": bool,
                          "list": list, "tuple": tuple, "dict": dict, "set": set,
                          "frozenset": frozenset}
_CONTAINER_TYPES = {"list": list, "tuple": tuple, "dict": dict, "set": set}


def _isinstance(value: Value, types: Value) -> Value:
    """`isinstance(command, str)`: decided where the value's shape is known (a list display, a
    constant), so that `shell=isinstance(command, str)` is off for an argument list."""
    refs = [types] if types.items is None else list(types.items)
    wanted = tuple(_TYPES[r.ref] for r in refs if r.ref in _TYPES)
    if len(wanted) != len(refs) or not wanted:
        return Value(safe=frozenset({ALL_KINDS}))
    if value.is_const and not value.taints:
        return const(isinstance(value.const, wanted))
    shape = _CONTAINER_TYPES.get(value.ctype or "")
    if shape is not None and (value.items is not None or value.keys is not None
                              or value.rest is not None):
        return const(issubclass(shape, wanted))
    return Value(safe=frozenset({ALL_KINDS}))


def _given(kwargs: dict[str, Value], name: str, expected: object) -> bool:
    value = kwargs.get(name)
    return value is not None and value.is_const and value.const == expected \
        and type(value.const) is type(expected)


class Calls(InterpreterBase):
    """What a call hands back, and what it does to its arguments on the way."""

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

    def apply(self, node: ast.Call, callee: Value, args: list[Value], kwargs: dict[str, Value],
              st: State, frame: Frame, receiver: Value | None = None) -> Value:
        ref = callee.ref
        if ref is not None:
            ref = self.project.canonical(ref)
            if ref in self.project.functions and ref[1:].replace(":", ".") in _SAFE_JOINS:
                # the library scanned as the project: its safe_join is what its users call
                return self.external(node, ref[1:].replace(":", "."), args, kwargs, st, frame,
                                     receiver)
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
        if callee.alts is not None:
            # one of several: a handler picked from the project's own table, each may run
            saved, self.dispatch_depth = self.dispatch_depth, len(self.stack)
            try:
                return join_all([self.apply(node, Value(ref=alt, fields=callee.fields),
                                            list(args), dict(kwargs), st, frame, receiver)
                                 for alt in sorted(callee.alts)])
            finally:
                self.dispatch_depth = saved
        # the function a value holds is chosen by its origin, not made of it: what an unknown
        # callable returns carries what it is given (and its receiver's, for a method)
        return self._propagate(args, kwargs, receiver)

    def method_call(self, node: ast.Call, func: ast.Attribute, receiver: Value,
                    args: list[Value], kwargs: dict[str, Value], st: State,
                    frame: Frame) -> Value:
        name = func.attr
        if receiver.ref is not None and receiver.ref != REQUEST and \
                not receiver.ref.startswith(f"{REQUEST}."):
            callee = self._attribute(func, st, frame) if receiver.ref.startswith(PROJECT) \
                else Value(ref=f"{receiver.ref}.{name}")
            if receiver.ref.endswith(".objects"):
                manager = self.project.attribute_class(
                    self.project.canonical(receiver.ref.removesuffix(".objects")), "objects")
                method = self.project.method(manager, name) if manager is not None else None
                if manager is not None and method is not None:
                    # the model's own manager (`objects = TicketManager()`): its code runs
                    result, _ = self.call_project(node, self.project.functions[method], args,
                                                  kwargs, Value(ctype=manager), frame)
                    return result
                for sink in self.models.sinks_by_method.get(name, ()):
                    if sink.receiver is None and sink.self_bases is None and \
                            sink.when != "tainted-receiver":
                        self.check_sink(node, sink, args, kwargs, frame, receiver)
                # a Django manager: rows from the database, not the filter's arguments
                return UNKNOWN
            tag = self.models.types.get(self.project.canonical(receiver.ref)) \
                if receiver.ref.rsplit(".", 1)[-1] in self.models.type_names else None
            if tag is not None:
                # an object the framework provides under a name (`current_app.jinja_env`)
                for sink in self.models.sinks_by_method.get(name, ()):
                    if sink.receiver is not None and tag in sink.receiver:
                        self.check_sink(node, sink, args, kwargs, frame, receiver)
            if receiver.ref.rsplit(".", 1)[-1] in self.models.logger_names:
                # `current_app.logger.info(...)`: a logger reached through a name
                for sink in self.models.sinks_by_method.get(name, ()):
                    if sink.receiver is not None and "logger" in sink.receiver:
                        self.check_sink(node, sink, args, kwargs, frame, receiver)
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
            return tainted(Taint("remote", (self.step(frame, node, short(node)),), guaranteed))
        class_ref = receiver.ctype if receiver.ctype and receiver.ctype.startswith(PROJECT) \
            else None
        if class_ref is not None:
            for index in self.project.handler_class(class_ref):
                handler = self.models.handler_classes[index]
                if name in handler.methods:
                    return tainted(Taint("remote", (self.step(frame, node, short(node)),)))
            method = self.project.method(class_ref, name)
            if method is not None:
                result, after = self.call_project(node, self.project.functions[method], args,
                                                  kwargs, receiver, frame)
                if after is not None and after != receiver:
                    self.write_back(func.value, after, st, frame, node)
                return result
            named = self._class_constants(class_ref).get(name)
            if named is not None and named.ref is not None:
                # `self.repository_class(...)`: the class the attribute names
                return self.apply(node, named, args, kwargs, st, frame)
            self._self_sinks(node, name, class_ref, args, kwargs, frame)
        if receiver.ctype == "sax-parser" and name == "setFeature" and len(args) == 2 and \
                args[1].const is True and "external" in str(args[0].const or "") + str(
                    last_name(node.args[0]) if node.args else ""):
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
                return sanitized(derived([receiver, *args]), san.clears)
        if tag in ("xml-tree",):
            return replace(derived([receiver, *args]), ctype="xml-tree")
        called = self._callbacks(node, args, kwargs, frame)
        if called is not None:
            return called
        if name == "get" and 1 <= len(args) <= 2 and not kwargs and tag != "http-client":
            # a lookup: what the mapping holds, chosen by the key but not made of it
            return self._propagate(args[1:], {}, receiver)
        return self._propagate(args, kwargs, receiver)

    def _receiver_tag(self, expr: ast.expr, receiver: Value) -> str | None:
        if receiver.ctype is not None and not receiver.ctype.startswith(PROJECT):
            return receiver.ctype
        last = last_name(expr)
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

    def external(self, node: ast.Call, ref: str, args: list[Value], kwargs: dict[str, Value],
                 st: State, frame: Frame, receiver: Value | None) -> Value:
        models = self.models
        if ref in models.request_calls:
            return tainted(Taint("remote", (self.step(frame, node, short(node)),)))
        if ref in models.autoescaped_renderers and args and isinstance(args[0].const, str):
            for name in _unescaped_names(args[0].const):
                if name in kwargs:
                    self.sink_values("xss", [kwargs[name]],
                                     self.step(frame, node, f"{name} rendered unescaped"))
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
        if ref in models.wrappers:
            position, keyword = models.wrappers[ref]
            if keyword in kwargs:
                return kwargs[keyword]
            return args[position] if position < len(args) else UNKNOWN
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
        if ref == "isinstance" and len(args) == 2:
            return _isinstance(args[0], args[1])
        if ref.rsplit(".", 1)[-1] == "safe_join" and args and \
                not any(t.kind == "remote" for t in args[0].all_taints()):
            # Werkzeug's returns None and Django's raises rather than leave the base: what it
            # returns stays under a base the request did not choose
            joined = sanitized(derived(args), frozenset({"pathtraver"}), keep_safe=meet(
                value_safe(a) for a in args))
            return replace(joined, ctype="normpath")
        folded = _folded_builtin(ref, args, kwargs)
        if folded is not None:
            return folded
        rows = models.sanitizers_by_ref.get(ref, ())
        applying = [san for san in rows
                    if not any(_given(kwargs, k, v) for k, v in san.unless)
                    and all(_given(kwargs, k, v) for k, v in san.when)]
        if rows:
            value = derived([*args, *kwargs.values()])
            if ref in NORMALIZERS:
                return replace(value, ctype="normpath")
            return sanitized(value, frozenset().union(*(s.clears for s in applying)))
        if ref in models.clean_results or ref.rsplit(".", 1)[-1] in models.clean_results:
            return Value(safe=frozenset({ALL_KINDS}))
        if ref in NORMALIZERS or ref.rsplit(".", 1)[-1] in ("safe_join",):
            return replace(derived(args), ctype="normpath")
        if ref.endswith(("make_response", "HttpResponse", ".Response", "HTMLResponse")) or \
                ref in ("flask.Response", "werkzeug.wrappers.Response"):
            body = args[0] if args else kwargs.get("content", kwargs.get("response", NONE))
            position = 1 if ref.startswith("django.") else 3  # content_type / mimetype
            declared = [kwargs[k] for k in ("mimetype", "content_type", "media_type")
                        if k in kwargs] + ([args[position]] if len(args) > position else [])
            if any(isinstance(d.const, str) and "html" not in d.const.lower()
                   for d in declared) and not ref.endswith("HTMLResponse"):
                return Value(ctype="response", fields=())  # a body that is not HTML
            return Value(ctype="response", fields=(("body", body),))
        if ref in ("re.sub", "regex.sub") and len(args) >= 3 and \
                isinstance(args[0].const, str) and args[1].is_const:
            flags = kwargs.get("flags", args[4] if len(args) > 4 else const(0))
            cleared = guards.substitution_clears(args[0].const, args[1].const,
                                                 flags.const if isinstance(flags.const, int)
                                                 else 0)
            out = derived([args[2]], safe=args[2].safe)
            return sanitized(out, cleared, keep_safe=args[2].safe) if cleared else out
        builtin = self._builtin_call(ref, args, kwargs)
        if builtin is not None:
            return builtin
        if ref in ("pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"):
            return replace(derived(args), ctype="path")
        if ref in ("re.match", "re.fullmatch", "re.search") and len(args) >= 2 and \
                isinstance(args[0].const, str) and not kwargs:
            return match_value(ref[3:], args[0].const, args[1])
        if ref in ("re.compile", "regex.compile") and args:
            return Value(ctype="regex", fields=(("pattern", args[0]),
                                               ("flags", args[1] if len(args) > 1 else
                                                kwargs.get("flags", const(0)))))
        if ref in URL_PARSERS:
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
            return derived([first], safe=value_safe(first), prefix=first.prefix)
        if ref in ("list", "tuple", "set", "frozenset", "sorted", "reversed") and first is not None:
            ctype = "set" if ref in ("set", "frozenset") else ("tuple" if ref == "tuple"
                                                               else "list")
            if first.items is not None and ref in ("list", "tuple", "set", "frozenset"):
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
        if ref in ("repr", "ascii") and first is not None:
            # they escape line breaks and quote what they show
            return repr_field("%r", first)
        if ref in _PURE_BUILTINS:
            # computed from their arguments alone: safe for what every argument is safe for
            parts = [*args, *kwargs.values()]
            return derived(parts, safe=meet(value_safe(p) for p in parts))
        if ref in ("next", "iter", "enumerate", "zip", "map", "filter", "getattr", "bytes",
                   "bytearray", "memoryview", "vars", "chr", "ord", "hex", "oct", "bin"):
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
        return None

    def instantiate(self, node: ast.Call, class_ref: str, args: list[Value],
                    kwargs: dict[str, Value], frame: Frame) -> Value:
        obj = Value(ctype=class_ref, fields=())
        init = self.project.method(class_ref, "__init__")
        form = self._form_class(class_ref)
        if form is not None:
            return self._form(class_ref, form, obj, args, kwargs)
        if init is None:
            return self._record(node, class_ref, obj, args, kwargs)
        _, after = self.call_project(node, self.project.functions[init], args, kwargs, obj, frame)
        return after if after is not None else obj

    def _form_class(self, class_ref: str) -> FormClass | None:
        cls = self.project.classes.get(class_ref)
        if cls is None:
            return None
        for form in self.models.forms:
            if any(form.bases.search(n) for n in cls.base_names):
                return form
        return None

    def _form(self, class_ref: str, form: FormClass, obj: Value, args: list[Value],
              kwargs: dict[str, Value]) -> Value:
        """`SearchForm(request.GET)`, `Serializer(data=request.data)`: the validated data holds
        the client's text, but a number, a date, a choice or a slug where a field says so."""
        position, keyword = form.data
        data = kwargs.get(keyword) if keyword else None
        if data is None and position < len(args):
            data = args[position]
        if data is None or not data.all_taints():
            return obj
        client = derived([data])
        keys: list[tuple[Key, Value]] = [
            (name, sanitized(client, form.validated_fields.get(field_class, frozenset())))
            for name, field_class in self._form_fields(class_ref, set())]
        cleaned = container("dict", keys=keys, rest=client)
        fields = [(attr, cleaned) for attr in sorted(form.attributes)]
        return Value(ctype=class_ref, fields=(*fields, ("data", data)))

    def _form_fields(self, class_ref: str, seen: set[str]) -> list[tuple[str, str]]:
        """The fields a form class declares (`q = forms.CharField()`), its bases' first."""
        cls = self.project.classes.get(class_ref)
        if cls is None or class_ref in seen:
            return []
        seen.add(class_ref)
        self.project.module(cls.module)  # what the analysis found depends on the class's code
        found: dict[str, str] = {}
        for base in reversed(cls.bases):
            found.update(self._form_fields(base, seen))
        for stmt in cls.node.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                field_class = last_name(stmt.value.func) or ""
                for target in stmt.targets:
                    if isinstance(target, ast.Name) and field_class.endswith("Field"):
                        found[target.id] = field_class
        return list(found.items())

    def _record(self, node: ast.Call, class_ref: str, obj: Value, args: list[Value],
                kwargs: dict[str, Value]) -> Value:
        """A class whose constructor its annotated fields make (a dataclass, a pydantic model,
        a NamedTuple): each argument becomes the field it names. A pydantic model validates its
        fields, so one declared a number or a `Literal` holds no text."""
        fields = self._record_fields(class_ref)
        if not fields:
            return obj
        spread = any(isinstance(a, ast.Starred) for a in node.args) or \
            any(k.arg is None for k in node.keywords)
        positional = args[:-1] if spread and any(isinstance(a, ast.Starred)
                                                 for a in node.args) else args
        rest = join_all(args) if spread and args else None
        validated = self.project.is_validating_model(class_ref)
        for i, (name, annotation, default) in enumerate(fields):
            if i < len(positional) and not spread:
                value: Value | None = positional[i]
            elif name in kwargs:
                value = kwargs[name]
            elif rest is not None:
                value = rest
            else:
                value = _field_default(default)
            if value is None:
                continue
            if validated and (annotation in TYPED_ANNOTATIONS or annotation == "Literal") and \
                    value.all_taints():
                value = Value(safe=frozenset({ALL_KINDS}))
            obj = obj.with_field(name, value)
        return obj

    def _record_fields(self, class_ref: str) -> tuple[tuple[str, str, ast.expr | None], ...]:
        cls = self.project.classes.get(class_ref)
        if cls is None:
            return ()
        self.project.module(cls.module)  # what the analysis found depends on the class's code
        fields: dict[str, tuple[str, str, ast.expr | None]] = {}
        for base in reversed(cls.bases):
            if base in self.project.classes and base != class_ref:
                for name, annotation, default in self._record_fields(base):
                    fields[name] = (name, annotation, default)
        for stmt in cls.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                annotation = _field_annotation(stmt.annotation)
                if annotation != "ClassVar":
                    fields[stmt.target.id] = (stmt.target.id, annotation, stmt.value)
        return tuple(fields.values())

    def call_project(self, node: ast.Call, info: FunctionInfo, args: list[Value],
                     kwargs: dict[str, Value], bound: Value | None,
                     frame: Frame) -> tuple[Value, Value | None]:
        if not self._may_follow(info.ref):
            return self._propagate(args, kwargs, None), bound
        is_static = is_staticmethod(info.node)
        if info.class_ref is not None and is_classmethod(info.node):
            bound = Value(ref=info.class_ref)  # `cls`, however the method was reached
        elif info.class_ref is not None and bound is None and not is_static and args:
            bound, args = args[0], args[1:]  # Class.method(obj, ...)
        # An outcome that the call stack cut short (recursion, depth) holds only under that very
        # stack and is kept under it; one that cut nothing holds wherever it would cut nothing.
        # Either way a root's result does not depend on which root computed an entry first.
        key: CallKey | None
        try:
            key = CallKey((info.ref, tuple(args), tuple(sorted(kwargs.items())), bound))
        except TypeError:  # a constant that cannot be hashed: computed every time
            key = None
        stack = tuple(self.stack)
        cached = None
        if key is not None:
            cached = self.memo.get((key, stack))
            if cached is None:
                cached = self.memo.get(key)
                if cached is not None and not self._holds_here(cached):
                    cached = None
        if cached is not None:
            self._take(cached)
            self._charge_steps(cached.steps)
            result, after = cached.result, cached.after
        else:
            saved = (self.project.consulted, self.reports, self.proofs, self.budget,
                     self.entered, self.deepest)
            self.project.consulted, self.reports, self.proofs = set(), {}, {}
            self.entered, self.deepest = set(), len(self.stack)
            cut = self.cut_calls
            try:
                result, after = self._invoke(node, info, args, kwargs, bound, is_static, frame)
            finally:
                found = Memo(UNKNOWN, None, frozenset(self.project.consulted),
                             saved[3] - self.budget, tuple(self.reports.values()),
                             tuple(self.proofs.items()), frozenset(self.entered),
                             self.deepest - len(self.stack))
                (self.project.consulted, self.reports, self.proofs, _, self.entered,
                 self.deepest) = saved
                self._take(found)
            if key is not None:
                self.memo[key if self.cut_calls == cut else (key, stack)] = Memo(
                    result, after, found.reads, found.steps, found.reports, found.proofs,
                    found.entered, found.depth)
        self._locate_in_caller(node, info, cached if cached is not None else found, frame)
        if info.module.rsplit(".", 1)[-1] in self.models.session_modules and \
                not result.is_const and result.ctype in (None, "dict") and not result.all_taints():
            result = replace(result, ctype="session-store")
        if result.all_taints():
            step = self.step(frame, node, f"returned by {info.name}()")
            result = map_taints(result, lambda t: t.extend(step))
        return result, after

    def _locate_in_caller(self, node: ast.Call, info: FunctionInfo, memo: Memo,
                          frame: Frame) -> None:
        """A path this call found, whose data did not come into the calling function through
        its parameters (it read the request, or a helper that does), is that function's finding,
        located at this call; the path goes on to the sink."""
        caller = frame.info
        if caller is None or not memo.reports or self.dispatch_depth == len(self.stack) or \
                _is_server_entry(caller, frame):
            return
        call = self.step(frame, node, f"{info.name}(...)")
        for report in memo.reports:
            trace = report.trace
            if report.entry is not None or entered_through_parameters(trace, caller):
                continue
            key = report_key(report)
            if self.reports.get(key) != report:
                continue
            at = next((i for i, s in enumerate(trace) if s.path == info.path and
                       s.line == info.node.lineno and s.note.startswith(f"{info.name}(")),
                      len(trace) - 1)
            del self.reports[key]
            self._report(replace(report, entry=call, trace=(*trace[:at], call, *trace[at:])))

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
                value = literal_value(defaults[i - first_default]) or UNKNOWN
            else:
                value = UNKNOWN
            env[name] = self._enter(value, info, name)
        kwargs = dict(kwargs)
        for arg, default in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True):
            given = kwargs.pop(arg.arg, None)
            if given is None:
                given = (literal_value(default) if default is not None else None) or UNKNOWN
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
        if result.ctype is None and result.ref is None and not result.is_const and \
                fn.returns is not None:
            # `def directory(request) -> DirectoryClient: return request.app["directory"]`:
            # the annotation resolves the methods called on what is returned, nothing more
            declared = self.project.class_named(module, fn.returns)
            if declared is not None:
                result = replace(result, ctype=declared)
        ct = frame.content_type
        if frame.wsgi_body and info.handler is None and ct is not None and \
                isinstance(ct.const, str):
            # `return html_response(start_response, body)`: the helper started the response and
            # hands back its body, so the caller returns a page (or a body that is not HTML)
            html = "html" in ct.const.lower()
            result = Value(ctype="response", fields=(("body", result),) if html else ())
        elif info.handler is not None or frame.wsgi_body:
            self._check_returns(frame, root=False)
        return result, after

    def _enter(self, value: Value, info: FunctionInfo, name: str) -> Value:
        if not value.all_taints():
            return value
        step = Step(info.path, info.node.lineno, info.node.col_offset + 1,
                    f"{info.name}({name})")
        return map_taints(value, lambda t: t.extend(step))


def _is_server_entry(info: FunctionInfo, frame: Frame) -> bool:
    """A server's own entry point (`do_GET` of an `http.server` handler, a WSGI application):
    it hands each request to the route's method or handler, which has the finding."""
    return info.handler == "wsgi" or (info.name.startswith("do_") and bool(frame.handler_kinds))


_SAFE_FILTER = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)[^}]*?\|\s*safe\b")
_RAW_BLOCK = re.compile(r"\{%-?\s*autoescape\s+false\s*-?%\}(.*?)\{%-?\s*endautoescape",
                        re.DOTALL)
_VARIABLE = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)")


def _unescaped_names(template: str) -> set[str]:
    """The variables a template text renders without escaping."""
    names = set(_SAFE_FILTER.findall(template))
    for block in _RAW_BLOCK.findall(template):
        names.update(_VARIABLE.findall(block))
    return names


def _field_default(default: ast.expr | None) -> Value | None:
    """`= "open"`, `= field(default_factory=list)`, `= Field(default=10)`: what a field holds
    when the constructor is not given it (None when that is not known)."""
    if default is None:
        return None
    if isinstance(default, ast.Call) and last_name(default.func) in ("field", "Field"):
        for kw in default.keywords:
            if kw.arg == "default_factory" and isinstance(kw.value, ast.Name) and \
                    kw.value.id in ("list", "dict", "set", "tuple"):
                return container("dict", keys=()) if kw.value.id == "dict" else \
                    container(kw.value.id, items=() if kw.value.id != "set" else None)
            if kw.arg == "default":
                return literal_value(kw.value)
        if default.args:
            return literal_value(default.args[0])
        return None
    return literal_value(default)


def _field_annotation(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript) and last_name(node.value) in ("Literal", "ClassVar"):
        return last_name(node.value) or ""
    return annotation_name(node)


def _folded_builtin(ref: str, args: list[Value], kwargs: dict[str, Value]) -> Value | None:
    """`len("theme") == 5`: a built-in computed on constants, so that a condition folds."""
    if ref not in _FOLDABLE_BUILTINS or kwargs or not args:
        return None
    first = args[0]
    if all(a.is_const and not a.taints for a in args):
        try:
            return from_python(getattr(builtins, ref)(*[a.const for a in args]))
        except Exception:
            return UNKNOWN
    if ref == "len" and len(args) == 1 and not first.all_taints() and first.rest is None and \
            (first.items is not None or first.keys is not None):
        return const(len(first.items if first.items is not None else first.keys or ()))
    return None
