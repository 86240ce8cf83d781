"""Small admin API: search, exports, bundles and API keys."""
import json
import logging
import os
import random
import re
import secrets

import jsonpickle
from fastapi import APIRouter, Cookie, Depends, Header, HTTPException, Request, Response

from .config import settings
from .repository import repo
from .schemas import ExportRequest, PasteBundle, PasteSearch, UserSearch
from .security import admin_token_ok, session_token

router = APIRouter()
log = logging.getLogger("snipbin.admin")

_sessions: set = set()


def require_admin(snip_admin: str = Cookie(""), x_admin_token: str = Header("")):
    if snip_admin in _sessions or admin_token_ok(x_admin_token, settings.admin_token):
        return True
    raise HTTPException(status_code=401)


@router.post("/login")
def login(response: Response, x_admin_token: str = Header("")):
    if not admin_token_ok(x_admin_token, settings.admin_token):
        raise HTTPException(status_code=401)
    token = session_token()
    _sessions.add(token)
    response.set_cookie("snip_admin", token, max_age=8 * 3600, path="/admin")
    return {"ok": True}


@router.post("/session/refresh", dependencies=[Depends(require_admin)])
def refresh_session(response: Response, snip_admin: str = Cookie("")):
    _sessions.discard(snip_admin)
    token = session_token()
    _sessions.add(token)
    response.set_cookie("snip_admin", token, max_age=8 * 3600, path="/admin", secure=True, httponly=True, samesite="strict")
    return {"ok": True}


@router.post("/search/pastes", dependencies=[Depends(require_admin)])
def search_pastes(query: PasteSearch):
    rows = repo.search("pastes", query.field, query.term)
    return [dict(r) for r in rows]


@router.post("/search/users", dependencies=[Depends(require_admin)])
def search_users(query: UserSearch):
    rows = repo.search("users", query.field, query.term)
    return [dict(r) for r in rows]


@router.post("/export", dependencies=[Depends(require_admin)])
def export_archive(req: ExportRequest):
    target = f"{settings.export_dir}/{req.name}.tar.gz"
    status = os.system(f"tar czf {target} -C {settings.data_dir} pastes")
    return {"ok": status == 0, "file": os.path.basename(target)}


@router.post("/backup", dependencies=[Depends(require_admin)])
def export_backup(req: ExportRequest):
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", req.name):
        raise HTTPException(status_code=422, detail="backup names are letters, digits, - and _")
    target = f"{settings.export_dir}/{req.name}.tar.gz"
    status = os.system(f"tar czf {target} -C {settings.data_dir} pastes")
    return {"ok": status == 0, "file": os.path.basename(target)}


@router.post("/bundle/restore", dependencies=[Depends(require_admin)])
async def restore_bundle(request: Request):
    bundle = jsonpickle.decode((await request.body()).decode())
    pastes = bundle.get("pastes", []) if isinstance(bundle, dict) else []
    return {"restored": len(pastes)}


@router.post("/snapshot/restore", dependencies=[Depends(require_admin)])
async def restore_snapshot(request: Request):
    bundle = PasteBundle.model_validate(json.loads(await request.body()))
    return {"restored": len(bundle.pastes)}


@router.post("/keys", dependencies=[Depends(require_admin)])
def new_api_key(owner: str):
    key = "%032x" % random.getrandbits(128)
    repo.save_api_key(owner, key)
    return {"owner": owner, "key": key}


@router.post("/keys/rotate", dependencies=[Depends(require_admin)])
def rotate_api_key(owner: str):
    key = secrets.token_hex(16)
    repo.save_api_key(owner, key)
    return {"owner": owner, "key": key}
