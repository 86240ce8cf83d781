"""Aggregates read from the warehouse replica."""
import sqlite3

WAREHOUSE = "/var/lib/reports/warehouse.db"


def monthly_totals(year: int) -> list[dict]:
    conn = sqlite3.connect(WAREHOUSE)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT month, revenue, cost, orders FROM monthly WHERE year = ?", (year,))
    return [dict(r) for r in rows]
