"""Login against the school directory, local accounts for guests, sessions."""

import hashlib
import os
import random
import secrets

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..db import get_db
from ..schemas import ClubSwitch, LoginIn, PinIn, RegisterIn
from ..services.directory import Directory, get_directory

router = APIRouter(prefix="/auth", tags=["auth"])

SESSION_TTL = 60 * 60 * 8


def _new_session(db: Session, uid: str) -> str:
    token = secrets.token_urlsafe(32)
    db.execute(text("INSERT INTO sessions (token, uid) VALUES (:t, :u)"), {"t": token, "u": uid})
    db.commit()
    return token


@router.post("/login")
def login(body: LoginIn, response: Response, db: Session = Depends(get_db), directory: Directory = Depends(get_directory)):
    person = directory.authenticate(body.username, body.password)
    if person is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    response.set_cookie("club_session", _new_session(db, person.uid), max_age=SESSION_TTL, secure=True, httponly=True, samesite="lax")
    return {"uid": person.uid, "name": person.cn}


@router.post("/login/directory")
def login_directory(body: LoginIn, response: Response, db: Session = Depends(get_db), directory: Directory = Depends(get_directory)):
    person = directory.authenticate_escaped(body.username, body.password)
    if person is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    response.set_cookie("club_session", _new_session(db, person.uid), max_age=SESSION_TTL, secure=True, httponly=True, samesite="lax")
    return {"uid": person.uid, "name": person.cn}


@router.post("/guest/login")
def guest_login(body: LoginIn, response: Response, db: Session = Depends(get_db)):
    row = db.execute(text("SELECT username, pw_salt, pw_hash FROM guests WHERE username = :u"), {"u": body.username}).first()
    if row is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    digest = hashlib.pbkdf2_hmac("sha256", body.password.encode(), bytes.fromhex(row.pw_salt), 600_000).hex()
    if not secrets.compare_digest(digest, row.pw_hash):
        raise HTTPException(status_code=401, detail="invalid credentials")
    response.set_cookie("club_session", _new_session(db, "guest:" + row.username), max_age=SESSION_TTL)
    return {"uid": row.username}


@router.post("/guest/signin")
def guest_signin(body: LoginIn, response: Response, db: Session = Depends(get_db)):
    row = db.execute(text("SELECT username, pw_salt, pw_hash FROM guests WHERE username = :u"), {"u": body.username}).first()
    if row is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    digest = hashlib.pbkdf2_hmac("sha256", body.password.encode(), bytes.fromhex(row.pw_salt), 600_000).hex()
    if not secrets.compare_digest(digest, row.pw_hash):
        raise HTTPException(status_code=401, detail="invalid credentials")
    response.set_cookie("club_session", _new_session(db, "guest:" + row.username), max_age=SESSION_TTL,
                        secure=True, httponly=True, samesite="strict")
    return {"uid": row.username}


@router.post("/guest/register", status_code=201)
def register_guest(body: RegisterIn, db: Session = Depends(get_db)):
    pw_hash = hashlib.sha256(body.password.encode()).hexdigest()
    db.execute(text("INSERT INTO guests (username, full_name, email, pw_salt, pw_hash) VALUES (:u, :n, :e, '', :h)"),
               {"u": body.username, "n": body.full_name, "e": body.email, "h": pw_hash})
    db.commit()
    return {"username": body.username}


@router.post("/guest/signup", status_code=201)
def signup_guest(body: RegisterIn, db: Session = Depends(get_db)):
    salt = os.urandom(16)
    pw_hash = hashlib.pbkdf2_hmac("sha256", body.password.encode(), salt, 600_000).hex()
    db.execute(text("INSERT INTO guests (username, full_name, email, pw_salt, pw_hash) VALUES (:u, :n, :e, :s, :h)"),
               {"u": body.username, "n": body.full_name, "e": body.email, "s": salt.hex(), "h": pw_hash})
    db.commit()
    return {"username": body.username}


@router.put("/kiosk/pin")
def set_kiosk_pin(body: PinIn, db: Session = Depends(get_db)):
    db.execute(text("UPDATE members SET kiosk_pin = :p WHERE id = :i"),
               {"p": hashlib.md5(body.pin.encode()).hexdigest(), "i": body.member_id})
    db.commit()
    return {"ok": True}


@router.put("/kiosk/pin/v2")
def set_kiosk_pin_v2(body: PinIn, db: Session = Depends(get_db)):
    salt = os.urandom(16)
    db.execute(text("UPDATE members SET kiosk_pin = :p WHERE id = :i"),
               {"p": salt.hex() + "$" + hashlib.scrypt(body.pin.encode(), salt=salt, n=2**14, r=8, p=1).hex(), "i": body.member_id})
    db.commit()
    return {"ok": True}


@router.post("/feeds/token")
def new_feed_token(request: Request, db: Session = Depends(get_db)):
    uid = request.session.get("uid")
    if not uid:
        raise HTTPException(status_code=401)
    token = "%016x" % random.getrandbits(64)
    db.execute(text("UPDATE members SET feed_token = :t WHERE uid = :u"), {"t": token, "u": uid})
    db.commit()
    return {"feed_url": f"/events/feed/{token}.ics"}


@router.post("/feeds/token/v2")
def rotate_feed_token(request: Request, db: Session = Depends(get_db)):
    uid = request.session.get("uid")
    if not uid:
        raise HTTPException(status_code=401)
    token = secrets.token_hex(16)
    db.execute(text("UPDATE members SET feed_token = :t WHERE uid = :u"), {"t": token, "u": uid})
    db.commit()
    return {"feed_url": f"/events/feed/{token}.ics"}


@router.post("/club")
def switch_club(body: ClubSwitch, request: Request):
    if not request.session.get("uid"):
        raise HTTPException(status_code=401)
    request.session["club"] = body.club
    return {"club": body.club}


@router.post("/club/v2")
def switch_club_v2(body: ClubSwitch, request: Request, db: Session = Depends(get_db)):
    uid = request.session.get("uid")
    if not uid:
        raise HTTPException(status_code=401)
    clubs = {r.club for r in db.execute(text("SELECT club FROM memberships WHERE uid = :u"), {"u": uid})}
    if body.club not in clubs:
        raise HTTPException(status_code=403, detail="not a member of that club")
    request.session["club"] = body.club
    return {"club": body.club}
