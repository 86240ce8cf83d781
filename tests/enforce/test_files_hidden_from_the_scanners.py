"""Code and credentials a commit hid from every scanner without touching the configuration: in a
directory the built-in exclusions skip (a package named `venv`), behind a symbolic link to an
excluded file, or in text the scanners do not read (latin-1, UTF-16). Enforce mode scans what it
can and fails on what it cannot; advisory mode warns where it did not look."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.enforce.conftest import VULN, commit_all, git, scan
from tests.enforce.test_nothing_unscanned_passes import _unscanned

# An AWS key pair of the documented format, not a real credential
AWS = ("aws_access_key_id = AKIAZ7Q4VOBXMPL3KQ2W\n"
       "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9vT4kL2m\n")


def _repo(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    git(root, "config", "commit.gpgsign", "false")
    commit_all(root, "app")
    return root


@pytest.mark.parametrize("package", ["venv", "node_modules", "__pycache__"])
def test_application_code_in_a_builtin_excluded_directory(project: Any, mode: str,
                                                          package: str) -> None:
    # `from myapp.venv import views` imports it like any other module
    root = _repo(project({"myapp/__init__.py": f"from myapp.{package} import views\n",
                          f"myapp/{package}/views.py": VULN}))
    out = scan(mode, root)
    if mode == "enforce":
        assert out.rc == 1, (out.doc["verdict"], out.notes)
        assert any(f["path"] == f"myapp/{package}/views.py" for f in out.doc["findings"])
    else:  # the built-in exclusions apply as documented on a developer's machine
        assert out.rc == 0, out.doc["findings"]


def test_changed_file_in_a_builtin_excluded_directory_diff_aware(project: Any,
                                                                 mode: str) -> None:
    root = _repo(project({"myapp/__init__.py": "", "myapp/venv/__init__.py": ""}))
    git(root, "checkout", "-q", "-b", "feature")
    (root / "myapp/venv/views.py").write_text(VULN)
    commit_all(root, "feature")
    out = scan(mode, root, str(root), "--diff-base", "main")
    if mode == "enforce":
        assert out.rc == 1, (out.doc["verdict"], out.notes)
        assert any(f["path"] == "myapp/venv/views.py" and f["baselineState"] == "new"
                   for f in out.doc["findings"])
    else:
        assert out.rc == 0, out.doc["findings"]


def test_untracked_virtual_environment_stays_excluded(project: Any, mode: str) -> None:
    root = _repo(project({"app.py": "x = 1\n", ".gitignore": ".venv/\n"}))
    (root / ".venv/lib").mkdir(parents=True)
    (root / ".venv/lib/vendored.py").write_text(VULN)
    out = scan(mode, root)
    assert out.rc == 0, out.doc["findings"]
    assert out.doc["findings"] == []


def test_symlink_to_an_excluded_file(project: Any, mode: str) -> None:
    root = _repo(project({".gitignore": ".venv/\n", ".venv/pkg/views.py": VULN}))
    os.symlink(".venv/pkg/views.py", root / "views.py")
    _unscanned(mode, scan(mode, root), "views.py")


def test_symlink_to_an_excluded_directory(project: Any, mode: str) -> None:
    root = _repo(project({".gitignore": ".venv/\n", ".venv/pkg/views.py": VULN,
                          "app.py": "import pkg.views\n"}))
    os.symlink(".venv/pkg", root / "pkg")
    _unscanned(mode, scan(mode, root), ".venv/pkg/views.py")


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le"])
def test_credential_in_text_that_is_not_utf8(project: Any, mode: str, encoding: str) -> None:
    root = project({"app.py": "x = 1\n",
                    "settings.ini": ("[default]\nname = caf\xe9\n" + AWS).encode(encoding)})
    _unscanned(mode, scan(mode, root), "settings.ini")


def test_credential_in_utf8_text_is_found(project: Any, mode: str) -> None:
    """The control for the test above: the same file in UTF-8 blocks in both modes."""
    root = project({"app.py": "x = 1\n", "settings.ini": "[default]\nname = caf\xe9\n" + AWS})
    out = scan(mode, root)
    assert out.rc == 1, out.notes
    assert any(f["path"] == "settings.ini" for f in out.doc["findings"])


def test_binary_file_is_only_noted(project: Any, mode: str) -> None:
    root = project({"app.py": "x = 1\n", "logo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256))})
    out = scan(mode, root)
    assert out.rc == 0, out.notes
    assert not out.errors_about("logo.png")


SCRIPT = "#!/usr/bin/env python3\n" + VULN + "\nfetch('https://example.invalid')\n"


def test_python_script_without_the_py_extension(project: Any, mode: str) -> None:
    root = project({"app.py": "x = 1\n", "bin/fetch": SCRIPT})
    (root / "bin/fetch").chmod(0o755)
    out = scan(mode, root)
    assert out.rc == 1, (out.doc["verdict"], out.notes)
    found = {s for f in out.doc["findings"] if f["path"] == "bin/fetch" for s in f["scanners"]}
    assert {"bandit", "semgrep"} <= found, out.doc["findings"]


def test_python_script_with_another_extension(project: Any, mode: str) -> None:
    """semgrep reads a file's first line only when its name has no extension and it is
    executable: what semgrep skips is not scanned."""
    root = project({"app.py": "x = 1\n", "cgi-bin/fetch.cgi": SCRIPT})
    out = scan(mode, root)
    assert any(f["path"] == "cgi-bin/fetch.cgi" and "bandit" in f["scanners"]
               for f in out.doc["findings"]), out.doc["findings"]
    if mode == "enforce":
        assert out.rc == 2 and out.errors_about("cgi-bin/fetch.cgi"), out.notes
    else:
        assert out.rc == 1 and out.warnings_about("cgi-bin/fetch.cgi"), out.notes


def test_python_script_that_cannot_be_read(project: Any, mode: str) -> None:
    root = project({"app.py": "x = 1\n",
                    "bin/fetch": b"#!/usr/bin/python\nname = 'caf\xe9'\n" + VULN.encode()})
    _unscanned(mode, scan(mode, root), "bin/fetch")


def _with_submodule(tmp_path: Path, *, at_base: bool) -> Path:
    """A clone, as CI checks out (submodules not initialised), of a repository whose `lib` is a
    submodule holding the vulnerable code `app.py` imports."""
    lib = _repo(_files(tmp_path / "lib", {"fetch.py": VULN}))
    origin = _repo(_files(tmp_path / "origin", {"app.py": "x = 1\n"}))
    if not at_base:
        git(origin, "checkout", "-q", "-b", "feature")
    git(origin, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(lib), "lib")
    (origin / "app.py").write_text("from lib.fetch import fetch\n")
    commit_all(origin, "submodule")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "-b", "main" if at_base else "feature", str(origin),
        str(clone))
    if not at_base:
        git(clone, "branch", "-q", "main", "origin/main")
    return clone


def _files(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True)
    for rel, text in files.items():
        (root / rel).write_text(text)
    return root


def test_submodule_not_checked_out(tmp_path: Path, mode: str) -> None:
    clone = _with_submodule(tmp_path, at_base=True)
    assert not any((clone / "lib").iterdir())
    out = scan(mode, clone)
    if mode == "enforce":
        assert out.rc == 2 and out.errors_about("lib"), out.notes
    else:  # advisory mode does not ask git what it tracks
        assert out.rc == 0, out.notes


def test_submodule_added_in_a_diff_aware_scan(tmp_path: Path, mode: str) -> None:
    clone = _with_submodule(tmp_path, at_base=False)
    _unscanned(mode, scan(mode, clone, str(clone), "--diff-base", "main"), "lib")


def test_trojan_source_stretched_string_in_a_locale_directory(project: Any, mode: str) -> None:
    """The Trojan Source paper's stretched string: every control inside the string literal, the
    comparison shown as a comment; under an i18n directory it was lowered as locale data."""
    code = ('def is_admin(access_level):\n'
            '    if access_level != "user\u202e \u2066# Check if admin\u2069 \u2066":\n'
            '        return True\n    return False\n')
    root = project({"app/i18n/access.py": code,
                    "app/locale/fa/formats.py": 'DATE_FORMAT = "j F Y\u200f"\n'})
    out = scan(mode, root, scanners="bandit")
    assert out.rc == 1, out.doc["findings"]
    severities = {f["path"]: f["severity"] for f in out.doc["findings"] if f["rule"] == "B613"}
    assert severities == {"app/i18n/access.py": "high", "app/locale/fa/formats.py": "low"}


def test_credential_in_a_file_made_binary(project: Any, mode: str) -> None:
    """A NUL byte before the keys made `.env` a binary, which no scanner read."""
    root = project({"app.py": "x = 1\n", ".env": b"\0\n" + AWS.encode()})
    out = scan(mode, root)
    assert out.rc == 1, out.notes
    assert any(f["path"] == ".env" and f["startLine"] == 2 and "AKIA" not in f["snippet"]
               for f in out.doc["findings"]), out.doc["findings"]
