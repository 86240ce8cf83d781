"""requirements files: positions, includes, options, and bad lines reported with file and line."""

from __future__ import annotations

from pathlib import Path

from secsdlc.deps import requirements

from .conftest import write


def parse(tmp_path: Path, files: dict[str, str], top: str = "requirements.txt"):
    write(tmp_path, files)
    return requirements.parse(tmp_path, top)


def test_pins_markers_extras_hashes_comments_and_continuations(tmp_path: Path) -> None:
    result = parse(tmp_path, {"requirements.txt": (
        "# header comment\n"
        "\n"
        "Django==3.2.0 \\\n"
        "    --hash=sha256:aaaa \\\n"
        "    --hash=sha256:bbbb\n"
        "  requests[socks,security] == 2.19.0 ; python_version >= '3.6'  # why\n"
        "PyYAML===5.3\n"
        "flask>=1.0\n"
        "urllib3==1.26.*\n"
        "--index-url https://example.invalid/simple\n"
    )})
    assert result.problems == ()
    got = {d.name: (d.line, d.column, d.version, d.marker, d.snippet) for d in result.dependencies}
    assert got["django"] == (3, 1, "3.2.0", "", "Django==3.2.0")
    assert got["requests"][:3] == (6, 3, "2.19.0")
    assert got["requests"][3] == 'python_version >= "3.6"'
    assert got["pyyaml"][2] == "5.3"
    assert got["flask"][2] is None  # a range is not a pin
    assert got["urllib3"][2] is None  # nor is a wildcard


def test_includes_and_constraints_are_followed_relative_to_the_including_file(
    tmp_path: Path,
) -> None:
    result = parse(tmp_path, {
        "requirements.txt": "-r reqs/base.txt\n--constraint reqs/constraints.txt\njinja2\n",
        "reqs/base.txt": "-r ../requirements.txt\npyyaml==5.3\n",  # a cycle, followed once
        "reqs/constraints.txt": "jinja2==2.10\nnot-required==1.0\n",
    })
    assert result.problems == ()
    assert set(result.included) == {"reqs/base.txt", "reqs/constraints.txt"}
    by_name = {(d.name, d.path): d for d in result.dependencies}
    assert by_name[("pyyaml", "reqs/base.txt")].line == 2
    # The constraint pins jinja2, so the bare line is not "unpinned", and the pin is audited
    # at the constraint's own line; constraints for packages nobody requires are not installed.
    assert by_name[("jinja2", "requirements.txt")].constrained
    assert by_name[("jinja2", "reqs/constraints.txt")].version == "2.10"
    assert ("not-required", "reqs/constraints.txt") not in by_name


def test_bad_lines_are_problems_with_file_and_line_and_the_rest_is_parsed(
    tmp_path: Path,
) -> None:
    result = parse(tmp_path, {"requirements.txt": (
        "pyyaml==5.3\n"
        "this is ==== not valid\n"
        "--frobnicate yes\n"
        "-r missing.txt\n"
        "-r https://example.invalid/r.txt\n"
        "-r ../../outside.txt\n"
        "jinja2==2.10\n"
    )})
    messages = [(p.path, p.line, p.message) for p in result.problems]
    assert [(path, line) for path, line, _ in messages] == [
        ("requirements.txt", 2), ("requirements.txt", 3), ("requirements.txt", 4),
        ("requirements.txt", 5), ("requirements.txt", 6)]
    assert "invalid requirement 'this is ==== not valid'" in messages[0][2]
    assert "unknown option '--frobnicate'" in messages[1][2]
    assert "missing.txt does not exist" in messages[2][2]
    assert "remote include" in messages[3][2]
    assert "outside the scanned tree" in messages[4][2]
    assert [d.name for d in result.dependencies] == ["pyyaml", "jinja2"]


def test_direct_references_have_no_version(tmp_path: Path) -> None:
    result = parse(tmp_path, {"requirements.txt": (
        "-e .\n"
        "./vendor/pkg\n"
        "git+https://example.invalid/x.git#egg=xpkg\n"
        "ypkg @ https://example.invalid/ypkg-1.0.tar.gz\n"
        "-e ./libs/mine[extra]\n"
    ), "pyproject.toml": "[project]\nname = 'me'\n", "libs/mine/setup.cfg": ""})
    assert result.problems == ()
    refs = {d.name: d.direct_reference for d in result.dependencies}
    assert refs["xpkg"].startswith("git+https://")
    assert refs["ypkg"] == "https://example.invalid/ypkg-1.0.tar.gz"
    # `./vendor/pkg` is not a project in the tree, so nothing else will audit it.
    assert refs["./vendor/pkg"] == "./vendor/pkg"
    assert all(not d.pinned for d in result.dependencies)
    # `-e .` and `-e ./libs/mine` are projects of the tree, audited from their own manifests.
    assert len(result.dependencies) == 3


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_bytes(b"\xff\xfe\x00bad")
    result = requirements.parse(tmp_path, "requirements.txt")
    assert result.dependencies == ()
    assert result.problems[0].path == "requirements.txt"
    assert "cannot read" in result.problems[0].message
