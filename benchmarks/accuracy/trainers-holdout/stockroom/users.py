"""Operators, API keys, scanner pairing and SKU search."""

from __future__ import annotations

import fnmatch
import random
import re

import tornado.web
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

from .base import BaseHandler
from .lib import db, security

LDAP_SERVER = Server("ldaps://ldap.stockroom.example", use_ssl=True)
LDAP_BASE = "ou=operators,dc=stockroom,dc=example"


def _directory(search_filter: str) -> list[str]:
    with Connection(LDAP_SERVER, auto_bind=True) as conn:
        conn.search(LDAP_BASE, search_filter, attributes=["cn"])
        return [str(entry.cn) for entry in conn.entries]


def _skus() -> list[str]:
    return [row["sku"] for row in db.fetch_all("SELECT sku FROM items ORDER BY sku")]


class OperatorRegisterHandler(BaseHandler):
    def post(self) -> None:
        data = self.body_json()
        login, password = str(data.get("login", "")), str(data.get("password", ""))
        salt = login.lower()
        db.execute(
            "INSERT INTO operators (login, password_hash) VALUES (%s, %s)",
            (login, security.legacy_hash(password, salt)),
        )
        self.send_json({"login": login}, 201)


class OperatorSignupHandler(BaseHandler):
    def post(self) -> None:
        data = self.body_json()
        login, password = str(data.get("login", "")), str(data.get("password", ""))
        db.execute(
            "INSERT INTO operators (login, password_hash) VALUES (%s, %s)",
            (login, security.hash_password(password)),
        )
        self.send_json({"login": login}, 201)


class ApiKeyHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        key = security.new_api_key()
        db.execute("INSERT INTO api_keys (operator, key) VALUES (%s, %s)", (self.current_user, key))
        self.send_json({"key": key}, 201)


class ServiceKeyHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        key = security.new_service_key()
        db.execute("INSERT INTO service_keys (operator, key) VALUES (%s, %s)", (self.current_user, key))
        self.send_json({"key": key}, 201)


class ScannerPairHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        scanner = self.get_body_argument("scanner")
        pin = security.pairing_pin()
        db.execute("UPDATE scanners SET pairing_pin = %s WHERE serial = %s", (pin, scanner))
        self.send_json({"pin": pin})


class CycleCountHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        skus = _skus()
        picks = random.sample(skus, k=min(int(self.get_query_argument("n", "5")), len(skus)))
        self.send_json({"count_today": picks})


class OperatorLookupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        badge = self.get_query_argument("badge")
        self.send_json({"operators": _directory(f"(&(objectClass=person)(employeeNumber={badge}))")})


class OperatorDirectoryHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        badge = escape_filter_chars(self.get_query_argument("badge"))
        self.send_json({"operators": _directory(f"(&(objectClass=person)(employeeNumber={badge}))")})


class SkuPatternHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        matcher = re.compile(self.get_query_argument("pattern"))
        self.send_json([sku for sku in _skus() if matcher.match(sku)])


class SkuPrefixHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        matcher = re.compile(re.escape(self.get_query_argument("prefix")) + r"-\d+")
        self.send_json([sku for sku in _skus() if matcher.match(sku)])


class SkuGlobHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        glob = self.get_query_argument("glob", "*")
        matcher = re.compile(glob.replace("*", ".*").replace("?", "."))
        self.send_json([sku for sku in _skus() if matcher.fullmatch(sku)])


class SkuWildcardHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        glob = self.get_query_argument("glob", "*")
        matcher = re.compile(fnmatch.translate(glob))
        self.send_json([sku for sku in _skus() if matcher.match(sku)])
