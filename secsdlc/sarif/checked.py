"""Typed access to a SARIF document's JSON: each wrong type is a SarifError naming the file and
the JSON path, so the walk and the result reader never meet a value they did not ask for."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from secsdlc.errors import SecsdlcError
from secsdlc.sarif.terms import parse_time


class SarifError(SecsdlcError):
    """The file is not SARIF 2.1.0 we can trust a decision on (exit 2)."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        super().__init__(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number")


class Checked:
    """The checks of one document; `source` names it in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> SarifError:
        return SarifError(self.source, where, problem)

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, got {_kind(value)}")
        return value

    def opt_obj(self, parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = parent.get(key)
        return {} if value is None else self.obj(value, f"{where}.{key}")

    def arr(self, parent: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", f"must be an array, got {_kind(value)}")
        return value

    def opt_str(self, parent: Mapping[str, Any], key: str, where: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"must be a string, got {_kind(value)}")
        return value

    def time(self, parent: Mapping[str, Any], key: str, where: str) -> datetime | None:
        text = self.opt_str(parent, key, where)
        if text is None:
            return None
        try:
            return parse_time(text)
        except ValueError:
            raise self.fail(f"{where}.{key}", f"not an ISO 8601 date-time: {text!r}") from None
