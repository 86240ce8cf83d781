"""The taint models, read from data: the bundled models.yaml plus any files a project adds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from secsdlc.model import Severity

MODELS_VERSION = 1


class ModelError(Exception):
    """A models file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class Kind:
    name: str
    cwe: int
    severity: Severity
    title: str
    fix: str


@dataclass(frozen=True)
class Sink:
    kind: str
    ref: str | None = None
    method: str | None = None
    args: tuple[int, ...] = ()
    kwargs: tuple[str, ...] = ()
    when: str | None = None
    receiver: tuple[str | None, ...] | None = None  # type tags; None inside: untyped receiver
    self_bases: str | None = None  # a `self.method(...)` call inside such a class
    # the object the method is called on is what reaches the sink (`path.read_text()`)
    on_object: bool = False


@dataclass(frozen=True)
class Sanitizer:
    clears: frozenset[str]
    ref: str | None = None
    method: str | None = None
    receiver: tuple[str | None, ...] | None = None
    # keyword arguments that, given with these constant values, turn the sanitizer off
    # (`html.escape(s, quote=False)` leaves quotes for an attribute value to break out of)
    unless: tuple[tuple[str, object], ...] = ()
    # keyword arguments that must be given with these constant values for the row to apply
    # (`quote(s, safe="")` encodes `/` and `:` too)
    when: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class HandlerClass:
    bases: re.Pattern[str]
    attributes: frozenset[str]
    methods: frozenset[str]


@dataclass(frozen=True)
class FormClass:
    """Form or serializer classes: made from the client's data, validated field by field."""

    bases: re.Pattern[str]
    data: tuple[int, str]  # the argument that holds the data: position, keyword
    attributes: frozenset[str]  # where the validated data is read
    validated_fields: Mapping[str, frozenset[str]]  # field class -> the kinds it is safe for


@dataclass(frozen=True)
class Models:
    kinds: Mapping[str, Kind]
    request_objects: frozenset[str]
    request_calls: frozenset[str]  # calls that hand back the client's data (a CGI form)
    session_modules: frozenset[str]  # a project's own session store: what its functions load
    request_names: frozenset[str]
    request_attributes: frozenset[str]
    request_guarantees: Mapping[str, frozenset[str]]
    session_attributes: frozenset[str]
    handler_classes: tuple[HandlerClass, ...]
    forms: tuple[FormClass, ...]
    route_decorators: frozenset[str]
    route_registrations: frozenset[str]
    types: Mapping[str, str]
    type_names: frozenset[str]  # the last part of every name in `types`
    number_attributes: Mapping[str, frozenset[str]]
    wrappers: Mapping[str, tuple[int, str]]
    logger_names: frozenset[str]
    sinks_by_ref: Mapping[str, tuple[Sink, ...]]
    sinks_by_method: Mapping[str, tuple[Sink, ...]]
    sanitizers_by_ref: Mapping[str, tuple[Sanitizer, ...]]
    sanitizers_by_method: Mapping[str, tuple[Sanitizer, ...]]
    clean_results: frozenset[str]
    # calls that render a template text with autoescaping on: only what the text marks
    # `|safe` (or renders inside `{% autoescape false %}`) goes out as it is
    autoescaped_renderers: frozenset[str]
    digest: str = field(default="")


