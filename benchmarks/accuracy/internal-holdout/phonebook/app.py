"""Intranet phone book and timesheets, a plain WSGI application."""
import base64
import hashlib
import html
import logging
import os
import re
import subprocess
from http.cookies import SimpleCookie
from urllib.parse import quote, urlsplit
from xml.dom import minidom, pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

import jinja2
import ldap
from lxml import etree

from phonebook import settings
from phonebook.lib import auth, db, pages, session
from phonebook.lib.request import Request

log = logging.getLogger("phonebook")

NOTICE_TEMPLATE = "<div class='notice'><h3>{{ title }}</h3><p>{{ msg }}</p></div>"


def html_response(start_response, body, status="200 OK", extra=None):
    headers = [("Content-Type", "text/html; charset=utf-8")] + list(extra or [])
    start_response(status, headers)
    return [body.encode("utf-8")]


def text_response(start_response, body, extra=None):
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff")]
    start_response("200 OK", headers + list(extra or []))
    return [body.encode("utf-8")]


# --- phone book ---------------------------------------------------------

def handle_search(req, start_response):
    name = req.param("name")
    rows = db.query("SELECT first_name, last_name, extension, dept FROM people WHERE last_name ILIKE '%s%%' ORDER BY last_name" % name)
    return html_response(start_response, pages.wrap("<table>" + pages.person_rows(rows) + "</table>"))


def handle_search_first(req, start_response):
    name = req.param("name")
    rows = db.query("SELECT first_name, last_name, extension, dept FROM people WHERE first_name ILIKE %s ORDER BY last_name", (name + "%",))
    return html_response(start_response, pages.wrap("<table>" + pages.person_rows(rows) + "</table>"))


def handle_directory(req, start_response):
    q = req.param("q")
    rows = db.query("SELECT first_name, last_name, extension, dept FROM people WHERE dept = %s", (q,))
    body = "<h2>Department: %s</h2><table>%s</table>" % (q, pages.person_rows(rows))
    return html_response(start_response, pages.wrap(body))


def handle_directory_export(req, start_response):
    q = req.param("q")
    rows = db.query("SELECT first_name, last_name, extension, dept FROM people WHERE dept = %s", (q,))
    body = "Department: %s\n" % q + "\n".join("\t".join(str(c) for c in r) for r in rows)
    return text_response(start_response, body)


def handle_not_found(req, start_response):
    body = "<h2>Not found</h2><p>No page at %s</p>" % req.environ.get("PATH_INFO", "")
    return html_response(start_response, pages.wrap(body), status="404 Not Found")


def handle_gone(req, start_response):
    body = "<h2>Gone</h2><p>%s was removed</p>" % html.escape(req.environ.get("PATH_INFO", ""))
    return html_response(start_response, pages.wrap(body), status="410 Gone")


def handle_ldap_lookup(req, start_response):
    uid = req.param("uid")
    conn = ldap.initialize(settings.LDAP_URL)
    results = conn.search_s(settings.LDAP_BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % uid, ["cn", "telephoneNumber"])
    return text_response(start_response, "\n".join(dn for dn, _ in results))


def handle_ldap_card(req, start_response):
    uid = req.param("uid")
    if not uid.isalnum():
        return text_response(start_response, "invalid uid")
    conn = ldap.initialize(settings.LDAP_URL)
    results = conn.search_s(settings.LDAP_BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % uid, ["cn", "telephoneNumber"])
    return text_response(start_response, "\n".join(dn for dn, _ in results))


def handle_orgchart(req, start_response):
    dept = req.param("dept")
    tree = etree.parse(settings.ORGCHART_XML)
    people = tree.xpath("//person[@dept='" + dept + "']/@name")
    return text_response(start_response, "\n".join(people))


def handle_orgchart_unit(req, start_response):
    unit = req.param("unit", "0")
    tree = etree.parse(settings.ORGCHART_XML)
    people = tree.xpath("//person[@unit='%d']/@name" % int(unit))
    return text_response(start_response, "\n".join(people))


# --- tools ----------------------------------------------------------------

def handle_print(req, start_response):
    printer = req.param("printer", settings.PRINTERS[0])
    doc = "%s/%d.pdf" % (settings.ATTACH_DIR, int(req.param("doc", "0")))
    out = os.popen("lpr -P %s %s 2>&1" % (printer, doc)).read()
    return text_response(start_response, out or "queued")


def handle_print_label(req, start_response):
    printer = req.param("printer", settings.PRINTERS[0])
    if printer not in settings.PRINTERS:
        return text_response(start_response, "unknown printer")
    doc = "%s/%d.pdf" % (settings.ATTACH_DIR, int(req.param("doc", "0")))
    out = os.popen("lpr -P %s %s 2>&1" % (printer, doc)).read()
    return text_response(start_response, out or "queued")


def handle_nslookup(req, start_response):
    host = req.param("host")
    if not re.match(r"^[\w.-]+", host):
        return text_response(start_response, "invalid host name")
    p = subprocess.Popen("nslookup " + host, shell=True, stdout=subprocess.PIPE)
    return text_response(start_response, p.communicate()[0].decode())


