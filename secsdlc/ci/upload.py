"""The SARIF file uploaded to GitHub code scanning, derived from the full one.

GitHub code scanning ignores `suppressions`: a waived or in-source-suppressed result would show as
an open alert. So the upload leaves out every result with an accepted suppression, and those a
diff-aware scan marked "absent" (they exist only at the base). The full SARIF, with all of them,
is kept as a workflow artifact.

Each run gets `automationDetails.id` = `<category>/<scanner>/`: upload-sarif uses the id already in
a run (its `category` input only fills runs without one), and code scanning rejects two runs of
one category in a file. A per-action-use category keeps two uses in one workflow apart.

Limits (GitHub docs, "SARIF support for code scanning"): 20 runs per file, 25,000 results per run
(uploads above are rejected; only the top 5,000 by severity are shown). Above the result limit the
most severe are kept and the rest counted, never sent over the limit to be rejected whole.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from secsdlc.errors import SecsdlcError
from secsdlc.model import Severity

MAX_RUNS = 20
MAX_RESULTS_PER_RUN = 25_000
_CATEGORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_LEVEL_RANK = {"error": 3, "warning": 2, "note": 1, "none": 0}


class UploadError(SecsdlcError):
    pass


@dataclass(frozen=True, kw_only=True)
class Filtered:
    doc: dict[str, Any]
    suppressed: int  # left out: accepted suppression (waiver or in-source)
    absent: int  # left out: only at the diff base
    over_limit: int  # left out: above GitHub's per-run result limit
    kept: int


def check_category(category: str) -> str:
    category = category.strip().strip("/")
    if not category or not _CATEGORY.match(category):
        raise UploadError(f"category {category!r}: use letters, digits and . _ - / "
                          f"(e.g. secsdlc or secsdlc/backend)")
    return category


def for_upload(doc: dict[str, Any], *, category: str, source: str = "SARIF") -> Filtered:
    category = check_category(category)
    runs = doc.get("runs")
    if not isinstance(runs, list):
        raise UploadError(f"{source}: $.runs: missing or not an array")
    if len(runs) > MAX_RUNS:
        raise UploadError(f"{source}: {len(runs)} runs, GitHub accepts at most {MAX_RUNS} "
                          f"per file")
    out = copy.deepcopy(doc)
    suppressed = absent = over = kept = 0
    ids: set[str] = set()
    for i, run in enumerate(out["runs"]):
        if not isinstance(run, dict):
            raise UploadError(f"{source}: $.runs[{i}]: not an object")
        tool = ((run.get("tool") or {}).get("driver") or {}).get("name")
        if not isinstance(tool, str) or not tool:
            raise UploadError(f"{source}: $.runs[{i}].tool.driver.name: missing")
        run_id = f"{category}/{tool}/"
        if run_id in ids:
            raise UploadError(f"{source}: two runs of {tool}: merge them first "
                              f"(secsdlc sarif merge), code scanning rejects a repeated category")
        ids.add(run_id)
        run["automationDetails"] = {"id": run_id}
        results: list[Any] = []
        for j, result in enumerate(run.get("results") or []):
            if not isinstance(result, dict):
                raise UploadError(f"{source}: $.runs[{i}].results[{j}]: not an object")
            if any(isinstance(s, dict) and s.get("status", "accepted") == "accepted"
                   for s in result.get("suppressions") or []):
                suppressed += 1
            elif result.get("baselineState") == "absent":
                absent += 1
            else:
                results.append(result)
        if len(results) > MAX_RESULTS_PER_RUN:
            results.sort(key=_severity_key, reverse=True)
            over += len(results) - MAX_RESULTS_PER_RUN
            results = results[:MAX_RESULTS_PER_RUN]
        kept += len(results)
        run["results"] = results
    return Filtered(doc=out, suppressed=suppressed, absent=absent, over_limit=over, kept=kept)


def _severity_key(result: dict[str, Any]) -> tuple[int, int]:
    props = result.get("properties") or {}
    try:
        rank = Severity.parse(str(props.get("severity", ""))).rank
    except ValueError:
        rank = -1
    return rank, _LEVEL_RANK.get(str(result.get("level", "warning")), 2)
