"""Methods of strings, containers and the library objects that store and hand back a value."""

from __future__ import annotations

import ast
import re
from dataclasses import replace

from secsdlc.flow import guards
from secsdlc.flow.folding import from_python, meet, sanitized, value_safe
from secsdlc.flow.frames import Frame, InterpreterBase, State
from secsdlc.flow.project import capturing_groups
from secsdlc.flow.values import (
    ALL_KINDS,
    NONE,
    SERVER_TEXT,
    UNKNOWN,
    Value,
    const,
    container,
    derived,
    join,
    join_all,
)

STR_KEEP = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize",
                      "casefold", "swapcase", "encode", "decode", "zfill", "ljust", "rjust",
                      "center", "expandtabs", "removeprefix", "removesuffix", "format_map",
                      "translate", "__str__", "copy", "normalize", "resolve", "absolute",
                      "as_posix", "getvalue", "read", "readline", "readlines", "to_python",
                      "value", "first", "last", "cleaned", "geturl", "unquote"})
_PATH_METHODS = frozenset({"resolve", "absolute", "expanduser", "joinpath", "with_name",
                           "with_suffix", "with_stem", "relative_to", "realpath"})
_BOOL_METHODS = frozenset({"isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal",
                           "isidentifier", "isascii", "isspace", "islower", "isupper",
                           "startswith", "endswith", "exists", "is_file", "is_dir",
                           "is_relative_to", "__contains__", "has_key"})


def _joined_key(section: Value, option: Value) -> str | None:
    if isinstance(section.const, str) and isinstance(option.const, str):
        return store_key(section.const, option.const)
    return None


def match_value(function: str, pattern: str, subject: Value) -> Value:
    """What `re.<function>(pattern, subject)` hands back: a match whose groups are each as
    safe as their own part of the pattern makes them, wherever the subject came from."""
    return Value(ctype="re-match", fields=(("function", const(function)),
                                           ("pattern", const(pattern)), ("subject", subject)))


def match_groups(match: Value, name: str, args: list[Value]) -> Value:
    function, pattern, subject = (match.field(n) for n in ("function", "pattern", "subject"))
    if function is None or pattern is None or subject is None or \
            not isinstance(pattern.const, str) or not isinstance(function.const, str):
        return derived([match])
    taints = Value(taints=subject.all_taints())
    how, text = function.const, pattern.const
    groups = capturing_groups(text)
    try:
        consistent = re.compile(text).groups == len(groups)
    except re.error:
        consistent = False

    def group(index: object) -> Value:
        if index == 0:
            return sanitized(taints, guards.regex_check(how, text))
        if consistent and isinstance(index, int) and 1 <= index <= len(groups):
            return sanitized(taints, guards.regex_check("fullmatch", groups[index - 1]))
        return taints

    if name == "groups":
        return container("tuple", [group(i) for i in range(1, len(groups) + 1)]) \
            if consistent else container("tuple", rest=taints)
    if len(args) == 1 and args[0].is_const:
        return group(args[0].const)
    if not args:
        return group(0)
    return container("tuple", rest=taints) if len(args) > 1 else taints


def store_key(section: str, option: str) -> str:
    """Where a configparser-like store keeps an option (it lower-cases option names)."""
    return f"{section}\0{option.lower()}"


_PURE_STR_METHODS = frozenset({
    "find", "rfind", "index", "rindex", "count", "startswith", "endswith", "upper", "lower",
    "strip", "lstrip", "rstrip", "title", "capitalize", "casefold", "swapcase", "center",
    "ljust", "rjust", "zfill", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
    "islower", "isdecimal", "isnumeric", "removeprefix", "removesuffix", "partition",
    "rpartition", "split", "rsplit", "splitlines"})


