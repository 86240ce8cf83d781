"""WSGI application: URL map, dispatch and error handling."""
from __future__ import annotations

import logging
import os

from werkzeug.exceptions import HTTPException
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from . import rawwsgi
from .handlers.auth import AuthHandlers
from .handlers.backups import BackupHandlers
from .handlers.config_import import ConfigImportHandlers
from .handlers.diagnostics import DiagnosticsHandlers
from .handlers.logs import LogHandlers
from .runner import CommandRunner
from .settings import Settings
from .storage import AuditStore

log = logging.getLogger("opsconsole")

ROUTES = [
    ("/diag/ping", "diag.ping", ["GET"]),
    ("/diag/traceroute", "diag.traceroute", ["GET"]),
    ("/diag/nslookup", "diag.nslookup", ["POST"]),
    ("/diag/dig", "diag.dig", ["POST"]),
    ("/diag/du", "diag.disk_usage", ["POST"]),
    ("/diag/size", "diag.directory_size", ["POST"]),
    ("/diag/service/status", "diag.service_status", ["POST"]),
    ("/diag/service/journal", "diag.service_journal", ["POST"]),
    ("/diag/probe", "diag.probe_url", ["GET"]),
    ("/diag/probe/service", "diag.probe_service", ["GET"]),
    ("/alerts/relay", "diag.relay_alert", ["POST"]),
    ("/alerts/silence", "diag.silence_alert", ["POST"]),
    ("/logs/app", "logs.search_app_log", ["GET"]),
    ("/logs/worker", "logs.search_worker_log", ["GET"]),
    ("/logs/download", "logs.download_log", ["GET"]),
    ("/logs/rotated", "logs.download_rotated_log", ["GET"]),
    ("/audit/by-actor", "logs.audit_by_actor", ["GET"]),
    ("/audit/since", "logs.audit_since", ["GET"]),
    ("/backups/<path:name>", "backups.download_backup", ["GET"]),
    ("/snapshots/<path:name>", "backups.download_snapshot", ["GET"]),
    ("/settings/restore", "backups.restore_settings", ["POST"]),
    ("/settings/preview", "backups.preview_settings", ["POST"]),
    ("/state/import", "backups.import_state", ["POST"]),
    ("/state/import-signed", "backups.import_signed_state", ["POST"]),
    ("/break-glass/code", "backups.break_glass_code", ["POST"]),
    ("/backups/passphrase", "backups.backup_passphrase", ["POST"]),
    ("/config/import", "config.import_console_xml", ["POST"]),
    ("/config/validate", "config.validate_console_xml", ["POST"]),
    ("/inventory/import", "config.import_inventory", ["POST"]),
    ("/inventory/count", "config.count_inventory", ["POST"]),
    ("/thresholds/evaluate", "config.evaluate_threshold", ["POST"]),
    ("/thresholds/parse", "config.parse_thresholds", ["POST"]),
    ("/login", "auth.login", ["POST"]),
    ("/login/token", "auth.token_login", ["POST"]),
    ("/sso/callback", "auth.start_session", ["GET"]),
    ("/sso/break-glass", "auth.start_break_glass_session", ["GET"]),
    ("/logout", "auth.logout", ["POST"]),
    ("/diag/uptime", "diag.uptime", ["GET"]),
    ("/diag/services", "diag.list_services", ["GET"]),
    ("/logs", "logs.list_logs", ["GET"]),
]


class ConsoleApp:
    def __init__(self, settings: Settings, directory) -> None:
        self.url_map = Map([Rule(path, endpoint=ep, methods=m) for path, ep, m in ROUTES])
        self.handlers = {
            "diag": DiagnosticsHandlers(settings, CommandRunner()),
            "logs": LogHandlers(settings, AuditStore(settings.audit_db)),
            "backups": BackupHandlers(settings),
            "config": ConfigImportHandlers(),
            "auth": AuthHandlers(directory),
        }

    def dispatch(self, request: Request) -> Response:
        adapter = self.url_map.bind_to_environ(request.environ)
        try:
            endpoint, values = adapter.match()
            group, method = endpoint.split(".", 1)
            return getattr(self.handlers[group], method)(request, **values)
        except HTTPException as exc:
            return exc.get_response(request.environ)

    def __call__(self, environ, start_response):
        request = Request(environ)
        return self.dispatch(request)(environ, start_response)


def create_app(directory) -> DispatcherMiddleware:
    settings = Settings.load(os.environ.get("OPSCONSOLE_CONFIG", "/etc/opsconsole.ini"))
    console = ConsoleApp(settings, directory)
    return DispatcherMiddleware(
        console,
        {
            "/metrics": rawwsgi.metrics_app,
            "/health": rawwsgi.health_app,
            "/reports/download": rawwsgi.report_download_app,
            "/exports/download": rawwsgi.export_download_app,
        },
    )
