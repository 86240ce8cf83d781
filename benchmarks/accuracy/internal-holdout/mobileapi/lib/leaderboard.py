"""Raw SQL for the leaderboard; the ORM version was too slow on the scores table."""
from __future__ import annotations

import logging
from typing import Any, Sequence

from django.db import connection

log = logging.getLogger(__name__)

BASE = """
    SELECT u.id, u.display_name, SUM(s.points) AS points
    FROM scores s JOIN accounts_user u ON u.id = s.user_id
"""


class LeaderboardRepository:
    def __init__(self, period_days: int = 7) -> None:
        self.period_days = period_days

    def _run(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def top(self, region: str, limit: int = 50) -> list[tuple[Any, ...]]:
        sql = BASE + f" WHERE s.created > now() - interval '{self.period_days} days'"
        if region:
            sql += f" AND u.region = '{region}'"
        sql += f" GROUP BY u.id, u.display_name ORDER BY points DESC LIMIT {int(limit)}"
        return self._run(sql)

    def among(self, user_ids: Sequence[int]) -> list[tuple[Any, ...]]:
        placeholders = ", ".join(["%s"] * len(user_ids))
        sql = BASE + f" WHERE u.id IN ({placeholders}) GROUP BY u.id, u.display_name ORDER BY points DESC"
        return self._run(sql, list(user_ids))
