"""OSV range semantics, one rule at a time."""

from __future__ import annotations

import pytest

from secsdlc.deps import matcher
from secsdlc.deps.interface import Affected, PackageName, Range, VulnId


def entry(*events: tuple[str, str], versions: tuple[str, ...] = (), kind: str = "ECOSYSTEM",
          problem: str = "") -> Affected:
    ranges = (Range(type=kind, events=events),) if events else ()
    return Affected(advisory=VulnId("X-1"), package=PackageName("pkg"), ranges=ranges,
                    versions=versions, problem=problem)


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.9", False), ("1.0", True), ("1.0.0", True), ("1.4.9", True), ("1.5", False),
     ("1.5.0.post1", False), ("1.5rc1", True), ("2.0", False), ("2.0.0a1", False)],
)
def test_introduced_fixed_is_half_open(version: str, expected: bool) -> None:
    e = entry(("introduced", "1.0"), ("fixed", "1.5"))
    assert matcher.affects(e, version) is expected


def test_introduced_zero_means_every_earlier_version() -> None:
    e = entry(("introduced", "0"), ("fixed", "2.0"))
    assert matcher.affects(e, "0.0.1.dev0")
    assert matcher.affects(e, "1.99")
    assert not matcher.affects(e, "2.0")


def test_last_affected_is_inclusive() -> None:
    e = entry(("introduced", "1.0"), ("last_affected", "1.4"))
    assert matcher.affects(e, "1.4")
    assert matcher.affects(e, "1.4.0")
    assert not matcher.affects(e, "1.4.1")


def test_several_intervals_in_one_range_and_unsorted_events() -> None:
    e = entry(("fixed", "3.1"), ("introduced", "3.0"), ("fixed", "1.2"), ("introduced", "1.0"))
    assert [matcher.affects(e, v) for v in ("0.9", "1.1", "1.2", "2.5", "3.0.5", "3.1")] == [
        False, True, False, False, True, False]


def test_open_ended_range() -> None:
    e = entry(("introduced", "2.0"))
    assert matcher.affects(e, "99.0")
    assert not matcher.affects(e, "1.9")


def test_explicit_versions_match_by_pep440_equality() -> None:
    e = entry(versions=("1.0", "2.0.post1"))
    assert matcher.affects(e, "1.0.0")
    assert matcher.affects(e, "2.0-1")  # normalizes to 2.0.post1
    assert not matcher.affects(e, "1.0.1")


def test_non_pep440_listed_version_matches_its_exact_text_only() -> None:
    e = entry(versions=("0.7.10p1",))
    assert matcher.affects(e, "0.7.10p1")
    assert not matcher.affects(e, "0.7.10")


def test_git_ranges_are_ignored_in_favour_of_versions() -> None:
    e = Affected(advisory=VulnId("X"), package=PackageName("p"),
                 ranges=(Range(type="GIT", events=(("introduced", "abc123"),)),),
                 versions=("1.0",))
    assert matcher.affects(e, "1.0")
    assert not matcher.affects(e, "1.1")


def test_unknown_range_type_is_unknown_not_clean() -> None:
    e = entry(("introduced", "0"), ("fixed", "2.0"), kind="CALVER")
    with pytest.raises(matcher.Unknown, match="unknown range type 'CALVER'"):
        matcher.affects(e, "3.0")


def test_invalid_event_version_is_unknown_unless_listed() -> None:
    e = entry(("introduced", "0"), ("fixed", "2019-09-12x"), versions=("1.0",))
    assert matcher.affects(e, "1.0")  # the explicit list still answers
    with pytest.raises(matcher.Unknown, match="not a PEP 440 version"):
        matcher.affects(e, "1.1")


def test_unparseable_dependency_version_is_unknown() -> None:
    with pytest.raises(matcher.Unknown):
        matcher.affects(entry(("introduced", "0")), "not-a-version!")


def test_importer_problem_is_carried() -> None:
    e = entry(("introduced", "0"), problem="rec.yaml:12: bad")
    with pytest.raises(matcher.Unknown, match=r"rec\.yaml:12: bad"):
        matcher.affects(e, "1.0")


def test_smallest_fix_covers_every_advisory() -> None:
    a = entry(("introduced", "0"), ("fixed", "1.2"))
    events = (("introduced", "1.0"), ("fixed", "1.1"), ("introduced", "1.2"), ("fixed", "1.3"))
    b = Affected(advisory=VulnId("X-2"), package=PackageName("pkg"),
                 ranges=(Range(type="ECOSYSTEM", events=events),))
    # 1.1 fixes b but not a; 1.2 fixes a but re-introduces b; 1.3 fixes both.
    assert matcher.smallest_fix([a, b], "1.0") == "1.3"
    assert matcher.smallest_fix([entry(("introduced", "0"))], "1.0") is None
