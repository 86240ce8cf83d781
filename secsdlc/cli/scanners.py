"""`secsdlc scanners`: the registered scanners and the versions of their tools."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    sub.add_parser("scanners", help="list registered scanners with their versions")


def run(args: argparse.Namespace) -> int:
    from secsdlc.errors import UsageError
    from secsdlc.scanners import registry
    from secsdlc.scanners.interface import ScannerError

    try:
        scanners = registry.load()
    except registry.RegistryError as e:
        raise UsageError(str(e)) from e
    missing = 0
    for name, scanner in scanners.items():
        try:
            version = scanner.version()
        except ScannerError as e:
            version = f"unavailable: {e}"
            missing += 1
        print(f"{name:<10} {version:<12} {scanner.information_uri}")
    return 2 if missing else 0
