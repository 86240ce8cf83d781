"""SQLite storage of metric points."""
from __future__ import annotations

import sqlite3
import threading
from typing import Any, Sequence

from . import config


class MetricStore:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()

    def _fetch(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def select_points(self, condition: str, args: Sequence[Any] = (), limit: int = 5000) -> list[tuple[Any, ...]]:
        """Points matching a WHERE condition, oldest first."""
        sql = f"SELECT metric, host, ts, value FROM points WHERE {condition} ORDER BY ts LIMIT {int(limit)}"
        return self._fetch(sql, args)

    def metric_names(self) -> list[str]:
        return [row[0] for row in self._fetch("SELECT DISTINCT metric FROM points ORDER BY metric")]

    def host_names(self) -> list[str]:
        return [row[0] for row in self._fetch("SELECT DISTINCT host FROM points ORDER BY host")]

    def latest_values(self) -> dict[str, float]:
        rows = self._fetch("SELECT metric, value FROM points WHERE ts = (SELECT MAX(ts) FROM points p WHERE p.metric = points.metric)")
        return {metric: float(value) for metric, value in rows}


STORE = MetricStore(config.DATABASE)
