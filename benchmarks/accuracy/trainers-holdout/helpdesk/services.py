"""Service layer between the views and the outside world."""

from __future__ import annotations

import logging
import random
import subprocess
from typing import Any

import ldap
import requests
from flask import current_app

from .dao import TicketRepository

log = logging.getLogger(__name__)


class TicketService:
    def __init__(self, repository: TicketRepository | None = None) -> None:
        self.repository = repository or TicketRepository()

    def search(self, words: str) -> list[dict[str, Any]]:
        return self.repository.select(f"subject ILIKE '%{words}%' AND status <> 'deleted'")

    def by_status(self, status: str) -> list[dict[str, Any]]:
        return self.repository.select("status = :status", {"status": status})

    def export(self, column: str) -> list[dict[str, Any]]:
        return self.repository.export(column)


def run(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
    return done.stdout


def notify(url: str, message: str) -> int:
    response = requests.post(url, json={"text": message}, timeout=5)
    return response.status_code


def fetch(url: str) -> bytes:
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.content


def directory(base: str, search_filter: str, attrs: list[str]) -> list[tuple[str, dict[str, list[bytes]]]]:
    conn = ldap.initialize(current_app.config["LDAP_URI"])
    try:
        conn.simple_bind_s()
        return conn.search_s(base, ldap.SCOPE_SUBTREE, search_filter, attrs)
    finally:
        conn.unbind_s()


def new_reset_code() -> str:
    return "%06d" % random.randint(0, 999_999)
