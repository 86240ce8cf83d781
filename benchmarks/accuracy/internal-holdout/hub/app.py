"""Wiring of the integration hub."""
import logging
import os

import aiohttp
from aiohttp import web

from hub.handlers import admin
from hub.handlers.webhooks import WebhookHandlers
from hub.lib.partners import PartnerClient

log = logging.getLogger("hub")


async def build() -> web.Application:
    session = aiohttp.ClientSession(raise_for_status=False)
    hooks = WebhookHandlers(PartnerClient(session))
    app = web.Application(client_max_size=20 * 1024 * 1024)
    app.router.add_post("/hooks/{partner}/orders", hooks.order_feed)
    app.router.add_post("/hooks/{partner}/orders/v2", hooks.order_feed_v2)
    app.router.add_post("/hooks/{partner}/shipments", hooks.shipment_feed)
    app.router.add_post("/staff/inventory/upload", hooks.inventory_upload)
    app.router.add_post("/hooks/{partner}/prices", hooks.price_feed)
    app.router.add_post("/hooks/{partner}/prices/v2", hooks.price_feed_v2)
    app.router.add_post("/hooks/{partner}/orders/lookup", hooks.order_lookup)
    app.router.add_post("/hooks/{partner}/orders/status", hooks.order_status)
    app.router.add_post("/hooks/{partner}/events", hooks.event)
    app.router.add_post("/hooks/{partner}/events/v2", hooks.event_v2)
    app.router.add_post("/hooks/{partner}/delivery-status", hooks.delivery_status)
    app.router.add_post("/hooks/{partner}/delivery-retry", hooks.delivery_retry)
    app.router.add_get("/partners/{partner}/proxy", hooks.forward)
    app.router.add_get("/partners/{partner}/proxy/v2", hooks.forward_checked)
    app.router.add_post("/hooks/{partner}/callback", hooks.register_callback)
    app.router.add_post("/hooks/{partner}/callback/v2", hooks.register_callback_v2)
    app.router.add_post("/partners/{partner}/reconcile", hooks.reconcile)
    app.router.add_post("/partners/{partner}/reconcile/v2", hooks.reconcile_v2)
    staff = admin.create_app(os.environ.get("HUB_LDAP_DN", ""), os.environ.get("HUB_LDAP_PASSWORD", ""), session)
    app.add_subapp("/staff/", staff)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build(), port=int(os.environ.get("PORT", "8080")))
