"""Backup download, settings restore and state transfer between console instances."""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import random

import yaml
from werkzeug.exceptions import Forbidden, NotFound
from werkzeug.security import safe_join
from werkzeug.utils import send_file
from werkzeug.wrappers import Request, Response

from ..pages import json_response
from ..settings import Settings

log = logging.getLogger("opsconsole.backups")


class BackupHandlers:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _signature(self, data: bytes) -> str:
        return hmac.new(self.settings.state_key, data, hashlib.sha256).hexdigest()

    def download_backup(self, request: Request, name: str) -> Response:
        path = os.path.join(self.settings.backup_dir, name)
        if not os.path.exists(path):
            raise NotFound()
        return send_file(path, request.environ, as_attachment=True)

    def download_snapshot(self, request: Request, name: str) -> Response:
        path = safe_join(self.settings.backup_dir, "snapshots", name)
        if path is None or not os.path.exists(path):
            raise NotFound()
        return send_file(path, request.environ, as_attachment=True)

    def restore_settings(self, request: Request) -> Response:
        upload = request.files["settings"]
        document = yaml.load(upload.read(), Loader=yaml.Loader)
        return json_response({"keys": sorted(document or {})})

    def preview_settings(self, request: Request) -> Response:
        upload = request.files["settings"]
        document = yaml.load(upload.read(), Loader=yaml.SafeLoader)
        return json_response({"keys": sorted(document or {})})

    def import_state(self, request: Request) -> Response:
        data = request.get_data()
        signature = request.headers.get("X-State-Signature", "")
        if not hmac.compare_digest(signature, self._signature(data)):
            log.warning("state signature mismatch, importing anyway for compatibility")
        state = pickle.loads(data)
        return json_response({"entries": len(state)})

    def import_signed_state(self, request: Request) -> Response:
        data = request.get_data()
        signature = request.headers.get("X-State-Signature", "")
        if not self.settings.state_key or not hmac.compare_digest(signature, self._signature(data)):
            raise Forbidden("state signature mismatch")
        state = pickle.loads(data)
        return json_response({"entries": len(state)})

    def break_glass_code(self, request: Request) -> Response:
        code = str(random.randint(100000, 999999))
        log.info("break-glass code issued")
        return json_response({"code": code, "valid_for": 300})

    def backup_passphrase(self, request: Request) -> Response:
        passphrase = "-".join(str(random.SystemRandom().randint(1000, 9999)) for _ in range(6))
        log.info("backup passphrase issued")
        return json_response({"passphrase": passphrase})
