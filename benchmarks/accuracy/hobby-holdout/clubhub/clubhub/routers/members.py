"""Member list, directory lookups and reports."""

import logging
import re
from typing import List, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import PlainTextResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..db import get_db
from ..services import reports
from ..services.directory import Directory, get_directory

router = APIRouter(prefix="/members", tags=["members"])
log = logging.getLogger(__name__)

DEPARTMENTS = {"sci": "Science", "math": "Mathematics", "cs": "Computer Science", "art": "Arts"}


@router.get("/search")
def search_members(q: str = Query(..., min_length=1), db: Session = Depends(get_db)):
    rows = db.execute(text(f"SELECT id, full_name, grade FROM members WHERE full_name LIKE '{q}%' ORDER BY full_name"))
    return [dict(r._mapping) for r in rows]


@router.get("/find")
def find_members(q: str = Query(..., min_length=1), db: Session = Depends(get_db)):
    rows = db.execute(text("SELECT id, full_name, grade FROM members WHERE full_name LIKE :q ORDER BY full_name"), {"q": q + "%"})
    return [dict(r._mapping) for r in rows]


@router.get("/report.csv", response_class=PlainTextResponse)
def members_report(fields: str = "full_name,email", db: Session = Depends(get_db)):
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    rows = reports.member_rows(db, wanted)
    return reports.to_csv(rows, wanted)


@router.get("/export.csv", response_class=PlainTextResponse)
def members_export(fields: str = "full_name,email", db: Session = Depends(get_db)):
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in reports.MEMBER_FIELDS]
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown fields: {unknown}")
    rows = reports.member_rows(db, wanted)
    return reports.to_csv(rows, wanted)


@router.get("/dues.csv", response_class=PlainTextResponse)
def dues_report(column: str = "dues_left", expr: Optional[str] = None, db: Session = Depends(get_db)):
    fields = ["full_name", "dues_paid", "joined"]
    rows = reports.member_rows(db, fields)
    formula = expr or reports.FORMULAS.get(column, "0")
    return reports.to_csv(reports.add_computed(rows, column, formula), fields + [column])


@router.get("/dues/summary.csv", response_class=PlainTextResponse)
def dues_summary(column: str = "dues_left", db: Session = Depends(get_db)):
    if column not in reports.FORMULAS:
        raise HTTPException(status_code=422, detail="unknown computed column")
    fields = ["full_name", "dues_paid", "joined"]
    rows = reports.member_rows(db, fields)
    return reports.to_csv(reports.add_computed(rows, column, reports.FORMULAS[column]), fields + [column])


@router.get("/directory")
def directory_search(q: str, directory: Directory = Depends(get_directory)):
    people = directory.search(f"(&(objectClass=inetOrgPerson)(|(cn=*{q}*)(mail=*{q}*)))")
    return [{"uid": p.uid, "name": p.cn} for p in people]


@router.get("/directory/names")
def directory_names(q: str, directory: Directory = Depends(get_directory)):
    if not re.fullmatch(r"[A-Za-z .'-]{2,40}", q):
        raise HTTPException(status_code=422, detail="letters, spaces, dots, apostrophes and hyphens only")
    people = directory.search(f"(&(objectClass=inetOrgPerson)(|(cn=*{q}*)(mail=*{q}*)))")
    return [{"uid": p.uid, "name": p.cn} for p in people]


@router.get("/{uid}/groups")
def member_groups(uid: str, directory: Directory = Depends(get_directory)) -> List[str]:
    return directory.groups_of(uid)


@router.get("/by-number/{number}/groups")
def member_groups_by_number(number: int, directory: Directory = Depends(get_directory)) -> List[str]:
    return directory.groups_of(str(number))


@router.get("/staff")
def staff_in_department(dept: str = "sci", directory: Directory = Depends(get_directory)):
    if dept not in DEPARTMENTS:
        log.info("unlisted department requested")
    people = directory.search(f"(&(objectClass=inetOrgPerson)(employeeType=staff)(ou={dept}))")
    return [{"uid": p.uid, "name": p.cn} for p in people]


@router.get("/staff/by-department")
def staff_by_department(dept: str = "sci", directory: Directory = Depends(get_directory)):
    ou = DEPARTMENTS.get(dept, "Science")
    people = directory.search(f"(&(objectClass=inetOrgPerson)(employeeType=staff)(ou={ou}))")
    return [{"uid": p.uid, "name": p.cn} for p in people]