def handle_dig(req, start_response):
    host = req.param("host")
    if not re.match(r"^[\w.-]+$", host):
        return text_response(start_response, "invalid host name")
    p = subprocess.Popen("dig +short " + host, shell=True, stdout=subprocess.PIPE)
    return text_response(start_response, p.communicate()[0].decode())


def handle_attachment(req, start_response):
    f = req.param("f")
    with open(os.path.join(settings.ATTACH_DIR, f), "rb") as fh:
        data = fh.read()
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [data]


def handle_attachment_by_id(req, start_response):
    f = req.param("id")
    if not f.isdigit():
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    with open(os.path.join(settings.ATTACH_DIR, f + ".dat"), "rb") as fh:
        data = fh.read()
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [data]


def handle_notice(req, start_response):
    title = req.param("title", "Notice")
    body = jinja2.Environment(autoescape=True).from_string("<div class='notice'><h3>" + title + "</h3>{{ msg }}</div>").render(msg=req.param("msg"))
    return html_response(start_response, pages.wrap(body))


def handle_notice_fixed(req, start_response):
    title = req.param("title", "Notice")
    body = jinja2.Environment(autoescape=True).from_string(NOTICE_TEMPLATE).render(title=title, msg=req.param("msg"))
    return html_response(start_response, pages.wrap(body))


def handle_timesheet_import(req, start_response):
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    doc = pulldom.parseString(req.raw_body().decode("utf-8"), parser=parser)
    hours = 0
    for event, node in doc:
        if event == pulldom.START_ELEMENT and node.tagName == "entry":
            hours += int(node.getAttribute("hours") or 0)
    return text_response(start_response, "imported %d hours" % hours)


def handle_timesheet_check(req, start_response):
    doc = minidom.parseString(req.raw_body())
    hours = sum(int(e.getAttribute("hours") or 0) for e in doc.getElementsByTagName("entry"))
    return text_response(start_response, "%d hours" % hours)


# --- headers --------------------------------------------------------------

def handle_download(req, start_response):
    name = req.param("name", "export")
    data = db.query("SELECT body FROM exports WHERE name = %s", (name,))
    start_response("200 OK", [("Content-Type", "text/csv"), ("Content-Disposition", "attachment; filename=%s.csv" % name)])
    return [data[0][0].encode() if data else b""]


def handle_download_quoted(req, start_response):
    name = req.param("name", "export")
    data = db.query("SELECT body FROM exports WHERE name = %s", (name,))
    start_response("200 OK", [("Content-Type", "text/csv"), ("Content-Disposition", "attachment; filename=%s.csv" % quote(name))])
    return [data[0][0].encode() if data else b""]


def handle_language(req, start_response):
    lang = req.param("lang", "en")
    return html_response(start_response, pages.wrap("<p>ok</p>"), extra=[("Content-Language", lang)])


def handle_language_pref(req, start_response):
    lang = req.param("lang", "en")
    if lang not in settings.LANGUAGES:
        lang = "en"
    return html_response(start_response, pages.wrap("<p>ok</p>"), extra=[("Content-Language", lang)])


def handle_last_search(req, start_response):
    q = req.param("q")
    return html_response(start_response, pages.wrap("<p>saved</p>"), extra=[("Set-Cookie", "pb_last=%s; Path=/" % q)])


def handle_last_search_encoded(req, start_response):
    q = base64.urlsafe_b64encode(req.param("q").encode("utf-8")).decode("ascii")
    return html_response(start_response, pages.wrap("<p>saved</p>"), extra=[("Set-Cookie", "pb_last=%s; Path=/" % q)])


# --- login, session ---------------------------------------------------------

def _check_password(user, password):
    row = db.query_one("SELECT pw FROM users WHERE login = %s AND active", (user,))
    if row is None or "$" not in row[0]:
        return False
    salt, digest = row[0].split("$", 1)
    return auth.verify(password, salt, digest)


def handle_login(req, start_response):
    if not _check_password(req.param("user"), req.param("password")):
        return html_response(start_response, pages.wrap("<p>Login failed</p>"), status="401 Unauthorized")
    sid = session.new_session_id()
    db.execute("INSERT INTO sessions (sid, login, data) VALUES (%s, %s, '{}')", (sid, req.param("user")))
    return html_response(start_response, pages.wrap("<p>Welcome</p>"), extra=[session.cookie_header(sid)])


def handle_sso_login(req, start_response):
    if not _check_password(req.param("user"), req.param("password")):
        return html_response(start_response, pages.wrap("<p>Login failed</p>"), status="401 Unauthorized")
    sid = session.new_session_id()
    db.execute("INSERT INTO sessions (sid, login, data) VALUES (%s, %s, '{}')", (sid, req.param("user")))
    return html_response(start_response, pages.wrap("<p>Welcome</p>"), extra=[session.cookie_header(sid, secure=True, httponly=True)])


