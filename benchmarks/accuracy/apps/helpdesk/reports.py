"""Reporting queries that the ORM expresses badly."""
from __future__ import annotations

import logging
from typing import Any, Sequence

from django.db import connection

from .models import Ticket

log = logging.getLogger(__name__)


def raw_tickets(where: str, params: Sequence[Any] = ()) -> list[Ticket]:
    """Tickets matching a WHERE clause, newest first."""
    sql = "SELECT * FROM helpdesk_ticket WHERE " + where + " ORDER BY created_at DESC"
    return list(Ticket.objects.raw(sql, params))


def run_report(sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    log.debug("report returned %d rows", len(rows))
    return rows


def workload_for_team(team: str) -> list[tuple]:
    return run_report(
        "SELECT u.username, COUNT(t.id) FROM helpdesk_ticket t "
        "JOIN auth_user u ON u.id = t.assignee_id JOIN helpdesk_team tm ON tm.id = t.team_id "
        "WHERE tm.slug = '%s' AND t.status <> 'closed' GROUP BY u.username" % team
    )


def backlog_for_team(team_id: int) -> list[tuple]:
    return run_report(
        "SELECT status, COUNT(*) FROM helpdesk_ticket WHERE team_id = %s GROUP BY status",
        [team_id],
    )
