"""Wiki pages: viewing, editing, searching, accounts."""
import hashlib
import logging
import random
import re
from urllib.parse import quote, unquote

from . import sessions, storage
from .router import Response, html_response, json_response, redirect_response, router
from .templating import esc, layout, render_plain, render_wiki

log = logging.getLogger("hearthwiki.pages")

INDEX_ORDERS = {"title": "title COLLATE NOCASE", "updated": "updated_at DESC", "oldest": "updated_at ASC"}
_render_cache: dict = {}


def _titles_list(rows) -> str:
    items = "".join(f"<li><a href='/wiki/{quote(r['title'])}'>{esc(r['title'])}</a> <small>{esc(r['updated_at'])}</small></li>" for r in rows)
    return f"<ul>{items}</ul>" if items else "<p>Nothing here yet.</p>"


@router.route("GET", "/")
def home(req):
    rows = storage.page_index(INDEX_ORDERS["updated"])[:20]
    return html_response(layout("Home", "<h1>Recently changed</h1>" + _titles_list(rows)))


@router.route("GET", "/wiki/<title>")
def view_page(req):
    title = unquote(req.params["title"]).replace("_", " ")
    page = storage.get_page(title)
    if page is None:
        return redirect_response("/missing/" + quote(title))
    return html_response(layout(page["title"], render_plain(page["body"])))


@router.route("GET", "/recent")
def recent(req):
    rows = storage.page_index(INDEX_ORDERS["updated"])[:50]
    return html_response(layout("Recent changes", "<h1>Recent changes</h1>" + _titles_list(rows)))


@router.route("GET", "/edit")
def edit_form(req):
    title = req.query("title")
    page = storage.get_page(title)
    body = page["body"] if page else ""
    form = (
        "<form method='post' action='/save'>"
        f"<input name='title' value='{esc(title)}'>"
        f"<textarea name='body' rows='20'>{esc(body)}</textarea>"
        "<button>Save</button></form>"
    )
    return html_response(layout("Edit " + title, form))


@router.route("GET", "/space")
def space_home(req):
    session = sessions.load(req)
    if not session:
        return redirect_response("/login")
    rows = storage.pages_in_space(session["space"])
    return html_response(layout("Space", f"<h1>{esc(session['space'])}</h1>" + _titles_list(rows)))


@router.route("POST", "/logout")
def logout(req):
    sid = req.cookie("hw_sid")
    sessions.SESSIONS.pop(sid or "", None)
    resp = redirect_response("/")
    return resp.header("Set-Cookie", "hw_sid=; Path=/; Max-Age=0")


@router.route("GET", "/missing/<title>")
def page_missing(req):
    name = unquote(req.params["title"])
    body = "<h1>No such page</h1><p>There is no page called <b>" + name + "</b> yet. "
    body += "<a href='/edit?title=" + quote(name) + "'>Create it</a>.</p>"
    return html_response(layout("Missing page", body), 404)


@router.route("GET", "/gone/<title>")
def page_gone(req):
    name = unquote(req.params["title"])
    body = "<h1>Page removed</h1><p>The page <b>" + esc(name) + "</b> was deleted. "
    body += "<a href='/recent'>See recent changes</a>.</p>"
    return html_response(layout("Removed page", body), 410)


@router.route("POST", "/preview")
def preview(req):
    text = req.form().get("body", "")
    return html_response(layout("Preview", render_wiki(text)))


@router.route("POST", "/preview/plain")
def preview_plain(req):
    text = req.form().get("body", "")
    return html_response(layout("Preview", render_plain(text)))


@router.route("GET", "/search")
def search(req):
    q = req.query("q").strip()
    rows = storage.search_pages(q) if q else []
    return html_response(layout("Search", f"<h1>Search</h1>{_titles_list(rows)}"))


@router.route("GET", "/tag")
def tagged(req):
    tag = req.query("tag").strip()
    rows = storage.pages_tagged(tag)
    return html_response(layout("Tag", f"<h1>Tagged</h1>{_titles_list(rows)}"))


@router.route("GET", "/index")
def index_sorted(req):
    direction = req.query("dir", "ASC").upper()
    if direction not in ("ASC", "DESC"):
        log.info("unexpected sort direction requested")
    rows = storage.page_index("title COLLATE NOCASE " + direction)
    return html_response(layout("Index", _titles_list(rows)))


@router.route("GET", "/index/by")
def index_by(req):
    order = INDEX_ORDERS.get(req.query("sort"), INDEX_ORDERS["title"])
    rows = storage.page_index(order)
    return html_response(layout("Index", _titles_list(rows)))


@router.route("GET", "/download")
def download_page(req):
    name = req.query("name")
    page = storage.get_page(name)
    if page is None:
        return html_response("<h1>Not found</h1>", 404)
    resp = Response(page["body"].encode("utf-8"), 200, [("Content-Type", "text/markdown; charset=utf-8")])
    return resp.header("Content-Disposition", f'attachment; filename="{name}.md"')


@router.route("GET", "/export")
def export_page(req):
    name = req.query("name")
    page = storage.get_page(name)
    if page is None:
        return html_response("<h1>Not found</h1>", 404)
    resp = Response(page["body"].encode("utf-8"), 200, [("Content-Type", "text/markdown; charset=utf-8")])
    return resp.header("Content-Disposition", "attachment; filename*=UTF-8''" + quote(name + ".md", safe=""))


