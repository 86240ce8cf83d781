"""Application assembly and entry point."""

from __future__ import annotations

import logging
import os

import tornado.ioloop
import tornado.web

from . import items, ops, users

SKU = r"([A-Z0-9-]+)"


def make_app() -> tornado.web.Application:
    routes = [
        (r"/items/([^/]+)", items.ItemHandler),
        (r"/items/([^/]+)/detail", items.ItemDetailHandler),
        (r"/reports/stock", items.StockReportHandler),
        (r"/reports/low-stock", items.LowStockReportHandler),
        (r"/labels", items.LabelHandler),
        (r"/shelf-tags", items.ShelfTagHandler),
        (r"/manuals", items.ManualHandler),
        (r"/datasheets", items.DatasheetHandler),
        (r"/orders/(\d+)/slip", items.PackingSlipHandler),
        (r"/orders/(\d+)/gift-slip", items.GiftSlipHandler),
        (rf"/items/{SKU}/adjust", items.AdjustHandler),
        (rf"/items/{SKU}/recount", items.RecountHandler),
        (r"/ops/backup", ops.BackupHandler),
        (r"/ops/snapshot", ops.SnapshotHandler),
        (r"/ops/printers/status", ops.PrinterStatusHandler),
        (r"/ops/printers/queue", ops.PrinterQueueHandler),
        (r"/ops/suppliers/feed", ops.SupplierFeedHandler),
        (r"/ops/suppliers/stock", ops.SupplierStockHandler),
        (r"/ops/pallets/import", ops.PalletImportHandler),
        (r"/ops/pallets/cached", ops.PalletCacheHandler),
        (rf"/items/{SKU}/reorder", ops.ReorderHandler),
        (rf"/items/{SKU}/reorder-point", ops.ReorderPointHandler),
        (r"/ops/asn", ops.AsnHandler),
        (r"/ops/delivery-notes", ops.DeliveryNoteHandler),
        (r"/layout/bins", ops.BinHandler),
        (r"/layout/aisles", ops.BinAisleHandler),
        (r"/layout/zones/([^/]+)/bins", ops.ZoneHandler),
        (r"/layout/zones/([^/]+)/shelves", ops.ZoneShelvesHandler),
        (r"/operators", users.OperatorRegisterHandler),
        (r"/operators/signup", users.OperatorSignupHandler),
        (r"/api-keys", users.ApiKeyHandler),
        (r"/service-keys", users.ServiceKeyHandler),
        (r"/scanners/pair", users.ScannerPairHandler),
        (r"/cycle-count", users.CycleCountHandler),
        (r"/directory/operators", users.OperatorLookupHandler),
        (r"/directory/operators/search", users.OperatorDirectoryHandler),
        (r"/skus/pattern", users.SkuPatternHandler),
        (r"/skus/prefix", users.SkuPrefixHandler),
        (r"/skus/glob", users.SkuGlobHandler),
        (r"/skus/wildcard", users.SkuWildcardHandler),
    ]
    return tornado.web.Application(
        routes,
        cookie_secret=os.environ["STOCKROOM_COOKIE_SECRET"],
        login_url="/login",
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
        xsrf_cookies=False,
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("STOCKROOM_PORT", "8888")))
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
