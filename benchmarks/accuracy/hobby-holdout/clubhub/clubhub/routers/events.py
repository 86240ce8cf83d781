"""Events and the ICS calendar feed."""

import hashlib
from datetime import datetime, timedelta

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..config import get_settings
from ..db import get_db

router = APIRouter(prefix="/events", tags=["events"])


def _ics_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics(rows) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"X-WR-CALNAME:{_ics_escape(get_settings().calendar_name)}"]
    for r in rows:
        start = r.starts if isinstance(r.starts, datetime) else datetime.fromisoformat(str(r.starts))
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{r.id}@clubhub",
            f"DTSTART:{start:%Y%m%dT%H%M%S}",
            f"DTEND:{start + timedelta(hours=2):%Y%m%dT%H%M%S}",
            f"SUMMARY:{_ics_escape(r.title)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


@router.get("/{event_id}")
def get_event(event_id: int, db: Session = Depends(get_db)):
    row = db.execute(text(f"SELECT id, title, starts, category, location FROM events WHERE id = {event_id}")).first()
    if row is None:
        raise HTTPException(status_code=404)
    return dict(row._mapping)


@router.get("/by-slug/{slug}")
def get_event_by_slug(slug: str, db: Session = Depends(get_db)):
    row = db.execute(text(f"SELECT id, title, starts, category, location FROM events WHERE slug = '{slug}'")).first()
    if row is None:
        raise HTTPException(status_code=404)
    return dict(row._mapping)


@router.get("/feed/{token}.ics")
def calendar_feed(token: str, request: Request, db: Session = Depends(get_db)):
    member = db.execute(text("SELECT uid FROM members WHERE feed_token = :t"), {"t": token}).first()
    if member is None:
        raise HTTPException(status_code=404)
    rows = db.execute(text("SELECT id, title, starts FROM events WHERE starts >= date('now', '-30 days') ORDER BY starts")).all()
    body = _ics(rows)
    etag = hashlib.md5(body.encode()).hexdigest()
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304)
    return Response(body, media_type="text/calendar", headers={"ETag": etag})
