"""Middleware restoring per-browser preferences."""
from __future__ import annotations

import base64
import logging
import pickle
from typing import Callable

from django.core import signing
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("helpdesk.middleware")
DEFAULT_PREFS = {"density": "comfortable", "theme": "light"}


class PreferencesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw = request.COOKIES.get("hd_prefs")
        prefs = dict(DEFAULT_PREFS)
        if raw:
            try:
                prefs.update(pickle.loads(base64.b64decode(raw)))
            except Exception:
                logger.info("ignoring unreadable preferences cookie")
        request.prefs = prefs
        return self.get_response(request)


class UiStateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw = request.COOKIES.get("hd_ui")
        state: dict[str, object] = {}
        if raw:
            try:
                state = signing.loads(raw, salt="helpdesk.ui", max_age=30 * 86400)
            except signing.BadSignature:
                logger.info("ignoring tampered ui cookie")
        request.ui_state = state
        return self.get_response(request)
