"""Ticket, queue and knowledge-base models with their managers."""
from __future__ import annotations

from django.conf import settings
from django.db import connection, models


class TicketManager(models.Manager):
    def search_subject(self, term: str) -> models.query.RawQuerySet:
        return self.raw(
            "SELECT * FROM tickets_ticket WHERE status <> 'closed'"
            f" AND strpos(lower(subject), lower('{term}')) > 0 ORDER BY created_at DESC"
        )

    def in_queue(self, queue_id: int) -> models.query.RawQuerySet:
        return self.raw(
            "SELECT * FROM tickets_ticket WHERE status <> 'closed'"
            f" AND queue_id = {queue_id} ORDER BY created_at DESC"
        )

    def open(self) -> models.QuerySet:
        return self.get_queryset().exclude(status="closed")


class Queue(models.Model):
    name = models.CharField(max_length=80)
    team = models.CharField(max_length=40)


class Ticket(models.Model):
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=20, default="open")
    priority = models.PositiveSmallIntegerField(default=3)
    queue = models.ForeignKey(Queue, on_delete=models.PROTECT)
    requester_email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    portal_token = models.CharField(max_length=64, blank=True)

    objects = TicketManager()


class Attachment(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE)
    filename = models.CharField(max_length=200)
    checksum = models.CharField(max_length=64)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    team_slug = models.SlugField()


class Kiosk(models.Model):
    name = models.CharField(max_length=80)
    password_digest = models.CharField(max_length=128)


class AgentProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    pin_hash = models.CharField(max_length=128)


def _fetch(sql: str, params: list[object] | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def stats_for_team(team: str) -> list[tuple]:
    sql = (
        "SELECT status, COUNT(*) FROM tickets_ticket t JOIN tickets_queue q ON q.id = t.queue_id"
        " WHERE q.team = '%s' GROUP BY status" % team
    )
    return _fetch(sql)


def stats_for_queue_team(team: str) -> list[tuple]:
    sql = (
        "SELECT q.name, COUNT(*) FROM tickets_ticket t JOIN tickets_queue q ON q.id = t.queue_id"
        " WHERE q.team = %s GROUP BY q.name"
    )
    return _fetch(sql, [team])
