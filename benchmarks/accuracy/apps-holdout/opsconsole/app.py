"""Application factory: ``python -m aiohttp.web opsconsole.app:create_app``."""
from __future__ import annotations

import logging

from aiohttp import web

from . import views


def create_app(argv: list[str] | None = None) -> web.Application:
    logging.basicConfig(level=logging.INFO)
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.add_routes(
        [
            web.get("/api/hosts/search", views.host_search),
            web.get("/api/hosts", views.host_filter),
            web.post("/api/services/restart", views.restart_service),
            web.post("/api/services/status", views.service_status),
            web.get("/logs/{unit}", views.tail_log),
            web.get("/logs/managed/{unit}", views.tail_unit_log),
            web.get("/artifacts", views.download_artifact),
            web.get("/releases", views.download_release),
            web.post("/api/probes/endpoint", views.check_endpoint),
            web.post("/api/probes/status-page", views.check_status_page),
            web.post("/api/rollouts", views.update_rollout),
            web.post("/api/canary", views.update_canary),
            web.post("/api/notify/preview", views.notify_preview),
            web.post("/api/notify/send", views.notify_send),
            web.post("/api/inventory/import", views.import_inventory),
            web.post("/api/inventory/validate", views.validate_inventory),
            web.get("/api/topology/node", views.find_node),
            web.get("/api/topology/rack", views.rack_nodes),
            web.post("/api/alerts/ack", views.acknowledge_alert),
            web.post("/api/alerts/silence", views.silence_alert),
        ]
    )
    return app
