"""Where the sign-off files live; they are written with secsdlc.fileio.write_atomic."""

from __future__ import annotations

from secsdlc.fileio import write_atomic as atomic_write

SECSDLC_DIR = ".secsdlc"

__all__ = ["SECSDLC_DIR", "atomic_write"]
