"""HTTP API and pages."""
import hashlib
import logging
import os
import re
import secrets
import time
from urllib.parse import urlparse

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from jinja2 import Environment, Template

from . import admin, fetchers, highlight
from .config import settings
from .repository import repo
from .schemas import AbuseReport, ExtendRequest, ImportRequest, PasteIn, PasteOut
from .security import arithmetic_seconds, new_salt, short_id

log = logging.getLogger("snipbin")
app = FastAPI(title="snipbin")
app.include_router(admin.router, prefix="/admin")

_title_env = Environment()
TITLE_TEMPLATE = Template("{{ title }} - snipbin")


def _paste_or_404(paste_id: str):
    row = repo.get(paste_id)
    if row is None:
        raise HTTPException(status_code=404, detail="paste not found")
    return row


def _store(body: PasteIn, private: bool, paste_id: str, expires_at: float, password_hash=None) -> PasteOut:
    if len(body.content.encode()) > settings.max_paste_bytes:
        raise HTTPException(status_code=413, detail="paste too large")
    repo.insert(paste_id, {
        "title": body.title[:200], "language": body.language, "content": body.content,
        "expires_at": expires_at, "password_hash": password_hash, "private": int(private),
    })
    return PasteOut(id=paste_id, title=body.title, language=body.language, url=f"https://{settings.public_host}/p/{paste_id}")


@app.get("/healthz")
def healthz():
    return {"ok": True, "time": time.time()}


@app.get("/api/pastes/{paste_id}")
def get_paste(paste_id: str):
    row = _paste_or_404(paste_id)
    if row["password_hash"]:
        raise HTTPException(status_code=403, detail="paste is password protected")
    return {"id": row["id"], "title": row["title"], "language": row["language"], "content": row["content"]}


@app.get("/p/{paste_id}/raw")
def raw_paste(paste_id: str):
    row = _paste_or_404(paste_id)
    if row["password_hash"]:
        raise HTTPException(status_code=403, detail="paste is password protected")
    return PlainTextResponse(row["content"], headers={"X-Content-Type-Options": "nosniff"})


@app.get("/api/stats")
def stats():
    recent = repo.recent(100)
    languages: dict = {}
    for row in recent:
        languages[row["language"]] = languages.get(row["language"], 0) + 1
    return {"recent": len(recent), "languages": languages}


@app.get("/api/pastes")
def list_recent(limit: int = Query(20, le=100)):
    return [dict(r) for r in repo.recent(limit)]


@app.get("/api/pastes/by-language")
def list_by_language(lang: str = "python"):
    return [dict(r) for r in repo.by_language(lang)]


@app.post("/api/pastes", response_model=PasteOut)
def create_paste(body: PasteIn):
    seconds = eval(body.expires_in)
    return _store(body, private=False, paste_id=short_id(), expires_at=time.time() + int(seconds))


@app.post("/api/pastes/{paste_id}/extend")
def extend_paste(paste_id: str, body: ExtendRequest):
    _paste_or_404(paste_id)
    try:
        seconds = arithmetic_seconds(body.expires_in)
    except (SyntaxError, ValueError):
        raise HTTPException(status_code=422, detail="expires_in must be arithmetic on whole seconds")
    repo.set_expiry(paste_id, time.time() + seconds)
    return {"ok": True}


@app.post("/api/pastes/private", response_model=PasteOut)
def create_private_paste(body: PasteIn):
    """Private pastes are unlisted: only people with the link can read them."""
    paste_id = short_id(12)
    return _store(body, private=True, paste_id=paste_id, expires_at=time.time() + 86400)


@app.post("/api/pastes/public", response_model=PasteOut)
def create_public_paste(body: PasteIn):
    """Public pastes appear on the front page and in /api/pastes."""
    paste_id = short_id(8)
    return _store(body, private=False, paste_id=paste_id, expires_at=time.time() + 86400)


@app.post("/api/pastes/protected", response_model=PasteOut)
def create_protected_paste(body: PasteIn):
    if not body.password:
        raise HTTPException(status_code=422, detail="password required")
    digest = hashlib.sha256(body.password.encode()).hexdigest()
    return _store(body, private=True, paste_id=secrets.token_urlsafe(9), expires_at=time.time() + 86400, password_hash=digest)


@app.post("/api/pastes/locked", response_model=PasteOut)
def create_locked_paste(body: PasteIn):
    if not body.password:
        raise HTTPException(status_code=422, detail="password required")
    salt = new_salt()
    digest = hashlib.scrypt(body.password.encode(), salt=salt, n=2**14, r=8, p=1).hex()
    return _store(body, private=True, paste_id=secrets.token_urlsafe(9), expires_at=time.time() + 86400,
                  password_hash=f"scrypt${salt.hex()}${digest}")


@app.get("/p/{paste_id}/highlighted", response_class=HTMLResponse)
def render_highlighted(paste_id: str, style: str = highlight.DEFAULT_STYLE):
    row = _paste_or_404(paste_id)
    return HTMLResponse(highlight.pygmentize(row["content"], row["language"], style))


@app.get("/p/{paste_id}/as/{lexer}", response_class=HTMLResponse)
def render_with_lexer(paste_id: str, lexer: str):
    row = _paste_or_404(paste_id)
    if lexer not in highlight.ALLOWED_LEXERS:
        raise HTTPException(status_code=400, detail="unknown lexer")
    return HTMLResponse(highlight.pygmentize(row["content"], lexer))


