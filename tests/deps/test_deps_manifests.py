"""pyproject.toml and lock files: every dependency at its line; broken files named with the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secsdlc.deps import pipfile_lock, poetry_lock, pylock, pyproject, uv_lock
from secsdlc.deps.interface import SourceError

from .conftest import write

PYPROJECT = """\
[project]
name = "demo"
dependencies = [
    "requests>=2",
    'django==3.2.0; python_version >= "3.8"',
]

[project.optional-dependencies]
yaml = ["pyyaml==5.3"]
web = ["flask[async]==0.12", "requests>=2"]

[dependency-groups]
dev = ["pytest==8.0.0", {include-group = "lint"}]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.10"
jinja2 = "2.10"
urllib3 = "^1.26"
pillow = { version = "==6.2.0", markers = "sys_platform == 'linux'" }
local = { path = "../local" }

[tool.poetry.group.test.dependencies]
"lxml" = "4.6.2"
"""


def test_pyproject_every_table(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": PYPROJECT})
    result = pyproject.parse(tmp_path, "pyproject.toml")
    assert result.problems == ()
    got = [(d.name, d.line, d.version) for d in result.dependencies]
    assert got == [
        ("requests", 4, None),
        ("django", 5, "3.2.0"),
        ("pyyaml", 9, "5.3"),
        ("flask", 10, "0.12"),
        ("requests", 10, None),
        ("pytest", 13, "8.0.0"),
        ("ruff", 14, None),
        ("jinja2", 18, "2.10"),  # a bare Poetry version is exact
        ("urllib3", 19, None),
        ("pillow", 20, "6.2.0"),
        ("local", 21, None),
        ("lxml", 24, "4.6.2"),
    ]
    columns = {d.name: d.column for d in result.dependencies}
    assert columns["django"] == 5
    assert [d.direct_reference for d in result.dependencies if d.name == "local"] == ["../local"]


def test_pyproject_bad_requirement_and_bad_toml(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[project]\ndependencies = ["ok==1.0", "bad ==== x"]\n'})
    result = pyproject.parse(tmp_path, "pyproject.toml")
    assert [d.name for d in result.dependencies] == ["ok"]
    assert result.problems[0].line == 2
    assert "invalid requirement 'bad ==== x'" in result.problems[0].message

    write(tmp_path, {"pyproject.toml": '[project]\ndependencies = ["x"\nname = 1\n'})
    with pytest.raises(SourceError, match=r"pyproject\.toml:\d+: invalid TOML"):
        pyproject.parse(tmp_path, "pyproject.toml")


POETRY_LOCK = """\
[[package]]
name = "django"
version = "3.2.0"
description = "x"

[package.dependencies]
name = "not-a-package-line"

[[package]]
name = "mylib"
version = "0.1.0"

[package.source]
type = "directory"
url = "../mylib"

[[package]]
name = "PyYAML"
version = "5.3"
"""


def test_poetry_lock(tmp_path: Path) -> None:
    write(tmp_path, {"poetry.lock": POETRY_LOCK})
    result = poetry_lock.parse(tmp_path, "poetry.lock")
    assert result.problems == ()
    assert [(d.name, d.line, d.version, d.snippet) for d in result.dependencies] == [
        ("django", 2, "3.2.0", 'name = "django"'),
        ("pyyaml", 18, "5.3", 'name = "PyYAML"'),
    ]


UV_LOCK = """\
version = 1
requires-python = ">=3.10"

[[package]]
name = "demo"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "jinja2" },
]

[[package]]
name = "jinja2"
version = "2.10"
source = { registry = "https://pypi.org/simple" }
wheels = [
    { url = "https://x/jinja2-2.10.whl", hash = "sha256:00" },
]

[[package]]
name = "gitdep"
source = { git = "https://example.invalid/gitdep.git?rev=abc" }
"""


def test_uv_lock(tmp_path: Path) -> None:
    write(tmp_path, {"uv.lock": UV_LOCK})
    result = uv_lock.parse(tmp_path, "uv.lock")
    assert result.problems == ()
    got = [(d.name, d.line, d.version, d.direct_reference) for d in result.dependencies]
    assert got == [("jinja2", 13, "2.10", ""),
                   ("gitdep", 21, None, "https://example.invalid/gitdep.git?rev=abc")]


PYLOCK = """\
lock-version = "1.0"
created-by = "test"

[[packages]]
name = "jinja2"
version = "2.10"

[[packages.wheels]]
url = "https://x/jinja2.whl"

[[packages]]
name = "demo"
directory = { path = "." }

[[packages]]
name = "bad"
version = "not a version"
"""


def test_pylock(tmp_path: Path) -> None:
    write(tmp_path, {"pylock.toml": PYLOCK})
    result = pylock.parse(tmp_path, "pylock.toml")
    assert [(d.name, d.line, d.version) for d in result.dependencies] == [("jinja2", 5, "2.10")]
    assert [(p.line, "not a PEP 440 version" in p.message) for p in result.problems] == [
        (16, True)]


def test_pipfile_lock(tmp_path: Path) -> None:
    data = {
        "_meta": {"hash": {"sha256": "x"}},
        "default": {"django": {"version": "==3.2.0", "hashes": ["sha256:0"]},
                    "demo": {"editable": True, "path": "."}},
        "develop": {"pyyaml": {"version": "==5.3", "markers": "python_version >= '3.6'"},
                    "gitpkg": {"git": "https://example.invalid/g.git", "ref": "abc"}},
    }
    write(tmp_path, {"Pipfile.lock": json.dumps(data, indent=4)})
    result = pipfile_lock.parse(tmp_path, "Pipfile.lock")
    assert result.problems == ()
    got = [(d.name, d.line, d.version, d.direct_reference) for d in result.dependencies]
    assert got == [("django", 8, "3.2.0", ""), ("pyyaml", 20, "5.3", ""),
                   ("gitpkg", 24, None, "https://example.invalid/g.git")]


@pytest.mark.parametrize(
    ("name", "parser", "text", "pattern"),
    [
        ("poetry.lock", poetry_lock.parse, "[[package]\nname='x'\n", r"poetry\.lock:1: invalid"),
        ("uv.lock", uv_lock.parse, "version = 1\n[[package]]\nname = \n", r"uv\.lock:3: invalid"),
        ("pylock.toml", pylock.parse, "x = [\n", r"pylock\.toml:\d+: invalid TOML"),
        ("Pipfile.lock", pipfile_lock.parse, '{"default": {\n "a": }\n',
         r"Pipfile\.lock:2: invalid JSON"),
    ],
)
def test_broken_lock_files_name_file_and_line(
    tmp_path: Path, name: str, parser, text: str, pattern: str
) -> None:
    write(tmp_path, {name: text})
    with pytest.raises(SourceError, match=pattern):
        parser(tmp_path, name)
