"""Calls out of the gateway: diagnostics, chat webhooks, the LDAP directory."""
from __future__ import annotations

import logging
import subprocess
from typing import Any, Sequence

import httpx
import ldap

from . import config

logger = logging.getLogger(__name__)


def run_diagnostic(command: str | Sequence[str]) -> str:
    """Run a network diagnostic tool and return what it printed."""
    result = subprocess.run(command, shell=isinstance(command, str), capture_output=True, text=True, timeout=30)
    return result.stdout + result.stderr


def post_webhook(url: str, payload: dict[str, Any]) -> tuple[int, str]:
    response = httpx.post(url, json=payload, timeout=config.WEBHOOK_TIMEOUT)
    logger.info("webhook answered %d", response.status_code)
    return response.status_code, response.text[:200]


def directory_search(filterstr: str) -> list[dict[str, str]]:
    """Directory entries matching an LDAP filter."""
    conn = ldap.initialize(config.LDAP_URL)
    conn.simple_bind_s(config.LDAP_BIND_DN, config.LDAP_BIND_PASSWORD)
    try:
        results = conn.search_s(config.LDAP_BASE, ldap.SCOPE_SUBTREE, filterstr, ["uid", "cn", "mail", "telephoneNumber"])
    finally:
        conn.unbind_s()
    return [{key: values[0].decode("utf-8") for key, values in attrs.items()} for _dn, attrs in results]