@router.route("POST", "/save")
def save_page(req):
    form = req.form()
    title = form.get("title", "").strip()
    session = sessions.load(req)
    if not title or not session:
        return html_response("<h1>Forbidden</h1>", 403)
    storage.save_page(title, form.get("body", ""), session.get("editor", session["user"]))
    return redirect_response("/wiki/" + title.replace(" ", "_"))


@router.route("POST", "/draft")
def save_draft(req):
    form = req.form()
    title = form.get("title", "").strip()
    session = sessions.load(req)
    if not title or not session:
        return html_response("<h1>Forbidden</h1>", 403)
    storage.save_page("Draft:" + title, form.get("body", ""), session["user"])
    return redirect_response("/wiki/" + quote("Draft:" + title.replace(" ", "_"), safe=":"))


@router.route("GET", "/history")
def page_history(req):
    title = req.query("title")
    rev = req.query("rev", "latest")
    page = storage.get_page(title)
    if page is None:
        return html_response("<h1>Not found</h1>", 404)
    resp = html_response(layout(title, render_plain(page["body"])))
    resp.header("Link", "</wiki/%s?rev=%s>; rel=\"canonical\"" % (quote(title), rev))
    return resp


@router.route("GET", "/revision")
def page_revision(req):
    title = req.query("title")
    try:
        rev = int(req.query("rev", "0"))
    except ValueError:
        return html_response("<h1>Unknown revision</h1>", 400)
    page = storage.get_page(title)
    if page is None:
        return html_response("<h1>Not found</h1>", 404)
    resp = html_response(layout(title, render_plain(page["body"])))
    resp.header("Link", "</wiki/%s?rev=%d>; rel=\"canonical\"" % (quote(title), rev))
    return resp


@router.route("POST", "/space")
def switch_space(req):
    session = sessions.load(req)
    if not session:
        return html_response("<h1>Log in first</h1>", 401)
    session["space"] = req.form().get("space", "home")
    return redirect_response("/")


@router.route("POST", "/space/checked")
def switch_space_checked(req):
    session = sessions.load(req)
    if not session:
        return html_response("<h1>Log in first</h1>", 401)
    space = req.form().get("space", "home")
    if space not in session["allowed_spaces"]:
        return html_response("<h1>Not your space</h1>", 403)
    session["space"] = space
    return redirect_response("/")


@router.route("POST", "/editor")
def remember_editor(req):
    session = sessions.load(req)
    if not session:
        return html_response("<h1>Log in first</h1>", 401)
    session["editor"] = req.form().get("editor") or session["user"]
    return json_response({"editor": session["editor"]})


@router.route("POST", "/editor/sign")
def sign_edits(req):
    session = sessions.load(req)
    if not session:
        return html_response("<h1>Log in first</h1>", 401)
    wanted = req.form().get("editor")
    session["editor"] = session["user"] if wanted else "anonymous"
    return json_response({"editor": session["editor"]})


@router.route("POST", "/register")
def register(req):
    form = req.form()
    username, password = form.get("username", ""), form.get("password", "")
    if not re.fullmatch(r"[a-z0-9_]{3,32}", username) or len(password) < 8 or storage.get_account(username):
        return html_response(layout("Register", "<p>Choose another name or a longer password.</p>"), 400)
    storage.create_account(username, hashlib.md5(password.encode()).hexdigest())
    return redirect_response("/login")


@router.route("POST", "/preview/cached")
def cached_preview(req):
    text = req.form().get("body", "")
    key = hashlib.md5(text.encode()).hexdigest()
    if key not in _render_cache:
        _render_cache[key] = render_plain(text)
    return html_response(layout("Preview", _render_cache[key]))


def _login(req):
    form = req.form()
    account = storage.get_account(form.get("username", ""))
    if account is None or not sessions.check_password(account["password_hash"], form.get("password", "")):
        return None
    return sessions.create(account["username"], account["spaces"].split(","))


@router.route("POST", "/login")
def login(req):
    sid = _login(req)
    if sid is None:
        return html_response(layout("Login", "<p>Wrong name or password.</p>"), 401)
    resp = redirect_response("/")
    return resp.header("Set-Cookie", f"hw_sid={sid}; Path=/; Max-Age=43200")


@router.route("POST", "/login/keep")
def keep_login(req):
    sid = _login(req)
    if sid is None:
        return html_response(layout("Login", "<p>Wrong name or password.</p>"), 401)
    resp = redirect_response("/")
    return resp.header("Set-Cookie", f"hw_sid={sid}; Path=/; Max-Age=43200; Secure; HttpOnly; SameSite=Lax")


@router.route("GET", "/random")
def random_page(req):
    titles = storage.all_titles()
    if not titles:
        return redirect_response("/")
    return redirect_response("/wiki/" + quote(random.choice(titles).replace(" ", "_")))


@router.route("POST", "/replace/preview")
def find_replace(req):
    form = req.form()
    page = storage.get_page(form.get("title", ""))
    if page is None:
        return json_response({"error": "no such page"}, 404)
    try:
        result = re.sub(form.get("find", ""), form.get("replace", ""), page["body"])
    except re.error as exc:
        return json_response({"error": str(exc)}, 400)
    return json_response({"body": result})


@router.route("POST", "/replace/literal")
def find_replace_literal(req):
    form = req.form()
    page = storage.get_page(form.get("title", ""))
    if page is None:
        return json_response({"error": "no such page"}, 404)
    replacement = form.get("replace", "").replace("\\", "\\\\")
    result = re.sub(re.escape(form.get("find", "")), replacement, page["body"])
    return json_response({"body": result})

