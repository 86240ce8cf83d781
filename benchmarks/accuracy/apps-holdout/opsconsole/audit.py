"""The audit trail of operator actions, written to its own log stream."""
from __future__ import annotations

import logging

logger = logging.getLogger("opsconsole.audit")


def single_line(text: str) -> str:
    """Fold a free-text note onto one line."""
    return " ".join(text.splitlines())


def record(action: str, detail: str) -> None:
    logger.info("operator action=%s detail=%s", action, detail)
