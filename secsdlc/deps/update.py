"""`secsdlc db update`: download OSV's PyPI export and import it, atomically.

The zip is downloaded to a temporary file beside the database and imported from there; any failure
(unreachable host, HTTP error, truncated download, unreadable record) leaves the current database
untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from secsdlc.deps.interface import ServiceUnavailable
from secsdlc.deps.store import ImportReport, build

OSV_PYPI_ZIP = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"


def download(url: str, dest: Path, *, timeout: float) -> None:
    import requests

    try:
        with requests.get(url, stream=True, timeout=timeout) as response:
            response.raise_for_status()
            expected = response.headers.get("Content-Length")
            written = 0
            with open(dest, "wb") as out:
                for chunk in response.iter_content(chunk_size=1 << 20):
                    out.write(chunk)
                    written += len(chunk)
    except (requests.RequestException, OSError) as e:
        raise ServiceUnavailable(f"cannot download {url}: {e}") from e
    if expected is not None and expected.isdigit() and int(expected) != written:
        raise ServiceUnavailable(f"download of {url} truncated: {written} of {expected} bytes")


def update(dest: Path, *, url: str = OSV_PYPI_ZIP, timeout: float = 60.0,
           keep_going: bool = False) -> ImportReport:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".osv-download-", suffix=".zip", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        download(url, tmp, timeout=timeout)
        return build(tmp, dest, source_label=url, keep_going=keep_going)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