class Methods(InterpreterBase):
    """Built-in methods, element by element where the index is known."""

    def _builtin_method(self, node: ast.Call, func: ast.Attribute, name: str, recv: Value,
                        args: list[Value], kwargs: dict[str, Value], st: State,
                        frame: Frame) -> Value | None:
        """Strings, containers and the few library objects that store and hand back a value."""
        is_str = isinstance(recv.const, str) or (recv.ctype is None and recv.items is None
                                                 and recv.keys is None)
        if isinstance(recv.const, str) and not recv.taints and name in _PURE_STR_METHODS and \
                not kwargs and all(a.is_const and not a.taints for a in args):
            # `"abc".find("c")`: computed as Python would, so a condition on it folds
            try:
                return from_python(getattr(recv.const, name)(*[a.const for a in args]))
            except Exception:
                return UNKNOWN
        if name == "join" and (isinstance(recv.const, (str, bytes)) or recv.ctype == "path"):
            if recv.ctype == "path":
                return replace(derived([recv, *args]), ctype="path")
            seq = args[0] if args else UNKNOWN
            if seq.items is not None and all(i.is_const for i in seq.items) and \
                    all(isinstance(i.const, str) for i in seq.items) and \
                    isinstance(recv.const, str) and not seq.taints:
                return const(recv.const.join(str(i.const) for i in seq.items))
            if seq.items is None and seq.rest is None:
                return derived([seq], safe=value_safe(seq))
            parts = list(seq.items or ()) + ([seq.rest] if seq.rest is not None else [])
            prefix = suffix = ""
            if isinstance(recv.const, str) and seq.items is not None and seq.rest is None:
                # `"|".join(["garden", term])` starts with "garden|"
                texts = [i.const if isinstance(i.const, str) and not i.taints else None
                         for i in seq.items]
                lead = next((n for n, t in enumerate(texts) if t is None), len(texts))
                tail = next((n for n, t in enumerate(reversed(texts)) if t is None), len(texts))
                prefix = "".join(f"{t}{recv.const}" for t in texts[:lead])
                suffix = "".join(f"{recv.const}{t}" for t in texts[len(texts) - tail:])
            return derived([seq], safe=meet(value_safe(p) for p in parts), prefix=prefix,
                           suffix=suffix)
        if recv.ctype == "markup" and name in ("format", "join", "__add__"):
            # Markup escapes what is formatted into it
            return replace(sanitized(derived([*args, *kwargs.values()]),
                                           frozenset({"xss"})), ctype="markup")
        if name == "format" and isinstance(recv.const, str):
            values = [*args, *kwargs.values()]
            if all(v.is_const and not v.taints for v in values):
                try:
                    result = const(recv.const.format(*[a.const for a in args],
                                                     **{k: v.const for k, v in kwargs.items()}))
                except Exception:
                    return UNKNOWN
            else:
                result = derived(values, safe=meet(value_safe(v) for v in values),
                                 prefix=recv.const.split("{", 1)[0])
            self.built_query(node, recv.const, result, frame)
            return result
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
                if old.const == ".." and new.const == "":
                    # one pass leaves no two dots together; removing "../" does ("....//")
                    cleared.add("pathtraver")
                if old.const == "<" or old.const == ">":
                    cleared.add("xss")
                if old.const == "'" and isinstance(new.const, str) and new.const in ("''",
                                                                                      "\\'"):
                    cleared.add("sqli")
            out = derived([recv, new])
            if cleared:
                out = sanitized(out, frozenset(cleared), keep_safe=recv.safe)
            else:
                out = replace(out, safe=value_safe(recv) & value_safe(new))
            return out
        if name in ("split", "rsplit", "splitlines", "partition", "rpartition"):
            if recv.is_const and not recv.taints and all(a.is_const for a in args):
                try:
                    parts = getattr(recv.const, name)(*[a.const for a in args])
                    return container("list", [const(p) for p in parts])
                except Exception:
                    return UNKNOWN
            element = derived([recv], safe=value_safe(recv))
            sep = args[0].const if args else kwargs["sep"].const if "sep" in kwargs else None
            limit = args[1] if len(args) > 1 else kwargs.get("maxsplit")
            if limit is not None and limit.const != -1:
                sep = None  # the last part keeps every separator after the split ones
            if sep == "/":
                element = sanitized(element, frozenset({"pathtraver"}),
                                          keep_safe=element.safe)
            if sep in ("\n", "\r\n") or name == "splitlines":
                element = sanitized(element, frozenset({"headeri", "logi"}),
                                          keep_safe=element.safe)
            if name == "split" and isinstance(sep, str) and sep and sep in recv.prefix and \
                    SERVER_TEXT not in recv.prefix:
                # the parts the known start holds whole are known
                known = [const(p) for p in recv.prefix.split(sep)[:-1]]
                return container("list", known, rest=element)
            return container("list", rest=element)
        if name == "encode" and args and isinstance(args[0].const, str) and \
                args[0].const.replace("-", "_").lower() in ("unicode_escape", "raw_unicode_escape",
                                                            "string_escape"):
            return sanitized(derived([recv]), frozenset({"logi", "headeri"}),
                                   keep_safe=recv.safe)
        if is_str and name in STR_KEEP:
            if recv.is_const and not recv.taints and not args:
                try:
                    return const(getattr(recv.const, name)())
                except Exception:
                    return UNKNOWN
            if recv.taints or recv.safe or recv.ctype in ("path", "normpath", "buffer"):
                out = derived([recv], safe=value_safe(recv),
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
            if name in ("read_string", "read_file", "read_dict") and args and \
                    args[0].all_taints():
                # a configuration the client sent: every option holds its text
                text = Value(taints=args[0].all_taints())
                self.write_back(func.value, replace(recv, rest=join(recv.rest or text, text)),
                                st, frame, node)
                return NONE
            if name in ("read", "read_string", "read_file", "read_dict", "add_section"):
                return NONE
        if recv.ctype == "response" and name in ("write", "writelines") and args:
            # Django's `response.write(...)` appends to the body the handler returns
            body = recv.field("body")
            if body is not None:
                self.write_back(func.value, recv.with_field("body", derived([body, args[0]])),
                                st, frame, node)
            return NONE
        if recv.ctype == "buffer":
            if name in ("write", "writelines") and args:
                new = replace(recv, rest=join(recv.rest or args[0], args[0]), fields=None)
                self.write_back(func.value, new, st, frame, node)
                return NONE
            if name == "seek" and args:
                # where the next write or truncate starts: only the start is followed
                at_start = args[0].const == 0 and args[0].is_const
                self.write_back(func.value, replace(
                    recv, fields=(("__at_start__", const(True)),) if at_start else None),
                    st, frame, node)
                return NONE
            if name == "truncate" and ((args and args[0].is_const and args[0].const == 0) or (
                    not args and recv.field("__at_start__") is not None)):
                self.write_back(func.value, replace(recv, rest=None, fields=None), st, frame,
                                node)
                return const(0)
            if name in ("getvalue", "read", "readline", "readlines"):
                return derived([recv.rest]) if recv.rest is not None else const("")
        if recv.ctype == "regex" and name in ("match", "fullmatch", "search") and args:
            pattern = recv.field("pattern")
            if pattern is not None and isinstance(pattern.const, str):
                return match_value(name, pattern.const, args[0])
        if recv.ctype == "regex" and name in ("match", "fullmatch", "search", "sub", "findall",
                                              "finditer", "split", "subn"):
            return derived(args[:1] if name != "sub" else args[:2])
        if recv.ctype == "re-match" and name in ("group", "groups", "__getitem__"):
            return match_groups(recv, name, args)
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
