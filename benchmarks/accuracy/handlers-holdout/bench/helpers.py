"""Shared plumbing for the handlers: request access, storage, processes, outbound HTTP, rendering."""
from __future__ import annotations

import functools
import logging
import os
import sqlite3
import subprocess
from typing import Any, Callable

import ldap
import requests
from flask import make_response, request
from lxml import etree

log = logging.getLogger("bench")

DB_PATH = os.environ.get("BENCH_DB", "/var/lib/bench/bench.db")
FILES_DIR = "/srv/bench/files"
LDAP_URL = "ldap://directory.internal:389"
PEOPLE_DN = "ou=people,dc=example,dc=org"

STAFF_XML = b"""<staff>
  <user name="alice" role="admin"><phone>1001</phone></user>
  <user name="bob" role="clerk"><phone>1002</phone></user>
</staff>"""


def arg(name: str, default: str = "") -> str:
    """Return one query-string parameter, or the default when it is absent."""
    return request.args.get(name, default)


class RequestReader:
    """A thin facade over the current request for handlers that read several fields."""

    def __init__(self, req: Any = None) -> None:
        self._req = req if req is not None else request

    def value(self, name: str) -> str:
        return self._req.values.get(name, "")

    def header(self, name: str) -> str:
        return self._req.headers.get(name, "")

    def cookie(self, name: str) -> str:
        return self._req.cookies.get(name, "")

    def payload(self) -> dict[str, Any]:
        return self._req.get_json(silent=True) or {}


def with_arg(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Pass the query parameter ``name`` to the view as a keyword argument."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs[name] = request.args.get(name, "")
            return view(*args, **kwargs)

        return wrapper

    return decorate


def connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


def query(sql: str) -> list[tuple[Any, ...]]:
    """Run one statement and return every row."""
    conn = connect()
    try:
        cur = conn.cursor()
        cur.execute(sql)
        return cur.fetchall()
    finally:
        conn.close()


def query_with(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Run one statement with bound parameters and return every row."""
    conn = connect()
    try:
        cur = conn.cursor()
        cur.execute(sql, params)
        return cur.fetchall()
    finally:
        conn.close()


class OrderStore:
    """Read access to the orders table."""

    def by_customer(self, customer: str) -> list[tuple[Any, ...]]:
        sql = "SELECT id, total, placed_at FROM orders WHERE customer = '%s' ORDER BY placed_at" % customer
        return query(sql)

    def by_status(self, status: str) -> list[tuple[Any, ...]]:
        return query_with("SELECT id, total FROM orders WHERE status = ?", (status,))

    def page(self, order_column: str, limit: int) -> list[tuple[Any, ...]]:
        return query(f"SELECT id, total FROM orders ORDER BY {order_column} LIMIT {limit}")


def run(command: str) -> str:
    """Run a command line through the shell and return what it printed."""
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return done.stdout


def run_argv(argv: list[str]) -> str:
    """Run a program with an argument vector and return what it printed."""
    done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    return done.stdout


def fetch(url: str) -> str:
    """GET a URL and return the body text."""
    resp = requests.get(url, timeout=5)
    return resp.text


def page(title: str, body: str) -> Any:
    """Wrap an HTML fragment in the site's page frame."""
    html = "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>"
    resp = make_response(html)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


def read_text(path: str) -> str:
    """Return a text file's content."""
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def people(search_filter: str) -> list[Any]:
    """Search the people subtree of the directory."""
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s()
    return conn.search_s(PEOPLE_DN, ldap.SCOPE_SUBTREE, search_filter, ["cn", "mail"])


def staff_lookup(expression: str) -> list[Any]:
    """Evaluate an XPath expression over the staff directory document."""
    doc = etree.fromstring(STAFF_XML)
    return doc.xpath(expression)


def one_line(text: str) -> str:
    """Fold a value onto a single line for the audit log."""
    return text.replace("\r", " ").replace("\n", " ")


def label(text: str) -> str:
    """Trim a display label to something that fits in a column."""
    return text.strip()[:64]
