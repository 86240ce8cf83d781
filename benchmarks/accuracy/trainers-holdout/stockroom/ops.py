"""Warehouse operations: backups, printers, supplier feeds, imports, layout."""

from __future__ import annotations

import ast
import functools
import json
import os
import pickle
import re
import time

import jsonpickle
import tornado.web
from lxml import etree
from tornado.httpclient import AsyncHTTPClient

from .base import BaseHandler
from .lib import shell

BACKUP_DIR = "/var/backups/stockroom"
PALLET_CACHE = "/var/cache/stockroom/pallets"
PRINTERS = ("dock-a", "dock-b", "returns", "office")
SUPPLIER_FEEDS = {
    "acme": "https://feeds.acme.example/stock.json",
    "globex": "https://api.globex.example/v2/availability",
}
ZONE = re.compile(r"[A-Z]{1,3}-\d{1,3}")
LAYOUT_PATH = os.environ.get("STOCKROOM_LAYOUT", "/etc/stockroom/layout.xml")


@functools.lru_cache(maxsize=1)
def layout() -> etree._ElementTree:
    """The warehouse layout document, maintained by the facilities team."""
    return etree.parse(LAYOUT_PATH, etree.XMLParser(resolve_entities=False, no_network=True))


class BackupHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        label = self.get_body_argument("label", "manual")
        status = shell.run("pg_dump stockroom > %s/%s.sql" % (BACKUP_DIR, label))
        self.send_json({"status": status})


class SnapshotHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        note = self.get_body_argument("label", "manual")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        status = shell.run("pg_dump stockroom > %s/%s.sql" % (BACKUP_DIR, stamp))
        with open(os.path.join(BACKUP_DIR, "index.json"), "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"file": stamp, "note": note}) + "\n")
        self.send_json({"status": status, "file": stamp})


class PrinterStatusHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        printer = self.get_query_argument("printer", "dock-a")
        output = os.popen("lpstat -p " + printer).read()
        self.send_json({"status": output.strip()})


class PrinterQueueHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        printer = self.get_query_argument("printer", "dock-a")
        if printer not in PRINTERS:
            raise tornado.web.HTTPError(404)
        output = os.popen("lpstat -o " + printer).read()
        self.send_json({"queue": output.splitlines()})


class SupplierFeedHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        feed = self.get_query_argument("feed")
        response = await AsyncHTTPClient().fetch(feed, request_timeout=15)
        self.send_json({"bytes": len(response.body)})


class SupplierStockHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        supplier = self.get_query_argument("supplier")
        feed = SUPPLIER_FEEDS.get(supplier)
        if feed is None:
            raise tornado.web.HTTPError(404)
        response = await AsyncHTTPClient().fetch(feed, request_timeout=15)
        self.send_json({"bytes": len(response.body)})


class PalletImportHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        pallet = jsonpickle.decode(self.request.body.decode("utf-8"))
        self.send_json({"pallet": getattr(pallet, "code", None)})


class PalletCacheHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        pallet_id = int(self.get_query_argument("id"))
        with open(os.path.join(PALLET_CACHE, "%d.pickle" % pallet_id), "rb") as fh:
            pallet = pickle.load(fh)
        self.send_json({"pallet": getattr(pallet, "code", None)})


class ReorderHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, sku: str) -> None:
        threshold = eval(self.get_body_argument("threshold", "10"))
        self.send_json({"sku": sku, "threshold": threshold})


class ReorderPointHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, sku: str) -> None:
        threshold = ast.literal_eval(self.get_body_argument("threshold", "10"))
        self.send_json({"sku": sku, "threshold": threshold})


class AsnHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
        notice = etree.fromstring(self.request.body, parser)
        self.send_json({"lines": len(notice.findall(".//line"))})


class DeliveryNoteHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self) -> None:
        parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
        notice = etree.fromstring(self.request.body, parser)
        self.send_json({"lines": len(notice.findall(".//line"))})


class BinHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        code = self.get_query_argument("code")
        aisles = layout().xpath(f"/warehouse/bin[@code='{code}']/@aisle")
        self.send_json({"aisles": [str(a) for a in aisles]})


class BinAisleHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        code = self.get_query_argument("code")
        aisles = layout().xpath("/warehouse/bin[@code=$code]/@aisle", code=code)
        self.send_json({"aisles": [str(a) for a in aisles]})


class ZoneHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, zone: str) -> None:
        bins = etree.XPath("//zone[name='%s']/bin/@code" % zone)(layout())
        self.send_json({"bins": [str(b) for b in bins]})


class ZoneShelvesHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, zone: str) -> None:
        if not ZONE.fullmatch(zone):
            raise tornado.web.HTTPError(400)
        bins = etree.XPath("//zone[name='%s']/bin/@code" % zone)(layout())
        self.send_json({"bins": [str(b) for b in bins]})
