"""View decorators."""

from __future__ import annotations

import functools
import time
from typing import Any, Callable

from flask import abort, current_app, g, session


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "agent_id" not in session:
            abort(401)
        g.agent_id = session["agent_id"]
        return view(*args, **kwargs)

    return wrapper


def timed(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return view(*args, **kwargs)
        finally:
            current_app.logger.debug("%s took %.1f ms", view.__name__, (time.perf_counter() - started) * 1000)

    return wrapper
