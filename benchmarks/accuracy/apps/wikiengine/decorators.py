from __future__ import annotations

import functools
import logging

from flask import abort, current_app

from .storage import PageStore

log = logging.getLogger(__name__)


def with_store(view):
    """Hand the view the page store; views stay free of configuration lookups."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        root = current_app.config.get("PAGE_ROOT")
        if not root:
            abort(503)
        return view(PageStore(root), *args, **kwargs)

    return wrapper
