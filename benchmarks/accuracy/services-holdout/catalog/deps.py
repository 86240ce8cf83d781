"""FastAPI dependencies: database connection, repository, current user."""
from __future__ import annotations

from typing import Iterator

import psycopg
from fastapi import Depends, HTTPException, Request

from .models import User
from .repository import ProductRepository
from .settings import Settings, get_settings


def get_db(settings: Settings = Depends(get_settings)) -> Iterator[psycopg.Connection]:
    conn = psycopg.connect(settings.database_url)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def get_repo(conn: psycopg.Connection = Depends(get_db)) -> ProductRepository:
    return ProductRepository(conn)


def get_current_user(request: Request, repo: ProductRepository = Depends(get_repo)) -> User:
    token = request.cookies.get("catalog_session")
    user = repo.user_for_session(token) if token else None
    if user is None:
        raise HTTPException(status_code=401, detail="not signed in")
    return user


def get_staff_user(user: User = Depends(get_current_user)) -> User:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="staff only")
    return user
