"""Items, stock levels, labels and manuals."""

from __future__ import annotations

import logging
import os

import tornado.template
import tornado.web

from .base import BaseHandler
from .lib import db

log = logging.getLogger("stockroom.items")

ITEM_SQL = "SELECT sku, name, warehouse, quantity FROM items"
MANUAL_DIR = os.path.realpath(os.environ.get("STOCKROOM_MANUALS", "/srv/stockroom/manuals"))
SLIPS = {
    "standard": "<h1>Order {{ order['id'] }}</h1><p>{{ note }}</p>",
    "fragile": "<h1>FRAGILE - order {{ order['id'] }}</h1><p>{{ note }}</p>",
}


class ItemHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, sku: str) -> None:
        rows = db.fetch_all(ITEM_SQL + " WHERE sku = '%s'" % sku)
        if not rows:
            raise tornado.web.HTTPError(404)
        self.send_json(rows[0])


class ItemDetailHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, sku: str) -> None:
        rows = db.fetch_all(ITEM_SQL + " WHERE sku = %s", (sku,))
        if not rows:
            raise tornado.web.HTTPError(404)
        self.send_json(rows[0])


class StockReportHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        filters = ["quantity > 0"]
        warehouse = self.get_query_argument("warehouse", None)
        if warehouse:
            filters.append("warehouse = '{}'".format(warehouse))
        where = " AND ".join(filters)
        self.send_json(db.fetch_all(f"{ITEM_SQL} WHERE {where} ORDER BY sku"))


class LowStockReportHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        filters = ["quantity > 0"]
        below = self.get_query_argument("below", None)
        if below:
            filters.append("quantity < %d" % int(below))
        where = " AND ".join(filters)
        self.send_json(db.fetch_all(f"{ITEM_SQL} WHERE {where} ORDER BY sku"))


class LabelHandler(BaseHandler):
    def get(self) -> None:
        name = self.get_argument("name", "Unnamed item")
        sku = self.get_argument("sku", "")
        self.write("<div class='label'><h1>%s</h1><p>%s</p></div>" % (name, sku))


class ShelfTagHandler(BaseHandler):
    def get(self) -> None:
        name = self.get_argument("name", "Unnamed item")
        sku = self.get_argument("sku", "")
        self.render("label.html", name=name, sku=sku)


class ManualHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        path = os.path.join(MANUAL_DIR, self.get_argument("doc"))
        if not path.endswith(".pdf"):
            raise tornado.web.HTTPError(400)
        with open(path, "rb") as fh:
            self.set_header("Content-Type", "application/pdf")
            self.finish(fh.read())


class DatasheetHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self) -> None:
        path = os.path.realpath(os.path.join(MANUAL_DIR, self.get_argument("doc")))
        if os.path.commonpath([MANUAL_DIR, path]) != MANUAL_DIR or not path.endswith(".pdf"):
            raise tornado.web.HTTPError(400)
        with open(path, "rb") as fh:
            self.set_header("Content-Type", "application/pdf")
            self.finish(fh.read())


class PackingSlipHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, order_id: str) -> None:
        order = {"id": int(order_id), "lines": db.fetch_all("SELECT sku, quantity FROM order_lines WHERE order_id = %s", (int(order_id),))}
        layout = self.get_body_argument("layout")
        html = tornado.template.Template(layout).generate(order=order, note="")
        self.finish(html)


class GiftSlipHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, order_id: str) -> None:
        order = {"id": int(order_id), "lines": db.fetch_all("SELECT sku, quantity FROM order_lines WHERE order_id = %s", (int(order_id),))}
        layout = SLIPS.get(self.get_body_argument("kind", "standard"), SLIPS["standard"])
        note = self.get_body_argument("note", "")
        html = tornado.template.Template(layout).generate(order=order, note=note)
        self.finish(html)


class AdjustHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, sku: str) -> None:
        data = self.body_json()
        delta = int(data.get("delta", 0))
        reason = str(data.get("reason", ""))
        db.execute("UPDATE items SET quantity = quantity + %s WHERE sku = %s", (delta, sku))
        log.info("stock of %s adjusted by %d by %s: %s", sku, delta, self.current_user, reason)
        self.send_json({"sku": sku, "delta": delta})


class RecountHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, sku: str) -> None:
        data = self.body_json()
        delta = int(data.get("delta", 0))
        reason = str(data.get("reason", ""))
        db.execute("UPDATE items SET quantity = quantity + %s WHERE sku = %s", (delta, sku))
        log.info("stock of %s adjusted by %d by %s: %r", sku, delta, self.current_user, reason)
        self.send_json({"sku": sku, "delta": delta})
