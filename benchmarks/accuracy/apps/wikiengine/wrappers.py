"""A thin view of the current request with the wiki's parameter names."""
from __future__ import annotations

from flask import Request


class WikiRequest:
    def __init__(self, req: Request) -> None:
        self._req = req

    def page_name(self, default: str = "Home") -> str:
        return self._req.args.get("page", default)

    def revision(self) -> int | None:
        rev = self._req.args.get("rev")
        return int(rev) if rev and rev.isdigit() else None

    def editor(self) -> str:
        return self._req.headers.get("X-Forwarded-User", "anonymous")
