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
from dataclasses import replace

from secsdlc.flow import guards
from secsdlc.flow.calls import Calls
from secsdlc.flow.checks import Checks
from secsdlc.flow.expressions import Expressions
from secsdlc.flow.frames import REQUEST, BudgetExceeded, Frame, Report, State
from secsdlc.flow.methods import Methods
from secsdlc.flow.project import TYPED_ANNOTATIONS, FunctionInfo, Module
from secsdlc.flow.sinks import Sinks
from secsdlc.flow.statements import Statements
from secsdlc.flow.syntax import is_staticmethod, last_name
from secsdlc.flow.values import ALL_KINDS, Step, Taint, Value, tainted

__all__ = ["BudgetExceeded", "Interpreter", "Report"]


class Interpreter(Statements, Checks, Expressions, Calls, Methods, Sinks):
    """The abstract interpreter: its parts combined, and where an analysis starts."""

    # -- entry points ------------------------------------------------------------------------------
    def run_root(self, info: FunctionInfo) -> None:
        self.budget = self.budget_per_root
        module = self.project.modules[info.module]
        frame = Frame(module, info)
        frame.handler_kinds = self.project.handler_class(info.class_ref)
        env: State = dict(self._closure(info))
        node = info.node
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        is_method = info.class_ref is not None and not is_staticmethod(node)
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
        parent_ref = info.ref.rsplit(".", 1)[0]
        if info.ref not in self.closures:
            parent = self.project.functions.get(parent_ref)
            if parent is not None and parent.ref not in self.stack:
                saved = (self.budget, self.stack)
                outer, self.project.consulted = self.project.consulted, set()
                try:
                    self.run_root(parent)
                finally:
                    self.budget, self.stack = saved
                    self._closure_reads[parent_ref] = frozenset(self.project.consulted)
                    self.project.consulted = outer
        self.project.consulted |= self._closure_reads.get(parent_ref, frozenset())
        return self.closures.get(info.ref, {})

    def run_module(self, module: Module) -> None:
        """The module's own code, run again even if its names were read before: what it
        reports belongs to this run."""
        self.budget = self.budget_per_root
        self.stack = []
        self.globals.pop(module.name, None)
        self.module_globals(module)

    def module_globals(self, module: Module) -> State:
        """A module's names after its own code ran, computed once with a budget of their own
        (whichever root needs them first does not pay for the others)."""
        self.project.consulted.add(module.name)
        if module.name in self.globals:
            self.project.consulted |= self._globals_reads.get(module.name, frozenset())
            return self.globals[module.name]
        if module.name in self._globals_busy:
            return {}
        if module.name in self._globals_failed:
            raise BudgetExceeded()
        self._globals_busy.add(module.name)
        frame = Frame(module, None)
        env: State = {}
        outer, self.project.consulted = self.project.consulted, set()
        budget, self.budget = self.budget, self.budget_per_root
        try:
            self.exec_block(module.tree.body, env, frame)
        except BudgetExceeded:
            self._globals_failed.add(module.name)
            raise
        finally:
            self._globals_busy.discard(module.name)
            reads = frozenset(self.project.consulted)
            self.project.consulted = outer
            outer |= reads
            self.budget = budget
        self._globals_reads[module.name] = reads
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
            source = tainted(Taint("remote", (replace(step, note=note),), cleared))
            return self._declared_param(info, name, node, source)
        declared = self.project.param_type(info, name)
        if declared is not None:
            return Value(ctype=declared)  # a service or client the function was handed
        return tainted(Taint("param", (step,)))

    def _view_form_class(self, class_ref: str) -> str | None:
        cls = self.project.classes.get(class_ref)
        if cls is None:
            return None
        module = self.project.modules[cls.module]
        for stmt in cls.node.body:
            if isinstance(stmt, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "form_class" for t in stmt.targets):
                return self.project.class_named(module, stmt.value)
        for base in cls.bases:
            if base in self.project.classes and base != class_ref:
                found = self._view_form_class(base)
                if found is not None:
                    return found
        return None

    def _declared_param(self, info: FunctionInfo, name: str,
                        node: ast.FunctionDef | ast.AsyncFunctionDef, source: Value) -> Value:
        """A handler's parameter the framework builds from its declaration: a dependency
        (`repo: Repository = Depends(get_repo)`) is made by the server, a pydantic body model
        (`body: Query`) holds the client's data in each field, validated where a field is a
        number or a `Literal`."""
        args = node.args
        positional = args.posonlyargs + args.args
        defaults: dict[str, ast.expr] = dict(zip(
            [a.arg for a in positional[len(positional) - len(args.defaults):]], args.defaults,
            strict=True))
        defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults,
                                                  strict=True) if d is not None})
        annotation = next((a.annotation for a in [*positional, *args.kwonlyargs]
                           if a.arg == name), None)
        module = self.project.modules[info.module]
        declared = self.project.class_named(module, annotation) if annotation is not None \
            else None
        default = defaults.get(name)
        if name == "form" and info.class_ref is not None:
            # a form view's `form_valid(self, form)`: the view's `form_class`, made from the
            # request's data
            form_class = self._view_form_class(info.class_ref)
            form = self._form_class(form_class) if form_class is not None else None
            if form_class is not None and form is not None:
                return self._form(form_class, form, Value(ctype=form_class, fields=()),
                                  [source], {})
        if isinstance(default, ast.Call) and last_name(default.func) in ("Depends", "Security"):
            if declared is None and default.args:
                made_by = self.project.canonical(
                    self.project.resolve_expr(module, default.args[0]))
                maker = self.project.functions.get(made_by)
                if maker is not None and maker.node.returns is not None:
                    declared = self.project.class_named(
                        self.project.modules[maker.module], maker.node.returns)
            return Value(ctype=declared, fields=()) if declared is not None else source
        if declared is not None and self.project.is_validating_model(declared):
            fields = []
            for field_name, field_type, _ in self._record_fields(declared):
                if field_type in TYPED_ANNOTATIONS or field_type == "Literal":
                    fields.append((field_name, Value(safe=frozenset({ALL_KINDS}))))
                else:
                    fields.append((field_name, source))
            return Value(ctype=declared, fields=tuple(fields))
        return source