def handle_remember_me(req, start_response):
    sid = req.cookie(session.COOKIE_NAME)
    if not session.load(sid):
        return html_response(start_response, pages.wrap("<p>Please log in</p>"), status="401 Unauthorized")
    token = session.new_session_id()
    db.execute("INSERT INTO remember_tokens (token, sid) VALUES (%s, %s)", (token, sid))
    c = SimpleCookie()
    c["pb_remember"] = token
    c["pb_remember"]["max-age"] = 90 * 86400
    c["pb_remember"]["path"] = "/"
    return html_response(start_response, pages.wrap("<p>Remembered</p>"), extra=[("Set-Cookie", c["pb_remember"].OutputString())])


def handle_theme(req, start_response):
    theme = "dark" if req.param("theme") == "dark" else "light"
    c = SimpleCookie()
    c["pb_theme"] = theme
    c["pb_theme"]["max-age"] = 365 * 86400
    c["pb_theme"]["path"] = "/"
    return html_response(start_response, pages.wrap("<p>Theme saved</p>"), extra=[("Set-Cookie", c["pb_theme"].OutputString())])


def handle_set_department(req, start_response):
    sid = req.cookie(session.COOKIE_NAME)
    data = session.load(sid)
    data["dept"] = req.param("dept")
    session.save(sid, data)
    return html_response(start_response, pages.wrap("<p>Department saved</p>"))


def handle_set_department_checked(req, start_response):
    sid = req.cookie(session.COOKIE_NAME)
    data = session.load(sid)
    dept = req.param("dept")
    if dept in settings.DEPARTMENTS:
        data["dept"] = dept
    session.save(sid, data)
    return html_response(start_response, pages.wrap("<p>Department saved</p>"))


def handle_change_password(req, start_response):
    sid = req.cookie(session.COOKIE_NAME)
    user = session.load(sid).get("login")
    salt = os.urandom(8).hex()
    digest = hashlib.sha1((salt + req.param("new_password")).encode("utf-8")).hexdigest()
    db.execute("UPDATE users SET pw = %s WHERE login = %s", (salt + "$" + digest, user))
    return html_response(start_response, pages.wrap("<p>Password changed</p>"))


def handle_reset_password(req, start_response):
    token = req.param("token")
    row = db.query_one("SELECT login FROM reset_tokens WHERE token = %s AND expires > now()", (token,))
    if row is None:
        return html_response(start_response, pages.wrap("<p>Link expired</p>"), status="410 Gone")
    salt = os.urandom(16)
    digest = hashlib.scrypt(req.param("new_password").encode("utf-8"), salt=salt, n=2 ** 14, r=8, p=1).hex()
    db.execute("UPDATE users SET pw = %s WHERE login = %s", (salt.hex() + "$" + digest, row[0]))
    return html_response(start_response, pages.wrap("<p>Password changed</p>"))


def handle_logout(req, start_response):
    target = req.param("return_to", "/")
    target = target.replace("\r", "").replace("\n", "")
    start_response("302 Found", [("Location", target), session.cookie_header("", max_age=0)])
    return [b""]


def handle_logout_local(req, start_response):
    target = req.param("return_to", "/").replace("\r", "").replace("\n", "")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or "\\" in target or any(ch < " " for ch in target):
        target = "/"
    start_response("302 Found", [("Location", target), session.cookie_header("", max_age=0)])
    return [b""]


ROUTES = {
    "/search": handle_search, "/search/first": handle_search_first,
    "/directory": handle_directory, "/directory.txt": handle_directory_export,
    "/ldap/lookup": handle_ldap_lookup, "/ldap/card": handle_ldap_card,
    "/orgchart": handle_orgchart, "/orgchart/unit": handle_orgchart_unit,
    "/print": handle_print, "/print/label": handle_print_label,
    "/tools/nslookup": handle_nslookup, "/tools/dig": handle_dig,
    "/attachment": handle_attachment, "/attachment/id": handle_attachment_by_id,
    "/notice": handle_notice, "/notice/fixed": handle_notice_fixed,
    "/timesheets/import": handle_timesheet_import, "/timesheets/check": handle_timesheet_check,
    "/download": handle_download, "/download/quoted": handle_download_quoted,
    "/lang": handle_language, "/lang/pref": handle_language_pref,
    "/last-search": handle_last_search, "/last-search/encoded": handle_last_search_encoded,
    "/login": handle_login, "/sso/login": handle_sso_login,
    "/remember": handle_remember_me, "/theme": handle_theme,
    "/department": handle_set_department, "/department/checked": handle_set_department_checked,
    "/password": handle_change_password, "/password/reset": handle_reset_password,
    "/logout": handle_logout, "/logout/local": handle_logout_local,
    "/gone": handle_gone,
}


def application(environ, start_response):
    req = Request(environ)
    handler = ROUTES.get(req.path, handle_not_found)
    try:
        return handler(req, start_response)
    except Exception:
        log.exception("error in %s", req.path)
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [b"internal error"]