def _rows(doc: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    rows = doc.get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ModelError(f"{source}: '{key}' must be a list of mappings")
    return rows


def _form_class(row: Mapping[str, Any], where: str) -> FormClass:
    try:
        pattern = re.compile(str(row.get("bases", "")))
    except re.error as e:
        raise ModelError(f"{where}: bad 'bases' pattern: {e}") from e
    data = row.get("data") or {}
    if not isinstance(data, Mapping) or not isinstance(data.get("arg", 0), int) or \
            not isinstance(data.get("kwarg", ""), str):
        raise ModelError(f"{where}: data: expected {{arg: N, kwarg: NAME}}")
    return FormClass(pattern, (int(data.get("arg", 0)), str(data.get("kwarg", ""))),
                     frozenset(_strs(row.get("attributes"), f"{where}.attributes")),
                     {str(name): frozenset(_strs(kinds, f"{where}.validated_fields.{name}"))
                      for name, kinds in _mapping(row, "validated_fields", where).items()})


def _mapping(doc: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = doc.get(key) or {}
    if not isinstance(value, Mapping):
        raise ModelError(f"{source}: {key}: expected a mapping")
    return value


def _strs(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"{where}: expected a list of strings")
    return tuple(value)


def _receiver(value: object, where: str) -> tuple[str | None, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(v is None or isinstance(v, str) for v in value):
        raise ModelError(f"{where}: 'receiver' must be a list of type tags (null: untyped)")
    return tuple(value)


def load(extra: Iterable[Path] = ()) -> Models:
    texts = [("models.yaml", resources.files("secsdlc.flow").joinpath("models.yaml")
              .read_text(encoding="utf-8"))]
    for path in extra:
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            raise ModelError(f"{path}: cannot read taint models: {e}") from e
    return _build(texts)


def _build(texts: list[tuple[str, str]]) -> Models:
    kinds: dict[str, Kind] = {}
    sinks: list[Sink] = []
    sanitizers: list[Sanitizer] = []
    request: dict[str, set[str]] = {"objects": set(), "names": set(), "attributes": set(),
                                    "session": set(), "calls": set(), "session_modules": set()}
    guarantees: dict[str, frozenset[str]] = {}
    handler_classes: list[HandlerClass] = []
    forms: list[FormClass] = []
    route_decorators: set[str] = set()
    route_registrations: set[str] = set()
    types: dict[str, str] = {}
    number_attributes: dict[str, set[str]] = {}
    wrappers: dict[str, tuple[int, str]] = {}
    logger_names: set[str] = set()
    clean_results: set[str] = set()
    autoescaped_renderers: set[str] = set()
    digest = hashlib.sha256(str(MODELS_VERSION).encode())
    for source, text in texts:
        digest.update(text.encode())
        try:
            doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as e:
            raise ModelError(f"{source}: not valid YAML: {e}".splitlines()[0]) from e
        if not isinstance(doc, dict):
            raise ModelError(f"{source}: expected a mapping at the top level")
        if doc.get("version", MODELS_VERSION) != MODELS_VERSION:
            raise ModelError(f"{source}: models version {doc.get('version')!r} is not "
                             f"{MODELS_VERSION}")
        for name, spec in (doc.get("kinds") or {}).items():
            where = f"{source}: kinds.{name}"
            if not isinstance(spec, dict) or not isinstance(spec.get("cwe"), int):
                raise ModelError(f"{where}: needs an integer 'cwe'")
            try:
                severity = Severity.parse(str(spec.get("severity", "high")))
            except ValueError as e:
                raise ModelError(f"{where}: {e}") from e
            kinds[str(name)] = Kind(str(name), spec["cwe"], severity,
                                    str(spec.get("title", name)), str(spec.get("fix", "")))
        req = doc.get("request") or {}
        if not isinstance(req, dict):
            raise ModelError(f"{source}: 'request' must be a mapping")
        for key in request:
            request[key] |= set(_strs(req.get(key), f"{source}: request.{key}"))
        for attr, cleared in (req.get("guarantees") or {}).items():
            guarantees[str(attr)] = frozenset(_strs(cleared, f"{source}: request.guarantees"))
        for n, row in enumerate(_rows(doc, "handler_classes", source)):
            where = f"{source}: handler_classes[{n}]"
            try:
                pattern = re.compile(str(row.get("bases", "")))
            except re.error as e:
                raise ModelError(f"{where}: bad 'bases' pattern: {e}") from e
            handler_classes.append(HandlerClass(
                pattern, frozenset(_strs(row.get("attributes"), where)),
                frozenset(_strs(row.get("methods"), where))))
        if doc.get("forms") is not None:
            forms.append(_form_class(_mapping(doc, "forms", source), f"{source}: forms"))
        route_decorators |= set(_strs(doc.get("route_decorators"), f"{source}: route_decorators"))
        route_registrations |= set(_strs(doc.get("route_registrations"),
                                         f"{source}: route_registrations"))
        for ref, tag in _mapping(doc, "types", source).items():
            types[str(ref)] = str(tag)
        for ref, row in _mapping(doc, "wrappers", source).items():
            if not isinstance(row, Mapping) or not isinstance(row.get("arg"), int) or \
                    not isinstance(row.get("kwarg", ""), str):
                raise ModelError(f"{source}: wrappers.{ref}: expected {{arg: N, kwarg: NAME}}")
            wrappers[str(ref)] = (row["arg"], str(row.get("kwarg", "")))
        for tag, names in _mapping(doc, "number_attributes", source).items():
            number_attributes.setdefault(str(tag), set()).update(
                _strs(names, f"{source}: number_attributes.{tag}"))
        logger_names |= set(_strs(doc.get("logger_names"), f"{source}: logger_names"))
        clean_results |= set(_strs(doc.get("clean_results"), f"{source}: clean_results"))
        autoescaped_renderers |= set(_strs(doc.get("autoescaped_renderers"),
                                           f"{source}: autoescaped_renderers"))
        for n, row in enumerate(_rows(doc, "sinks", source)):
            where = f"{source}: sinks[{n}]"
            if bool(row.get("ref")) == bool(row.get("method")):
                raise ModelError(f"{where}: give exactly one of 'ref' or 'method'")
            args = row.get("args", [])
            if not isinstance(args, list) or not all(isinstance(a, int) for a in args):
                raise ModelError(f"{where}: 'args' must be a list of integers")
            sinks.append(Sink(kind=str(row.get("kind")), ref=row.get("ref"),
                              method=row.get("method"), args=tuple(args),
                              kwargs=_strs(row.get("kwargs"), where), when=row.get("when"),
                              receiver=_receiver(row.get("receiver"), where),
                              self_bases=row.get("self"), on_object=row.get("object") is True))
        for n, row in enumerate(_rows(doc, "sanitizers", source)):
            where = f"{source}: sanitizers[{n}]"
            if bool(row.get("ref")) == bool(row.get("method")):
                raise ModelError(f"{where}: give exactly one of 'ref' or 'method'")
            unless = row.get("unless") or {}
            when = row.get("when") or {}
            if not isinstance(unless, dict) or not isinstance(when, dict):
                raise ModelError(f"{where}: 'unless' and 'when' map keyword arguments to "
                                 f"values")
            sanitizers.append(Sanitizer(frozenset(_strs(row.get("clears"), where)),
                                        ref=row.get("ref"), method=row.get("method"),
                                        receiver=_receiver(row.get("receiver"), where),
                                        unless=tuple(sorted(unless.items())),
                                        when=tuple(sorted(when.items()))))
    for sink in sinks:
        if sink.kind != "none" and sink.kind not in kinds:
            raise ModelError(f"sink {sink.ref or sink.method}: unknown kind {sink.kind!r}")
    by_ref: dict[str, list[Sink]] = {}
    by_method: dict[str, list[Sink]] = {}
    for sink in sinks:
        if sink.ref:
            by_ref.setdefault(sink.ref, []).append(sink)
        elif sink.method:
            by_method.setdefault(sink.method, []).append(sink)
    san_method: dict[str, list[Sanitizer]] = {}
    san_ref: dict[str, list[Sanitizer]] = {}
    for san in sanitizers:
        if san.method:
            san_method.setdefault(san.method, []).append(san)
        elif san.ref:
            san_ref.setdefault(san.ref, []).append(san)
    return Models(
        kinds=kinds,
        request_objects=frozenset(request["objects"]),
        request_calls=frozenset(request["calls"]),
        session_modules=frozenset(request["session_modules"]),
        request_names=frozenset(request["names"]),
        request_attributes=frozenset(request["attributes"]),
        request_guarantees=guarantees,
        session_attributes=frozenset(request["session"]),
        handler_classes=tuple(handler_classes),
        forms=tuple(forms),
        route_decorators=frozenset(route_decorators),
        route_registrations=frozenset(route_registrations),
        types=types,
        type_names=frozenset(r.rsplit(".", 1)[-1] for r in types),
        number_attributes={t: frozenset(n) for t, n in number_attributes.items()},
        wrappers=wrappers,
        logger_names=frozenset(logger_names),
        sinks_by_ref={k: tuple(v) for k, v in by_ref.items()},
        sinks_by_method={k: tuple(v) for k, v in by_method.items()},
        sanitizers_by_ref={k: tuple(v) for k, v in san_ref.items()},
        sanitizers_by_method={k: tuple(v) for k, v in san_method.items()},
        clean_results=frozenset(clean_results),
        autoescaped_renderers=frozenset(autoescaped_renderers),
        digest=digest.hexdigest(),
    )
