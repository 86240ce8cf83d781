"""Audit trail of ticket events, written to the helpdesk.audit logger."""
from __future__ import annotations

import logging

log = logging.getLogger("helpdesk.audit")


def one_line(text: str, limit: int = 200) -> str:
    """Collapse a free-text value so it cannot span several log records."""
    return " ".join(text.splitlines())[:limit]


def note(event: str, ticket_id: int, detail: str) -> None:
    log.info("%s ticket=%d %s", event, ticket_id, detail)
