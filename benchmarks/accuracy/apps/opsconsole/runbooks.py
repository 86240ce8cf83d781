"""Run-book steps: small Python snippets executed with a report dict in scope."""
from __future__ import annotations

import io
import os
import shutil
import time
from typing import Any


def execute(script: io.StringIO) -> dict[str, Any]:
    report: dict[str, Any] = {}
    exec(script.getvalue(), {"os": os, "shutil": shutil, "time": time}, {"report": report})
    return report


def run_step(code: str) -> Any:
    return eval(compile(code, "<step>", "eval"), {"os": os, "time": time})