@app.get("/api/highlight", response_class=HTMLResponse)
def highlight_snippet(code: str, lang: str = "text"):
    return HTMLResponse(highlight.highlight_html(code, lang))


@app.get("/api/highlight/titled", response_class=HTMLResponse)
def highlight_titled(code: str, lang: str = "text", title: str = ""):
    fragment = f"<h3 class='snippet-title'>{title}</h3>" + highlight.highlight_html(code, lang)
    return HTMLResponse(fragment)


@app.exception_handler(404)
async def not_found_page(request: Request, exc):
    page = f"<h1>404</h1><p>Nothing lives at <code>{request.url.path}</code>.</p><a href='/'>Home</a>"
    return HTMLResponse(page, status_code=404)


@app.get("/gone/{paste_id}", response_class=HTMLResponse)
def missing_paste(paste_id: int):
    page = f"<h1>Gone</h1><p>Paste #{paste_id} has expired.</p><a href='/'>Home</a>"
    return HTMLResponse(page, status_code=410)


@app.get("/p/{paste_id}/title")
def paste_title(paste_id: str, fmt: str = "{{ title }} - snipbin"):
    row = _paste_or_404(paste_id)
    return {"title": _title_env.from_string(fmt).render(title=row["title"], language=row["language"])}


@app.get("/p/{paste_id}/heading")
def paste_heading(paste_id: str, suffix: str = ""):
    row = _paste_or_404(paste_id)
    return {"title": TITLE_TEMPLATE.render(title=row["title"] + suffix)}


@app.get("/p/{paste_id}/grep")
def grep_paste(paste_id: str, pattern: str):
    row = _paste_or_404(paste_id)
    hits = [m.start() for m in re.finditer(pattern, row["content"])]
    return {"offsets": hits[:500]}


@app.get("/p/{paste_id}/find")
def find_in_paste(paste_id: str, needle: str):
    row = _paste_or_404(paste_id)
    hits = [m.start() for m in re.finditer(re.escape(needle), row["content"])]
    return {"offsets": hits[:500]}


@app.post("/p/{paste_id}/report")
def report_abuse(paste_id: str, body: AbuseReport):
    _paste_or_404(paste_id)
    log.warning("abuse report for %s: %s", paste_id, body.reason)
    return {"received": True}


@app.post("/p/{paste_id}/flag")
def flag_paste(paste_id: str, body: AbuseReport):
    _paste_or_404(paste_id)
    summary = (body.reason.splitlines() or [""])[0][:200]
    log.warning("flag for %s: %s", paste_id, summary)
    return {"received": True}


@app.get("/raw/{paste_id}")
def raw_file(paste_id: int):
    path = os.path.join(settings.data_dir, "archive", f"{paste_id}.txt")
    if not os.path.exists(path):
        raise HTTPException(status_code=404)
    return FileResponse(path, media_type="text/plain")


@app.get("/themes/{name:path}")
def theme_file(name: str):
    path = os.path.join(settings.themes_dir, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    return FileResponse(path)


@app.post("/api/import")
def import_from_url(body: ImportRequest):
    text = fetchers.fetch_text(body.url)
    return _store(PasteIn(content=text, language=body.language), private=False, paste_id=short_id(), expires_at=time.time() + 86400)


@app.post("/api/import/gist/{gist_id}")
def import_from_gist(gist_id: str):
    if not re.fullmatch(r"[0-9a-f]{1,40}", gist_id):
        raise HTTPException(status_code=422, detail="not a gist id")
    text = fetchers.fetch_text(f"https://gist.githubusercontent.com/raw/{gist_id}")
    return _store(PasteIn(content=text), private=False, paste_id=short_id(), expires_at=time.time() + 86400)


@app.post("/api/import/raw")
def import_raw(body: ImportRequest):
    if not body.url.startswith("https://raw.githubusercontent.com"):
        raise HTTPException(status_code=422, detail="only raw.githubusercontent.com is supported")
    text = fetchers.fetch_text(body.url)
    return _store(PasteIn(content=text, language=body.language), private=False, paste_id=short_id(), expires_at=time.time() + 86400)


@app.post("/api/import/repo")
def import_repo_file(body: ImportRequest):
    parsed = urlparse(body.url)
    if parsed.scheme != "https" or parsed.hostname not in settings.import_hosts:
        raise HTTPException(status_code=422, detail="host not supported")
    text = fetchers.fetch_text(body.url)
    return _store(PasteIn(content=text, language=body.language), private=False, paste_id=short_id(), expires_at=time.time() + 86400)


@app.get("/api/unfurl")
def unfurl(url: str):
    return {"url": url, "title": fetchers.page_title(url)}


@app.get("/api/embed")
def embed_info(url: str):
    return JSONResponse(fetchers.oembed(url))


@app.get("/s/{code}")
def follow_link(code: str):
    target = repo.link_target(code)
    if target is None:
        raise HTTPException(status_code=404)
    return RedirectResponse(target, status_code=301)


@app.get("/out")
def leave_site(to: str):
    host = urlparse(to).netloc
    if not host.endswith(settings.public_host):
        return PlainTextResponse("External links are not allowed here.", status_code=400)
    return RedirectResponse(to)


@app.get("/back")
def go_back(to: str = "/"):
    if urlparse(to).netloc != settings.public_host:
        to = "/"
    return RedirectResponse(to)
