"""The project as the analysis sees it: modules, what each name in them refers to, functions and
classes by qualified name, and which functions handle requests.

References are strings. An external name is its dotted import path (`subprocess.run`); a name
defined in the project is `§` + module + `:` + qualified name (`§shop.views:OrderView.get`), and a
module of the project is `§` + module.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from secsdlc.flow.models import Models

PROJECT = "§"
_BUILTINS = frozenset(dir(builtins))


@dataclass
class FunctionInfo:
    ref: str
    module: str
    qualname: str
    node: ast.FunctionDef | ast.AsyncFunctionDef
    path: str
    class_ref: str | None = None  # the class a method belongs to
    handler: str | None = None  # "route", "view", "wsgi", "method" when it serves requests
    html_return: bool = False  # a returned string becomes an HTML response
    # parameters the framework converts to a number or UUID before the handler runs
    typed_params: set[str] = field(default_factory=set)
    # parameters a URL pattern of the project fills in (Django's urls.py), when one names it
    url_params: set[str] = field(default_factory=set)
    # parameters the framework validates against a pattern (FastAPI's Query(pattern=...))
    param_patterns: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.node.name


@dataclass
class ClassInfo:
    ref: str
    module: str
    node: ast.ClassDef
    bases: tuple[str, ...]  # resolved references of the bases
    methods: dict[str, str] = field(default_factory=dict)  # name -> function ref
    base_names: frozenset[str] = frozenset()  # last components of every base, transitively
    # URL parameters every route to this class-based view converts (`<int:pk>`): None until
    # a route names the class
    typed_kwargs: frozenset[str] | None = None


@dataclass
class Module:
    name: str
    path: str
    tree: ast.Module
    is_package: bool
    names: dict[str, str] = field(default_factory=dict)  # name -> reference
    imports_flask_like: bool = False
    imports: set[str] = field(default_factory=set)
    # gathered in one walk of the tree: import statements and the calls that register handlers
    import_nodes: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    calls: list[ast.Call] = field(default_factory=list)
    # the modules reading this one consulted (its bases, star imports, views its routes name):
    # whoever consults this module depends on them too
    depends: frozenset[str] = frozenset()


def module_name(rel_path: str) -> tuple[str, bool]:
    parts = rel_path[:-3].split("/") if rel_path.endswith(".py") else rel_path.split("/")
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(p for p in parts if p) or "__root__", is_package


class ModuleIndex:
    """Module names of every file of the project, and how an import names one of them.

    Projects are scanned from anywhere in their tree, so an import is matched against the end of
    a module's dotted name (`shop.dao` finds `src/shop/dao.py`) when only one module ends so.
    """

    def __init__(self, paths: Iterable[str], package: str = "") -> None:
        """`package`: the name of the scanned directory, when it is itself a package that
        imports its own modules absolutely (`django/` importing `django.utils.html`)."""
        self.root_package = package
        self.by_name: dict[str, str] = {}
        self.package: dict[str, bool] = {}
        self._suffix: dict[str, list[str]] = {}
        for path in sorted(paths):
            name, is_package = module_name(path)
            self.by_name[name] = path
            self.package[name] = is_package
            parts = name.split(".")
            for i in range(len(parts)):
                self._suffix.setdefault(".".join(parts[i:]), []).append(name)

    def find(self, dotted: str) -> str | None:
        if dotted in self.by_name:
            return dotted
        # `import html` in one app of a monorepo is the standard library's, not another app's
        # `common/html.py`
        candidates = [] if dotted.partition(".")[0] in sys.stdlib_module_names \
            else self._suffix.get(dotted, [])
        if len(candidates) == 1:
            return candidates[0]
        if self.root_package and dotted.startswith(self.root_package + "."):
            return self.find(dotted[len(self.root_package) + 1:])
        if dotted == self.root_package and "__root__" in self.by_name:
            return "__root__"
        return None

    @staticmethod
    def absolute(module: str, is_package: bool, name: str, level: int) -> str:
        """`from ..util import x` inside `module`: the dotted name it imports from."""
        if level == 0:
            return name
        parts = module.split(".")
        if not is_package:
            parts = parts[:-1]
        if level > 1:
            parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
        return ".".join([*parts, *([name] if name else [])])


class Project:
    def __init__(self, trees: Mapping[str, ast.Module], models: Models,
                 index: ModuleIndex | None = None,
                 loader: Callable[[str], ast.Module | None] | None = None,
                 may_register: Callable[[str], bool] | None = None) -> None:
        """The modules of `trees` are read at once; any other module `index` names is read
        from `loader` (a path's tree) the first time the analysis consults it, so that a rescan
        parses only what the changed files reach. `may_register` says whether a file's text
        may call one of the `registrations` (its calls are then looked at)."""
        self.models = models
        self.modules: dict[str, Module] = {}
        self.functions: dict[str, FunctionInfo] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.index = index or ModuleIndex(trees)
        self._trees = dict(trees)
        self._loader = loader
        self._may_register = may_register
        # request handler classes that dispatch with getattr(self, name)(...): any method may
        # be called with request data
        self.dispatching: set[str] = set()
        self._by_module: dict[str, list[FunctionInfo]] = {}
        self._classes_by_module: dict[str, list[ClassInfo]] = {}
        self._handler_kinds: dict[str, tuple[int, ...]] = {}
        self._attribute_classes: dict[tuple[str, str], tuple[str | None, frozenset[str]]] = {}
        self._call_site_types: dict[str, dict[str, str]] = {}
        self._calls_by_name: dict[str, dict[str, list[ast.Call]]] = {}
        self._route_parents: dict[str, set[str]] = {}  # functions defining handlers, by module
        # where each function is defined, and how the step of entering it is noted
        self.definitions: dict[tuple[str, int], str] = {}
        # every module the analysis asked about since this was last emptied: what its results
        # depend on
        self.consulted: set[str] = set()
        for path in trees:  # in the caller's order
            self.module(module_name(path)[0])

    def module(self, name: str) -> Module | None:
        """The module named `name`, read and indexed on first use."""
        self.consulted.add(name)
        found = self.modules.get(name)
        if found is not None:
            if found.depends:
                self.consulted |= found.depends
            return found
        path = self.index.by_name.get(name)
        if path is None:
            return None
        tree = self._trees.get(path)
        if tree is None and self._loader is not None:
            tree = self._loader(path)
        if tree is None:
            return None
        module = Module(name, path, tree, self.index.package.get(name, False))
        self.modules[name] = module
        consulted, self.consulted = self.consulted, set()
        try:
            self._load(module)
        finally:
            module.depends = frozenset(self.consulted - {name})
            self.consulted = consulted | module.depends
        return module

    def _load(self, module: Module) -> None:
        name = module.name
        functions, classes = self._index(module)
        if self._may_register is None or self._may_register(module.path):
            names = registrations(self.models)
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    module.import_nodes.append(node)
                elif isinstance(node, ast.Call) and _decorator_name(node.func) in names:
                    module.calls.append(node)
        else:
            module.import_nodes.extend(_imports(module.tree.body))
        self._bind_imports(module)
        new_classes = list(classes.values())
        for cls in new_classes:
            cls.bases = tuple(self.resolve_expr(module, b) for b in cls.node.bases)
        for cls in new_classes:
            cls.base_names = frozenset(self._base_names(cls, set()))
        self._by_module[name] = list(functions.values())
        self._classes_by_module[name] = new_classes
        self._mark_handlers(module)

    def functions_of(self, name: str) -> list[FunctionInfo]:
        """The functions defined in a module (read on first use)."""
        self.module(name)
        return self._by_module.get(name, [])

    # -- indexing ------------------------------------------------------------------------------
    def _index(self, module: Module) -> tuple[dict[str, FunctionInfo], dict[str, ClassInfo]]:
        """Every function and class the module defines, by reference, as they are also
        entered in the project's tables."""
        functions: dict[str, FunctionInfo] = {}
        classes: dict[str, ClassInfo] = {}

        def visit(body: Iterable[ast.stmt], prefix: str, class_ref: str | None) -> None:
            for node in body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    qual = f"{prefix}{node.name}"
                    ref = f"{PROJECT}{module.name}:{qual}"
                    self.functions[ref] = functions[ref] = FunctionInfo(
                        ref, module.name, qual, node, module.path, class_ref)
                    self.definitions[(module.path, node.lineno)] = f"{node.name}("
                    if class_ref is not None:
                        self.classes[class_ref].methods.setdefault(node.name, ref)
                    elif not prefix:
                        module.names[node.name] = ref
                    visit(node.body, qual + ".", None)
                elif isinstance(node, ast.ClassDef):
                    qual = f"{prefix}{node.name}"
                    ref = f"{PROJECT}{module.name}:{qual}"
                    self.classes[ref] = classes[ref] = ClassInfo(ref, module.name, node, ())
                    if not prefix:
                        module.names[node.name] = ref
                    visit(node.body, qual + ".", ref)
                elif isinstance(node, (ast.If, ast.Try)) and not prefix:
                    # definitions under `if TYPE_CHECKING:` or `try: import x except: ...`
                    inner: list[ast.stmt] = list(getattr(node, "body", []))
                    inner += list(getattr(node, "orelse", []))
                    for handler in getattr(node, "handlers", []):
                        inner += handler.body
                    visit(inner, prefix, class_ref)

        visit(module.tree.body, "", None)
        return functions, classes

    def _bind_imports(self, module: Module) -> None:
        for node in module.import_nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    module.imports.add(alias.name)
                    if alias.asname:
                        module.names.setdefault(alias.asname, self._external_or_project(
                            alias.name))
                    else:
                        top = alias.name.split(".")[0]
                        module.names.setdefault(top, self._external_or_project(top))
            elif isinstance(node, ast.ImportFrom):
                base = self.absolute_import(module, node.module or "", node.level)
                module.imports.add(base)
                for alias in node.names:
                    if alias.name == "*":
                        target = self.find_module(base)
                        if target is not None:
                            for n, r in list(target.names.items()):
                                module.names.setdefault(n, r)
                        continue
                    module.names.setdefault(alias.asname or alias.name,
                                            self.from_import(base, alias.name))
        module.imports_flask_like = any(
            i.split(".")[0] in ("flask", "quart", "bottle") for i in module.imports)

    def absolute_import(self, module: Module, name: str, level: int) -> str:
        """`from ..x import y` inside `module`: the dotted name imported from."""
        return ModuleIndex.absolute(module.name, module.is_package, name, level)

    def find_module(self, dotted: str) -> Module | None:
        found = self.index.find(dotted)
        return self.module(found) if found is not None else None

    def _known(self, dotted: str) -> str | None:
        """The project module an import names, without reading it: binding a module's imports
        must not read everything it imports, and everything that imports, in turn. Naming a
        module is not depending on its content: whoever follows the name reads it then."""
        return self.index.find(dotted)

    def _external_or_project(self, dotted: str) -> str:
        target = self._known(dotted)
        return f"{PROJECT}{target}" if target is not None else dotted

    def from_import(self, base: str, name: str) -> str:
        sub = self._known(f"{base}.{name}" if base else name)
        if sub is not None:
            return f"{PROJECT}{sub}"
        target = self._known(base) if base else None
        if target is not None:
            return f"{PROJECT}{target}:{name}"
        return f"{base}.{name}" if base else name

    # -- resolution ----------------------------------------------------------------------------
    def lookup(self, module: str, name: str) -> str | None:
        """What `name` means at the top level of `module`."""
        mod = self.module(module)
        if mod is None:
            return None
        ref = mod.names.get(name)
        if ref is not None:
            return self.canonical(ref)
        if name in _BUILTINS:
            return name
        return None

    def canonical(self, ref: str, depth: int = 0) -> str:
        """Follow re-exports: `§pkg:helper` where pkg imported helper from pkg.util."""
        if not ref.startswith(PROJECT) or ":" not in ref or depth > 8:
            return ref
        module, _, qual = ref[1:].partition(":")
        mod = self.module(module)
        if ref in self.functions or ref in self.classes:
            return ref
        if mod is not None and "." not in qual:
            target = mod.names.get(qual)
            if target is not None and target != ref:
                return self.canonical(target, depth + 1)
        return ref

    def member(self, ref: str, attr: str) -> str:
        """The reference of `<ref>.<attr>`."""
        if ref.startswith(PROJECT) and ":" not in ref:
            module = ref[1:]
            sub = self.module(f"{module}.{attr}") if f"{module}.{attr}" in \
                self.index.by_name else None
            if sub is not None:
                return f"{PROJECT}{sub.name}"
            found = self.lookup(module, attr)
            return found if found is not None else f"{ref}:{attr}"
        if ref in self.classes:
            method = self.method(ref, attr)
            if method is not None:
                return method
        return f"{ref}.{attr}"

    def attribute_class(self, class_ref: str, name: str) -> str | None:
        """The project class an instance attribute is declared or made as, where the class
        says so: `runner: CommandRunner` in its body, `self.runner = runner` from an
        `__init__(self, runner: CommandRunner)`, `self.store = AuditStore(...)`. Used only to
        resolve the attribute's methods; it says nothing of what data the attribute holds."""
        key = (class_ref, name)
        cached = self._attribute_classes.get(key)
        if cached is None:
            outer, self.consulted = self.consulted, set()
            try:
                found = self._find_attribute_class(class_ref, name, set())
            finally:
                reads, self.consulted = frozenset(self.consulted), outer
            cached = self._attribute_classes[key] = (found, reads)
        self.consulted |= cached[1]  # what was found depends on those modules' code
        return cached[0]

    def _find_attribute_class(self, class_ref: str, name: str, seen: set[str]) -> str | None:
        cls = self.classes.get(class_ref)
        if cls is None or class_ref in seen:
            return None
        seen.add(class_ref)
        module = self.module(cls.module)
        if module is None:
            return None
        for stmt in cls.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and \
                    stmt.target.id == name:
                return self.type_named(module, stmt.annotation)
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and any(
                    isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
                return self.class_named(module, stmt.value.func)  # `objects = TicketManager()`
        init = cls.methods.get("__init__")
        info = self.functions.get(init) if init is not None else None
        if info is not None:
            fn = info.node
            annotations = {a.arg: a.annotation for a in fn.args.args + fn.args.kwonlyargs
                           if a.annotation is not None}
            for node in ast.walk(fn):
                target, value = _self_assignment(node, name)
                if target is None:
                    continue
                if isinstance(node, ast.AnnAssign):
                    return self.type_named(module, node.annotation)
                if isinstance(value, ast.Name) and value.id in annotations:
                    return self.type_named(module, annotations[value.id])
                if isinstance(value, ast.Call):
                    return self.type_named(module, value.func)
        for base in cls.bases:
            found = self._find_attribute_class(base, name, seen)
            if found is not None:
                return found
        return None

    def class_named(self, module: Module, node: ast.expr | None) -> str | None:
        while isinstance(node, (ast.Subscript, ast.BinOp)):  # Optional[X], X | None
            if isinstance(node, ast.BinOp):
                node = node.left
            else:
                inner = node.slice
                node = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
        if node is None or not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        ref = self.canonical(self.resolve_expr(module, node))
        return ref if ref in self.classes else None

    def type_named(self, module: Module, node: ast.expr | None) -> str | None:
        """What an annotation names: a project class, or a type the models tag
        (`aiohttp.ClientSession` is an HTTP client)."""
        found = self.class_named(module, node)
        if found is not None or node is None:
            return found
        while isinstance(node, (ast.Subscript, ast.BinOp)):
            node = node.left if isinstance(node, ast.BinOp) else node.slice
            if isinstance(node, ast.Tuple):
                node = node.elts[0] if node.elts else None
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        return self.models.types.get(self.canonical(self.resolve_expr(module, node)))

    def param_type(self, info: FunctionInfo, name: str) -> str | None:
        """The type of an argument a function is analysed without a caller for: what its
        annotation names, or, for a function that defines the handlers it is given services
        for (`def setup_routes(app, directory, client)`), what every call in its module makes
        that argument as (`setup_routes(app, Directory(...), PartnerClient(session))`)."""
        node = info.node
        module = self.modules[info.module]
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            if arg.arg == name and arg.annotation is not None:
                return self.type_named(module, arg.annotation)
        if info.ref not in self._call_site_types:
            # only a function that defines request handlers inside it (a decorator's wrapper
            # is no such function, and most nested functions are wrappers)
            parents = self._route_parents.get(info.module)
            if parents is None:
                parents = self._route_parents[info.module] = {
                    f.qualname.rsplit(".", i)[0] for f in self._by_module.get(info.module, ())
                    if f.handler is not None for i in range(1, f.qualname.count(".") + 1)}
            self._call_site_types[info.ref] = self._types_at_calls(info, module) \
                if info.qualname in parents else {}
        return self._call_site_types[info.ref].get(name)

    def _types_at_calls(self, info: FunctionInfo, module: Module) -> dict[str, str]:
        node = info.node
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        if info.class_ref is not None:
            params = params[1:]
        seen: dict[str, set[str | None]] = {}
        calls = self._calls_by_name.get(module.name)
        if calls is None:
            calls = self._calls_by_name[module.name] = {}
            for found in ast.walk(module.tree):
                if isinstance(found, ast.Call):
                    calls.setdefault(_decorator_name(found.func), []).append(found)
        for call in calls.get(info.name, ()):
            if self.canonical(self.resolve_expr(module, call.func)) != info.ref:
                continue
            given = [*zip(params, call.args, strict=False),
                     *((k.arg, k.value) for k in call.keywords if k.arg is not None)]
            for param, arg in given:
                made = self.type_named(module, arg.func) if isinstance(arg, ast.Call) else None
                seen.setdefault(param, set()).add(made)
        agreed = {p: next(iter(t)) for p, t in seen.items() if len(t) == 1}
        return {p: t for p, t in agreed.items() if t is not None}

    def method(self, class_ref: str, name: str, seen: set[str] | None = None) -> str | None:
        """A method by name on a project class or its project bases (depth-first, like the MRO
        for the simple hierarchies found in practice)."""
        cls = self.classes.get(class_ref)
        if cls is None:
            return None
        if name in cls.methods:
            return cls.methods[name]
        seen = seen or set()
        seen.add(class_ref)
        for base in cls.bases:
            if base in self.classes and base not in seen:
                found = self.method(base, name, seen)
                if found is not None:
                    return found
        return None

    def resolve_expr(self, module: Module, node: ast.expr) -> str:
        if isinstance(node, ast.Name):
            return self.lookup(module.name, node.id) or node.id
        if isinstance(node, ast.Attribute):
            return self.member(self.resolve_expr(module, node.value), node.attr)
        if isinstance(node, ast.Subscript):  # Generic[T]
            return self.resolve_expr(module, node.value)
        return "?"

    def _base_names(self, cls: ClassInfo, seen: set[str]) -> set[str]:
        names: set[str] = set()
        seen.add(cls.ref)
        for base in cls.bases:
            names.add(base.rsplit(".", 1)[-1].rsplit(":", 1)[-1])
            if base in self.classes and base not in seen:
                names |= self._base_names(self.classes[base], seen)
        return names

    # -- request handlers ----------------------------------------------------------------------
    def _mark_handlers(self, module: Module) -> None:
        models = self.models
        registered: set[str] = set()
        for call in module.calls:
            if isinstance(call.func, ast.Attribute) \
                    and call.func.attr in models.route_registrations:
                for arg in [*call.args, *(k.value for k in call.keywords)]:
                    if isinstance(arg, ast.Name):
                        registered.add(arg.id)
                    elif isinstance(arg, ast.Attribute):
                        registered.add(arg.attr)
        for cls in self._classes_by_module.get(module.name, []):
            if self.handler_class(cls.ref) and self._find_dispatch(cls):
                self.dispatching.add(cls.ref)
            self._lookup_pattern(cls)
        self._params_from_urls(module)
        self._params_from_url_specs(module)
        validating = any(i.split(".")[0] in ("fastapi", "pydantic") for i in module.imports)
        for info in self._by_module.get(module.name, []):
            node = info.node
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and deco.args and \
                        isinstance(deco.args[0], ast.Constant) and \
                        isinstance(deco.args[0].value, str):
                    info.typed_params |= _typed_in_route(deco.args[0].value)
            if validating:
                for parameter in node.args.args + node.args.kwonlyargs:
                    if annotation_name(parameter.annotation) in TYPED_ANNOTATIONS:
                        info.typed_params.add(parameter.arg)
                info.param_patterns.update(_validated_patterns(node))
            params = [a.arg for a in node.args.posonlyargs + node.args.args]
            routes = [d for d in node.decorator_list if _is_route_decorator(d, models)]
            if routes or node.name in registered:
                info.handler = "route"
                info.html_return = module.imports_flask_like or any(
                    self._flask_like_router(module, d) for d in routes)
            elif params[:2] == ["environ", "start_response"] or \
                    params[:3] == ["self", "environ", "start_response"]:
                info.handler = "wsgi"
            elif info.class_ref is not None:
                cls = self.classes[info.class_ref]
                if node.name in _HTTP_METHODS and any(
                        hc.bases.search(n) for hc in models.handler_classes
                        for n in cls.base_names):
                    info.handler = "method"
            elif params and params[0] in models.request_names and "." not in info.qualname:
                info.handler = "view"

    def _lookup_pattern(self, cls: ClassInfo) -> None:
        """A REST framework viewset's `lookup_value_regex`: its router matches the lookup
        argument (`pk`, or the class's `lookup_url_kwarg`/`lookup_field`) against it."""
        consts = {t.id: stmt.value.value for stmt in cls.node.body if isinstance(stmt, ast.Assign)
                  for t in stmt.targets if isinstance(t, ast.Name) and
                  isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)}
        regex = consts.get("lookup_value_regex")
        if regex is None:
            return
        name = consts.get("lookup_url_kwarg") or consts.get("lookup_field") or "pk"
        for method in cls.methods.values():
            info = self.functions.get(method)
            if info is not None and any(a.arg == name for a in info.node.args.args):
                info.param_patterns[name] = f"^(?:{regex})\\Z"

    def _flask_like_router(self, module: Module, decorator: ast.expr) -> bool:
        """`@bp.route(...)` where `bp` is a blueprint made in another module of the project
        (`from app.web import bp`): the view returns HTML as Flask's would, though its own
        module never imports Flask."""
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if not isinstance(target, ast.Attribute):
            return False
        ref = self.canonical(self.resolve_expr(module, target.value))
        if not ref.startswith(PROJECT) or ":" not in ref:
            return False
        owner = self.module(ref[1:].partition(":")[0])
        return owner is not None and owner.imports_flask_like

    def is_validating_model(self, class_ref: str) -> bool:
        """A pydantic model: its constructor checks each field against its annotation."""
        cls = self.classes.get(class_ref)
        return cls is not None and "BaseModel" in cls.base_names

    def _params_from_urls(self, module: Module) -> None:
        """Django's `path("orders/<int:pk>/<slug>/", views.order)`: slug reaches the view from
        the URL, pk as an int."""
        for node in module.calls:
            if not (_decorator_name(node.func) in ("path", "re_path")
                    and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            typed = _typed_in_route(node.args[0].value)
            named = set(_ROUTE_NAME.findall(node.args[0].value))
            slugs = set(_SLUG_PARAM.findall(node.args[0].value))
            view = node.args[1]
            if isinstance(view, ast.Call) and isinstance(view.func, ast.Attribute) and \
                    view.func.attr == "as_view":
                view = view.func.value
            ref = self.canonical(self.resolve_expr(module, view))
            if ref in self.functions:
                targets = [ref]
            elif ref in self.classes:
                cls = self.classes[ref]
                cls.typed_kwargs = frozenset(typed) if cls.typed_kwargs is None \
                    else cls.typed_kwargs & typed
                targets = [m for name, m in cls.methods.items() if name in _HTTP_METHODS]
            else:
                targets = []
            for target in targets:
                self.functions[target].typed_params |= typed
                self.functions[target].url_params |= {n for group in named for n in group if n}
                self.functions[target].param_patterns.update(dict.fromkeys(slugs, _SLUG))

    def _params_from_url_specs(self, module: Module) -> None:
        r"""Tornado's `(r"/api/check/(\d+)", CheckHandler)`: each group of the pattern reaches
        the handler's methods as the next positional argument, matched by that group."""
        constants = _string_constants(module.tree)
        for node in ast.walk(module.tree):
            if not (isinstance(node, ast.Tuple) and len(node.elts) >= 2 and
                    isinstance(node.elts[1], (ast.Name, ast.Attribute))):
                continue
            pattern = _text_of(node.elts[0], constants)
            if pattern is None or not pattern.lstrip("^").startswith("/"):
                continue
            ref = self.canonical(self.resolve_expr(module, node.elts[1]))
            cls = self.classes.get(ref)
            groups = capturing_groups(pattern)
            try:
                counted = re.compile(pattern).groups
            except re.error:
                continue
            if cls is None or not groups or counted != len(groups):
                continue  # nested groups: which argument is which is not followed
            for name, method in cls.methods.items():
                info = self.functions.get(method)
                if name not in _HTTP_METHODS or info is None:
                    continue
                params = [a.arg for a in info.node.args.args[1:]]
                for param, group in zip(params, groups, strict=False):
                    info.param_patterns[param] = f"^(?:{group})\\Z"

    def _find_dispatch(self, cls: ClassInfo) -> bool:
        for node in ast.walk(cls.node):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and \
                    isinstance(node.func.func, ast.Name) and node.func.func.id == "getattr" \
                    and node.func.args and isinstance(node.func.args[0], ast.Name) \
                    and node.func.args[0].id == "self":
                return True
        return False

    def handler_class(self, class_ref: str | None) -> tuple[int, ...]:
        """Indexes of the models' handler classes that this class is one of (asked for at
        every call into a method: kept, as a class's bases do not change once read)."""
        if class_ref is None or class_ref not in self.classes:
            return ()
        found = self._handler_kinds.get(class_ref)
        if found is None:
            names = self.classes[class_ref].base_names
            found = tuple(i for i, hc in enumerate(self.models.handler_classes)
                          if any(hc.bases.search(n) for n in names))
            self._handler_kinds[class_ref] = found
        return found


def registrations(models: Models) -> frozenset[str]:
    """Calls that register a handler: the models' and Django's URL patterns."""
    return models.route_registrations | {"path", "re_path"}


def route_facts(tree: ast.Module, models: Models) -> str:
    """What a module's route registrations say (its registration calls and the imports that
    name their views), as a digest; "" when it registers none. Other modules' analysis depends
    on this, not on the rest of the file: a comment or a new function in `urls.py` changes
    nothing for them."""
    names = registrations(models)
    calls = [n for n in ast.walk(tree)
             if isinstance(n, ast.Call) and _decorator_name(n.func) in names]
    if not calls:
        return ""
    digest = hashlib.sha256()
    for node in (*_imports(tree.body), *calls):
        digest.update(ast.dump(node).encode())
    return digest.hexdigest()


_BLOCK = (ast.stmt, ast.excepthandler, ast.match_case)


def _imports(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """The import statements among `body` and the blocks nested in it, in `ast.walk`'s order;
    an import cannot sit inside an expression, so expressions are not walked."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: deque[ast.AST] = deque(body)
    while todo:
        node = todo.popleft()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
            continue
        for name in node._fields:
            inner = getattr(node, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], _BLOCK):
                todo.extend(inner)
    return found


_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "list",
                           "retrieve", "create", "update", "partial_update", "destroy",
                           "form_valid", "get_queryset", "get_object", "get_context_data",
                           "dispatch", "prepare"})


_TYPED_CONVERTERS = frozenset({"int", "float", "uuid", "UUID"})
TYPED_ANNOTATIONS = frozenset({"int", "float", "bool", "UUID", "date", "datetime", "time",
                                "Decimal", "PositiveInt", "NonNegativeInt", "conint",
                                "condecimal", "confloat", "StrictInt", "StrictFloat",
                                "StrictBool"})
# Django's slug converter matches only this: no quote, dot, slash, space or markup
_SLUG_PARAM = re.compile(r"<slug:(\w+)>")
_SLUG = r"^[-a-zA-Z0-9_]+\Z"
_ROUTE_NAME = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")
_ROUTE_PARAM = re.compile(r"<(\w+):(\w+)>|\{(\w+):(\w+)\}|\(\?P<(\w+)>\\d\+?\)")


def _typed_in_route(route: str) -> set[str]:
    typed: set[str] = set()
    for m in _ROUTE_PARAM.finditer(route):
        if m.group(1) and m.group(1) in _TYPED_CONVERTERS:
            typed.add(m.group(2))
        elif m.group(3) and m.group(4) in _TYPED_CONVERTERS:
            typed.add(m.group(3))
        elif m.group(5):
            typed.add(m.group(5))
    return typed


def _validated_patterns(node: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, str]:
    """`q: str = Query(pattern=r"^[a-z]+$")`: FastAPI rejects any other value."""
    args = node.args
    defaults = list(zip(args.args[len(args.args) - len(args.defaults):], args.defaults,
                        strict=True))
    defaults += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
                 if d is not None]
    found: dict[str, str] = {}
    for parameter, default in defaults:
        if isinstance(default, ast.Call):
            for kw in default.keywords:
                if kw.arg in ("pattern", "regex") and isinstance(kw.value, ast.Constant) and \
                        isinstance(kw.value.value, str):
                    found[parameter.arg] = kw.value.value
    return found


def annotation_name(node: ast.expr | None) -> str:
    if isinstance(node, ast.Subscript):  # Annotated[int, Query(...)], Optional[int]
        inner = node.slice
        if isinstance(inner, ast.Tuple) and inner.elts:
            inner = inner.elts[0]
        return annotation_name(inner)
    if isinstance(node, ast.BinOp):  # int | None
        return annotation_name(node.left)
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return ""


# Decorators that name a route on their own; an HTTP verb (`@post`) does only as an attribute of
# an application or router (`@app.post`), since plain functions named so mean other things
# (a test plugin's `@post` hook).
_BARE_ROUTE_DECORATORS = frozenset({"route", "api_view", "view_config", "expose"})


def _is_route_decorator(node: ast.expr, models: Models) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr in models.route_decorators
    return isinstance(target, ast.Name) and target.id in models.route_decorators \
        and target.id in _BARE_ROUTE_DECORATORS


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _self_assignment(node: ast.AST, name: str) -> tuple[ast.expr | None, ast.expr | None]:
    """`self.<name> = value` (or annotated): its target and value."""
    target: ast.expr
    value: ast.expr | None
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign):
        target, value = node.target, node.value
    else:
        return None, None
    if isinstance(target, ast.Attribute) and target.attr == name and \
            isinstance(target.value, ast.Name) and target.value.id == "self":
        return target, value
    return None, None


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """A module's names bound once, at its top level, to a string literal."""
    found: dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                isinstance(stmt.targets[0], ast.Name) and isinstance(stmt.value, ast.Constant) \
                and isinstance(stmt.value.value, str):
            found[stmt.targets[0].id] = stmt.value.value
    return found


def _text_of(node: ast.expr, constants: Mapping[str, str]) -> str | None:
    """The text of a string written with the module's constants (`rf"/items/{SKU}/adjust"`)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                if value.conversion != -1 or value.format_spec is not None:
                    return None
                value = value.value
            text = _text_of(value, constants)
            if text is None:
                return None
            parts.append(text)
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text_of(node.left, constants), _text_of(node.right, constants)
        return None if left is None or right is None else left + right
    return None


def capturing_groups(pattern: str) -> list[str]:
    """The capturing groups of a regular expression, outermost first, as written."""
    groups: list[str] = []
    stack: list[tuple[int, bool]] = []
    escaped = in_class = False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            capturing = not pattern.startswith("(?", i) or pattern.startswith("(?P<", i)
            stack.append((i, capturing))
        elif ch == ")" and stack:
            start, capturing = stack.pop()
            if capturing and not stack:
                inner = pattern[start + 1:i]
                if inner.startswith("?P<"):
                    inner = inner[inner.index(">") + 1:]
                groups.append(inner)
    return groups
