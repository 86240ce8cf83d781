"""Random and mutated input to every reader: a result or the reader's own error (which the CLI
turns into exit 2 naming the file), never another exception."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secsdlc import config as config_mod
from secsdlc.deps import pipfile_lock, poetry_lock, pylock, pyproject, requirements, uv_lock
from secsdlc.deps.interface import DepsError, SourceResult
from secsdlc.errors import SecsdlcError
from secsdlc.gate import policy
from secsdlc.history.sarif_import import ImportedScan, parse_bytes
from secsdlc.model import ScanResult
from secsdlc.sarif.reader import SarifError, read_sarif
from secsdlc.signoff import waivers

from ..history.helpers import our_result, our_sarif

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**40),
                                                              max_value=10**40),
                       st.floats(allow_nan=True), st.text(max_size=20))
json_values = st.recursive(
    _json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                        st.dictionaries(st.text(max_size=12), inner,
                                                        max_size=4)),
    max_leaves=20)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy: Any = dict(doc) if isinstance(doc, dict) else list(doc)
    copy[path[0]] = _replace(copy[path[0]], path[1:], value)
    return copy


@st.composite
def mutated(draw: st.DrawFn, seed: Any) -> Any:
    """A valid document with one to three values replaced by anything JSON can hold."""
    doc = seed
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(doc)
        doc = _replace(doc, draw(st.sampled_from(paths)), draw(json_values))
    return doc


def _bytes_of(doc: Any) -> bytes:
    return json.dumps(doc, allow_nan=True).encode()


@st.composite
def damaged_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    """Cut, spliced or bit-flipped bytes of a valid file."""
    data = bytearray(seed)
    how = draw(st.sampled_from(["cut", "flip", "insert"]))
    at = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
    if how == "cut":
        return bytes(data[:at])
    if how == "flip" and data:
        data[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        return bytes(data)
    return bytes(data[:at]) + draw(st.binary(max_size=8)) + bytes(data[at:])


SARIF = our_sarif([our_result("a"), our_result("b", line=3)])


def _outcome(call: Callable[[], object], error: type[Exception], result: type) -> None:
    """The reader returned its result type, or raised its own error with a message."""
    try:
        value = call()
    except error as e:
        assert str(e).strip()
        return
    assert isinstance(value, result), type(value)


def _in_file(name: str, data: bytes, check: Callable[[Path], object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        check(path)


def _sarif_readers(data: bytes) -> None:
    _in_file("x.sarif", data, lambda path: _outcome(lambda: read_sarif(path), SarifError,
                                                     ScanResult))
    _outcome(lambda: parse_bytes(data, source="x.sarif"), SarifError, ImportedScan)


@SETTINGS
@given(mutated(SARIF))
def test_mutated_sarif(doc: Any) -> None:
    _sarif_readers(_bytes_of(doc))


@SETTINGS
@given(damaged_bytes(_bytes_of(SARIF)))
def test_damaged_sarif_bytes(data: bytes) -> None:
    _sarif_readers(data)


TOML = (b'[tool.secsdlc]\ninclude = ["src/**"]\nfail-on = "medium"\ntimeout = 30\n'
        b'[tool.secsdlc.scanners.bandit]\ntimeout = 10\n'
        b'[tool.secsdlc.policy]\nproject = "shop"\n'
        b'[tool.secsdlc.history]\ndb = "sqlite:///x.db"\n')


def _config_readers(path: Path) -> None:
    def both() -> policy.Policy:
        cfg = config_mod.load(path, known_scanner_options={"bandit": {"timeout": (int, float)}})
        return policy.load(cfg)
    _outcome(both, SecsdlcError, policy.Policy)


@SETTINGS
@given(damaged_bytes(TOML))
def test_damaged_toml(data: bytes) -> None:
    _in_file("pyproject.toml", data, _config_readers)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["include", "fail-on", "timeout", "scanners", "policy",
                                        "history", "suppressions", "max-file-size"]),
                       json_values, max_size=4))
def test_random_toml_values(table: dict[str, Any]) -> None:
    import tomli_w

    try:
        text = tomli_w.dumps({"tool": {"secsdlc": table}})
    except (TypeError, ValueError):  # not representable in TOML (None, NaN keys...)
        return
    _in_file("pyproject.toml", text.encode(), _config_readers)


LOCKS: dict[str, tuple[Callable[[Path, str], object], bytes]] = {
    "Pipfile.lock": (pipfile_lock.parse, json.dumps(
        {"default": {"requests": {"version": "==2.31.0"}}, "develop": {}}).encode()),
    "poetry.lock": (poetry_lock.parse,
                    b'[[package]]\nname = "requests"\nversion = "2.31.0"\n'),
    "uv.lock": (uv_lock.parse, b'version = 1\n[[package]]\nname = "requests"\n'
                               b'version = "2.31.0"\n'),
    "pylock.toml": (pylock.parse, b'lock-version = "1.0"\n[[packages]]\nname = "requests"\n'
                                  b'version = "2.31.0"\n'),
    "pyproject.toml": (pyproject.parse, b'[project]\nname = "x"\ndependencies = '
                                        b'["requests==2.31.0"]\n'),
    "requirements.txt": (requirements.parse, b"requests==2.31.0\nflask>=2\n-r other.txt\n"),
}


@SETTINGS
@given(st.sampled_from(sorted(LOCKS)), st.data())
def test_damaged_lock_files(name: str, data: st.DataObject) -> None:
    parse, seed = LOCKS[name]
    content = data.draw(damaged_bytes(seed))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(content)
        _outcome(lambda: parse(Path(tmp), name), DepsError, SourceResult)


WAIVER = {"version": 1, "id": "w-0123456789abcdef", "project": "shop", "fingerprints": ["f1"],
          "rule": "B602", "path": "app.py", "severity": "high", "reason": "r",
          "requester": "dev@example.com", "created": "2026-01-01T00:00:00Z",
          "expires": "2026-02-01T00:00:00Z",
          "approval": {"principal": "sec@example.com", "signature": "x"}}


def _waiver_reader(data: bytes) -> None:
    _in_file("w-0123456789abcdef.json", data,
             lambda path: _outcome(lambda: waivers.load(path), waivers.WaiverError,
                                   waivers.Waiver))


@SETTINGS
@given(mutated(WAIVER))
def test_mutated_waiver(doc: Any) -> None:
    _waiver_reader(_bytes_of(doc))


@SETTINGS
@given(damaged_bytes(_bytes_of(WAIVER)))
def test_damaged_waiver_bytes(data: bytes) -> None:
    _waiver_reader(data)
