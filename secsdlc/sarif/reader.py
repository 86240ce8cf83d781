"""SARIF 2.1.0 -> the finding model: the one reader of SARIF files, for the gate and the history.

Any tool's SARIF (ours, bandit, semgrep, CodeQL, Trivy...) reads the same way wherever it is read,
with the one severity table, CWE parser and URI-to-path rule of `secsdlc.sarif.terms`. The work
is split by responsibility: `checked` (typed access, every problem a SarifError naming the file
and the JSON path), `walk` (the runs and invocations), `rules` and `results` (each result into a
Finding, with what had to be guessed recorded as a warning notification of the run).

`read_log` gives everything a document says (the scan, and per result the tool's own identity
for it, the commit, the gate's outcome); `read_sarif` only the scan.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from secsdlc import fileio
from secsdlc.model import ScanResult
from secsdlc.sarif.checked import Checked, SarifError
from secsdlc.sarif.results import ReadResult
from secsdlc.sarif.walk import SarifLog, document

__all__ = ["ReadResult", "SarifError", "SarifLog", "parse", "parse_log", "read_log",
           "read_sarif"]


def read_sarif(path: Path) -> ScanResult:
    return read_log(path).scan


def parse(doc: Any, *, source: str) -> ScanResult:
    return document(Checked(source), doc, "").scan


def read_log(path: Path) -> SarifLog:
    try:
        raw = fileio.read_bytes(path)
    except fileio.InputError as e:
        raise SarifError(str(path), "", str(e).removeprefix(f"{path}: ")) from None
    digest, doc = hashlib.sha256(raw).hexdigest(), _load(raw, str(path))
    del raw  # a large file's bytes need not stay beside its document and findings
    return document(Checked(str(path)), doc, digest)


def parse_log(raw: bytes, *, source: str) -> SarifLog:
    return document(Checked(source), _load(raw, source), hashlib.sha256(raw).hexdigest())


def _load(raw: bytes, source: str) -> Any:
    try:
        return fileio.loads_json(fileio.decode_text(raw, source), source)
    except fileio.InputError as e:
        raise SarifError(source, "", str(e).removeprefix(f"{source}: ")) from None
