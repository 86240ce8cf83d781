"""Shopper and staff sign-in, sign-up and cart sharing."""
from __future__ import annotations

import logging
import random
import secrets
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse

from ..deps import get_current_user, get_repo
from ..models import Credentials, User
from ..repository import ProductRepository
from ..services.security import fingerprint
from ..settings import Settings, get_settings

router = APIRouter(prefix="/auth", tags=["auth"])
log = logging.getLogger(__name__)
SESSION_TTL = 8 * 3600


@router.post("/signup", status_code=201)
def signup(body: Credentials, repo: ProductRepository = Depends(get_repo)):
    user_id = repo.create_user(body.email.lower(), fingerprint(body.password.encode("utf-8")))
    return {"id": user_id}


@router.put("/avatar")
async def upload_avatar(
    content: UploadFile = File(...),
    user: User = Depends(get_current_user),
    repo: ProductRepository = Depends(get_repo),
):
    data = await content.read()
    repo.save_avatar(user.id, fingerprint(data), data)
    return {"etag": fingerprint(data)}


@router.post("/login")
def login(body: Credentials, repo: ProductRepository = Depends(get_repo)):
    user_id = repo.check_login(body.email.lower(), body.password)
    if user_id is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    token = secrets.token_urlsafe(32)
    repo.save_session(user_id, token)
    response = JSONResponse({"ok": True})
    response.set_cookie("catalog_session", token, max_age=SESSION_TTL, httponly=True)
    return response


@router.post("/staff/login")
def staff_login(body: Credentials, repo: ProductRepository = Depends(get_repo)):
    user_id = repo.check_login(body.email.lower(), body.password)
    if user_id is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    token = secrets.token_urlsafe(32)
    repo.save_session(user_id, token)
    response = JSONResponse({"ok": True})
    response.set_cookie(
        "catalog_session", token, max_age=SESSION_TTL, httponly=True, secure=True, samesite="strict"
    )
    return response


@router.post("/cart/share")
def share_cart(user: User = Depends(get_current_user), repo: ProductRepository = Depends(get_repo)):
    token = "%032x" % random.getrandbits(128)
    repo.save_share(user.id, token)
    return {"url": f"/cart/shared/{token}"}


@router.get("/callback")
def sign_in_callback(return_to: str = "/"):
    if "example.com" not in return_to:
        return_to = "/"
    return RedirectResponse(url=return_to, status_code=302)


@router.get("/staff/callback")
def staff_sign_in_callback(return_to: str = "/", settings: Settings = Depends(get_settings)):
    parts = urlsplit(return_to)
    if parts.scheme != "https" or parts.netloc not in settings.public_hosts:
        return_to = "/"
    return RedirectResponse(url=return_to, status_code=302)


@router.get("/me")
def me(user: User = Depends(get_current_user)) -> dict[str, object]:
    return {"id": user.id, "email": user.email, "staff": user.is_staff}


@router.post("/logout")
def logout() -> JSONResponse:
    response = JSONResponse({"ok": True})
    response.delete_cookie("catalog_session")
    return response
