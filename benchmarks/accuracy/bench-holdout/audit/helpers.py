"""Audit trail writers."""
import json
import logging

audit_log = logging.getLogger("audit")


def record_event(event: str, **fields) -> None:
    audit_log.info("%s %s", event, json.dumps(fields, sort_keys=True, default=str))


def record_note(event: str, note: str) -> None:
    audit_log.info(event + " " + note)
