"""Sinks: tainted values reaching a dangerous call, a response body or a header."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import replace

from secsdlc.flow.folding import repr_fields
from secsdlc.flow.frames import Frame, InterpreterBase, Report, handed_down
from secsdlc.flow.models import Sink
from secsdlc.flow.syntax import short
from secsdlc.flow.values import Step, Value

_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash",
                     "/usr/bin/sh", "cmd", "cmd.exe", "powershell", "pwsh"})


# Text that reads as a statement (bandit's B608 and the pattern rules look for the same): a
# query assembled from it is judged on the lines it is built on, not only where it runs.
_QUERY_TEXT = re.compile(r"select\s.*from\s|delete\s+from\s|insert\s+into\s.*values|"
                         r"update\s.*\sset\s", re.IGNORECASE | re.DOTALL)


_TRACKED_RESPONSES = ("flask.make_response", "flask.Response", "werkzeug.wrappers.Response",
                      "werkzeug.Response", "HttpResponse", "starlette.responses.Response")


_SQL_TEXT = re.compile(r"\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|MERGE|CALL)\b",
                       re.IGNORECASE)


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


class Sinks(InterpreterBase):
    """Reports of a source reaching a sink, and proofs of the safe ones."""

    def check_sink(self, node: ast.Call, sink: Sink, args: list[Value],
                   kwargs: dict[str, Value], frame: Frame, receiver: Value | None) -> None:
        if sink.kind == "logi" and args and isinstance(args[0].const, str):
            args = [args[0], *repr_fields(args[0].const, args[1:])]
        values = [args[i] for i in sink.args if i < len(args)]
        values += [kwargs[k] for k in sink.kwargs if k in kwargs]
        if sink.on_object and receiver is not None:
            values.append(receiver)
        if not values:
            return  # nothing reaches it here: no proof either way
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
                return self._harmless_here(kind, node, frame)
        elif when == "allow-pickle":
            flag = kwargs.get("allow_pickle")
            if flag is None or (flag.is_const and not flag.const):
                return self._harmless_here(kind, node, frame)
        elif when == "html-content" and sink.ref is not None and \
                sink.ref.endswith(_TRACKED_RESPONSES):
            # the response object carries its body to where the handler returns it, and its
            # content type may still change (`response.mimetype = "text/plain"`): judged there
            return
        elif when in ("html-content", "not-dict"):
            if any(v.ctype == "dict" or v.keys is not None for v in values):
                return self._harmless_here(kind, node, frame)
            positional_type = args[1].const if len(args) > 1 and sink.ref and \
                sink.ref.startswith("django.") else None
            if isinstance(positional_type, str) and "html" not in positional_type.lower():
                return self._harmless_here(kind, node, frame)  # HttpResponse(content, type)
            for name in ("content_type", "mimetype", "media_type", "ctype"):
                ct = kwargs.get(name)
                if ct is not None and isinstance(ct.const, str) and \
                        "html" not in ct.const.lower():
                    return self._harmless_here(kind, node, frame)
        elif when == "sql-text":
            if not any(_SQL_TEXT.match(v.const if isinstance(v.const, str) else v.prefix)
                       for v in values):
                return
        elif when == "lxml-entities":
            parser = kwargs.get("parser", args[1] if len(args) > 1 else None)
            if parser is None or parser.ctype != "lxml-entities":
                return self._harmless_here(kind, node, frame)
        elif when == "sax-external":
            parser = kwargs.get("parser", args[1] if len(args) > 1 else None)
            if parser is None or parser.ctype != "sax-parser-external":
                return self._harmless_here(kind, node, frame)
        if kind == "xss" and sink.receiver == ("wfile",):
            ct = frame.content_type
            if ct is not None and isinstance(ct.const, str) and "html" not in ct.const.lower():
                return
        if kind == "headeri" and sink.method in ("send_header", "set_header", "add_header") \
                and args:
            header = args[0].const.lower() if isinstance(args[0].const, str) else ""
            if header == "content-type" and len(args) > 1:
                frame.content_type = args[1]
            if header == "location":
                # where the browser goes, and a header line all the same (written raw here)
                self.sink_values("redirect", values, self.step(frame, node, short(node)))
        note = short(node)
        self.sink_values(kind, values, self.step(frame, node, note))

    def _harmless_here(self, kind: str, node: ast.Call, frame: Frame) -> None:
        """The call is not dangerous as made here (a safe loader, a body that is not HTML): a
        proof for this context, as a constant argument would be."""
        step = self.step(frame, node, short(node))
        key = (step.path, step.line, kind)
        self.proofs[key] = self.proofs.get(key, True)

    def built_query(self, node: ast.expr, text: str, value: Value, frame: Frame) -> None:
        """Query text assembled from parts: a proof (or not) that none of them can change the
        statement, on every line of the expression, like the proof on an `execute` call."""
        if not _QUERY_TEXT.search(text):
            return
        proven = value.proven_safe("sqli")
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
            key = (frame.path, line, "sqli")
            self.proofs[key] = self.proofs.get(key, True) and proven

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
                # settled at the sink unless the data came in through the parameters of the
                # function the sink is in: then the caller that handed it over has the finding
                current = self.project.functions.get(self.stack[-1]) if self.stack else None
                settled = current is None or not handed_down(trace, self.project.definitions)
                self._report(Report(kind, sink, trace, sink if settled else None))

    def _check_returns(self, frame: Frame, root: bool = True) -> None:
        info = frame.info
        if info is None:
            return
        for value, step in frame.returns:
            for candidate in _response_values(value) if root else []:
                body = candidate.field("body")
                if body is not None:
                    self.sink_values("xss", [body], replace(step, note="HTML response"))
            if root and info.handler is not None and self._own_response(value):
                self._check_own_response(value, step)
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

    def _own_response(self, value: Value) -> bool:
        """A response class of the project's own (`Response(body, status, headers)` of a
        small server of its own): what a handler returns of it is what the server sends."""
        cls = self.project.classes.get(value.ctype or "")
        return cls is not None and value.fields is not None and any(
            n.endswith("Response") for n in (cls.node.name, *cls.base_names))

    def _check_own_response(self, value: Value, step: Step) -> None:
        content_type = next((value.field(n) for n in ("content_type", "mimetype", "media_type")
                            if value.field(n) is not None), None)
        headers = value.field("headers")
        if headers is not None:
            content_type = self._raw_headers(headers, step) or content_type
        body = next((value.field(n) for n in ("body", "content", "text", "data")
                     if value.field(n) is not None), None)
        if body is not None and content_type is not None and \
                isinstance(content_type.const, str) and "html" in content_type.const.lower():
            self.sink_values("xss", [body], replace(step, note="HTML response"))

    def _start_response(self, node: ast.Call, headers: Value, frame: Frame) -> None:
        """WSGI headers: the content type decides whether the body is HTML; other values are
        headers a client's data must not break."""
        content_type = self._raw_headers(headers, self.step(frame, node, "header"))
        if content_type is not None:
            frame.content_type = content_type
        frame.wsgi_body = True

    def _raw_headers(self, headers: Value, step: Step) -> Value | None:
        """A list of (name, value) headers written as given: each value is a header line a
        client's data must not break, a Location is also where the browser goes. Returns the
        Content-Type's value, if the list sets one."""
        content_type = None
        for header in headers.items or ():
            if header.items is None or len(header.items) != 2:
                continue
            name, value = header.items
            key = name.const.lower() if isinstance(name.const, str) else ""
            if key == "content-type":
                content_type = value
            if key:
                at = replace(step, note=f"{name.const} header")
                if key == "location":
                    self.sink_values("redirect", [value], at)
                self.sink_values("headeri", [value], at)
        return content_type
