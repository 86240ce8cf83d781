"""XML exchange with the school information system (SIS)."""

import re
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import pulldom

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from lxml import etree
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..config import get_settings
from ..db import get_db
from ..schemas import Category

router = APIRouter(prefix="/exchange", tags=["exchange"])


class XPathQuery:
    """Builds simple //node[child='value'] queries for the SIS export."""

    def __init__(self, node: str) -> None:
        self.node = node
        self.preds: list = []

    def where(self, child: str, value: str) -> "XPathQuery":
        self.preds.append(f"{child}='{value}'")
        return self

    def build(self) -> str:
        if not self.preds:
            return f"//{self.node}"
        return f"//{self.node}[" + " and ".join(self.preds) + "]"


def _sis_tree():
    return etree.parse(get_settings().sis_export_path)


def _store_students(db: Session, students) -> int:
    n = 0
    for sid, name, grade in students:
        db.execute(text("INSERT OR REPLACE INTO students (sid, full_name, grade) VALUES (:s, :n, :g)"), {"s": sid, "n": name, "g": grade})
        n += 1
    db.commit()
    return n


@router.post("/students/import")
async def import_students(file: UploadFile = File(...), db: Session = Depends(get_db)):
    data = await file.read()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    events = pulldom.parseString(data.decode("utf-8"), parser=parser)
    students = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "student":
            events.expandNode(node)
            students.append((node.getAttribute("id"), node.getAttribute("name"), node.getAttribute("grade")))
    return {"imported": _store_students(db, students)}


@router.post("/students/sync")
async def sync_students(file: UploadFile = File(...), db: Session = Depends(get_db)):
    data = await file.read()
    events = pulldom.parseString(data.decode("utf-8"))
    students = []
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName == "student":
            events.expandNode(node)
            students.append((node.getAttribute("id"), node.getAttribute("name"), node.getAttribute("grade")))
    return {"imported": _store_students(db, students)}


@router.post("/events/import")
async def import_events(file: UploadFile = File(...), db: Session = Depends(get_db)):
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    tree = etree.parse(file.file, parser)
    n = 0
    for ev in tree.iter("event"):
        db.execute(text("INSERT INTO events (title, starts, category) VALUES (:t, :s, :c)"),
                   {"t": ev.findtext("title"), "s": ev.findtext("starts"), "c": ev.findtext("category")})
        n += 1
    db.commit()
    return {"imported": n}


@router.post("/events/merge")
async def merge_events(file: UploadFile = File(...), db: Session = Depends(get_db)):
    root = ET.fromstring(await file.read())
    n = 0
    for ev in root.iter("event"):
        db.execute(text("INSERT INTO events (title, starts, category) VALUES (:t, :s, :c)"),
                   {"t": ev.findtext("title"), "s": ev.findtext("starts"), "c": ev.findtext("category")})
        n += 1
    db.commit()
    return {"imported": n}


@router.get("/students/{sid}")
def sis_student(sid: str):
    nodes = _sis_tree().xpath(f"//student[@id='{sid}']")
    if not nodes:
        raise HTTPException(status_code=404)
    return {"id": sid, "name": nodes[0].get("name"), "grade": nodes[0].get("grade")}


@router.get("/students/{sid}/record")
def sis_student_record(sid: str):
    nodes = _sis_tree().xpath("//student[@id=$sid]", sid=sid)
    if not nodes:
        raise HTTPException(status_code=404)
    return {"id": sid, "name": nodes[0].get("name"), "grade": nodes[0].get("grade")}


@router.get("/sis/events")
def sis_events(category: str = "meeting"):
    q = XPathQuery("event").where("category", category)
    found = _sis_tree().xpath(q.build())
    return [{"title": e.findtext("title"), "starts": e.findtext("starts")} for e in found]


@router.get("/sis/events/typed")
def sis_events_typed(category: Category = Category.meeting):
    q = XPathQuery("event").where("category", category.value)
    found = _sis_tree().xpath(q.build())
    return [{"title": e.findtext("title"), "starts": e.findtext("starts")} for e in found]


@router.get("/sis/teachers")
def sis_teachers(name: str):
    found = _sis_tree().xpath("//teacher[contains(name, '%s')]" % name)
    return [{"name": t.findtext("name"), "room": t.findtext("room")} for t in found]


@router.get("/sis/teachers/search")
def sis_teachers_search(name: str):
    if not re.fullmatch(r"[\w -]{1,60}", name):
        raise HTTPException(status_code=422, detail="name may contain letters, digits, spaces and hyphens")
    found = _sis_tree().xpath("//teacher[contains(name, '%s')]" % name)
    return [{"name": t.findtext("name"), "room": t.findtext("room")} for t in found]
