from __future__ import annotations

import pytest

from secsdlc.deps.scoring import score, vector_score
from secsdlc.model import Severity


@pytest.mark.parametrize(
    ("vector", "expected"),
    [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.0/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N", 2.6),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
    ],
)
def test_base_scores_of_published_examples(vector: str, expected: float) -> None:
    assert vector_score(vector) == expected


def test_newest_cvss_version_wins() -> None:
    s = score(("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N",
               "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
    assert (s.severity, s.score, s.source) == (Severity.CRITICAL, 9.3, "cvss")


def test_malformed_vector_falls_back_to_record_then_high() -> None:
    assert score(("CVSS:3.1/garbage",), "MODERATE").severity is Severity.MEDIUM
    assert score(("CVSS:3.1/garbage",), "HIGH").source == "record"
    assert score((), "").source == "default"
    assert score((), "").severity is Severity.HIGH
    with pytest.raises(ValueError, match="malformed CVSS vector"):
        vector_score("CVSS:3.1/AV:N")
