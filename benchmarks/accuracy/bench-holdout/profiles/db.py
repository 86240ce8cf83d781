"""Raw SQL helpers for reports the ORM expresses poorly."""
from django.db import connection


def run_query(sql: str, params=None) -> list[tuple]:
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()
