"""Result cache in Redis; values are pickled DataFrames written by this service only."""
from __future__ import annotations

import hashlib
import pickle
from typing import Any

import redis

from dataapi.config import settings

_client = redis.Redis.from_url(settings.redis_url)


def key_for(sql: str) -> str:
    return "q:" + hashlib.md5(sql.encode("utf-8")).hexdigest()


def get(key: str) -> Any | None:
    raw = _client.get(key)
    return pickle.loads(raw) if raw is not None else None


def put(key: str, value: Any, ttl: int = 900) -> None:
    _client.set(key, pickle.dumps(value), ex=ttl)
