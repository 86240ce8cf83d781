"""The Flask app. Routes live in create_app so tests can build a fresh one."""

import logging
import random
import re
import secrets
from urllib.parse import quote, urlparse

from flask import Flask, Response, abort, flash, g, jsonify, make_response, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.security import check_password_hash

from . import config, db, fetcher, search

log = logging.getLogger("linkjar")

PRESET_FILTERS = {
    "youtube": r"^https?://(www\.)?(youtube\.com|youtu\.be)/",
    "github": r"^https://github\.com/[^/]+/[^/]+",
    "pdf": r"\.pdf($|\?)",
}
LANDING_PAGES = ("index", "unread", "archive", "tags")


def _rows_to_json(rows):
    return [dict(r) for r in rows]


def create_app() -> Flask:
    app = Flask(__name__)
    app.secret_key = config.SECRET_KEY

    @app.teardown_appcontext
    def _close(exc):
        conn = g.pop("db", None)
        if conn is not None:
            conn.close()

    @app.route("/")
    def index():
        rows = db.query("SELECT id, url, title FROM bookmarks WHERE archived = 0 ORDER BY added DESC LIMIT ?", [config.PAGE_SIZE])
        return render_template("index.html", bookmarks=rows)

    @app.route("/api/tag")
    def tagged():
        tag = request.args.get("t", "").strip()
        return jsonify(_rows_to_json(db.query(search.by_tag(tag))))

    @app.route("/api/tag/v2")
    def tagged_v2():
        tag = request.args.get("t", "").strip()
        sql, params = search.by_tag_params(tag)
        return jsonify(_rows_to_json(db.query(sql, params)))

    @app.route("/api/list")
    def listing():
        order = request.args.get("sort", "added")
        page = request.args.get("page", 0, type=int)
        if "dir" in request.args:
            order = order + " " + request.args["dir"]
        return jsonify(_rows_to_json(db.query(search.listing(order, page, config.PAGE_SIZE))))

    @app.route("/api/list/sorted")
    def listing_sorted():
        order = request.args.get("sort", "added")
        if order not in search.SORTABLE:
            order = "added"
        descending = request.args.get("dir", "desc").lower() == "desc"
        order += " DESC" if descending else " ASC"
        page = request.args.get("page", 0, type=int)
        return jsonify(_rows_to_json(db.query(search.listing(order, page, config.PAGE_SIZE))))

    @app.route("/search")
    def fulltext():
        terms = request.args.get("q", "")
        if not terms:
            return redirect(url_for("index"))
        rows = db.query(search.fulltext(terms))
        return render_template("results.html", rows=rows, q=terms)

    @app.route("/search/v2")
    def fulltext_v2():
        terms = request.args.get("q", "")
        if not terms:
            return redirect(url_for("index"))
        sql, params = search.fulltext_params(terms)
        rows = db.query(sql, params)
        return render_template("results.html", rows=rows, q=terms)

    @app.route("/bookmarks/delete", methods=["POST"])
    def bulk_delete():
        ids = request.form.getlist("id")
        if not ids:
            flash("Nothing selected")
            return redirect(url_for("index"))
        db.execute("DELETE FROM bookmarks WHERE id IN (%s)" % ",".join(ids))
        return redirect(url_for("index"))

    @app.route("/bookmarks/archive", methods=["POST"])
    def bulk_archive():
        ids = request.form.getlist("id")
        if not ids:
            flash("Nothing selected")
            return redirect(url_for("index"))
        try:
            wanted = [str(int(i)) for i in ids]
        except ValueError:
            abort(400)
        db.execute("UPDATE bookmarks SET archived = 1 WHERE id IN (%s)" % ",".join(wanted))
        return redirect(url_for("index"))

    @app.route("/bookmarks", methods=["POST"])
    def add_bookmark():
        url = request.form["url"].strip()
        title = request.form.get("title") or fetcher.fetch_title(url) or url
        bookmark_id = db.insert_bookmark(url, title, request.form.get("tag", ""))
        return jsonify({"id": bookmark_id, "title": title}), 201

    @app.route("/preview")
    def preview():
        url = request.args.get("url", "")
        host = (urlparse(url).hostname or "").lower()
        if urlparse(url).scheme != "https" or host not in config.PREVIEW_HOSTS:
            return jsonify({"title": None, "reason": "preview not available for this site"})
        return jsonify({"title": fetcher.fetch_title(url)})

    @app.route("/icon")
    def favicon():
        domain = request.args.get("domain", "")
        data = fetcher.fetch_icon(f"https://{domain}/favicon.ico")
        return Response(data, mimetype="image/x-icon")

    @app.route("/icon/cached")
    def favicon_cached():
        domain = request.args.get("domain", "")
        data = fetcher.fetch_icon(config.ICON_SERVICE + quote(domain, safe="") + ".ico")
        return Response(data, mimetype="image/x-icon", headers={"Cache-Control": "max-age=86400"})

    @app.route("/settings/webhook/test", methods=["POST"])
    def webhook_test():
        target = request.form.get("webhook_url") or config.NOTIFY_WEBHOOK
        fetcher.notify(target, {"event": "test", "from": "linkjar"})
        return jsonify({"sent": True})

    @app.route("/settings/webhook/ping", methods=["POST"])
    def webhook_ping():
        payload = {"event": "ping", "note": request.form.get("note", "")[:200]}
        fetcher.notify(config.NOTIFY_WEBHOOK, payload)
        return jsonify({"sent": True})

    @app.route("/tags/<tag>")
    def tag_page(tag):
        rows = db.query("SELECT url, title FROM bookmarks WHERE tag = ?", [tag])
        items = "".join(f'<li><a href="/r/{r["url"]}">{escape(r["title"])}</a></li>' for r in rows)
        body = f"<h1>Tagged {tag}</h1><ul>{items}</ul>"
        return make_response(body)

    @app.route("/tags/<tag>/count")
    def tag_count(tag):
        row = db.query_one("SELECT COUNT(*) AS n FROM bookmarks WHERE tag = ?", [tag])
        body = "<p>%s bookmarks tagged <b>%s</b></p>" % (row["n"] if row else 0, escape(tag))
        return make_response(body)

    @app.route("/login", methods=["POST"])
    def login():
        name = request.form.get("name", "")
        user = db.query_one("SELECT id, pw FROM users WHERE name = ?", [name])
        if user is None or not check_password_hash(user["pw"], request.form.get("password", "")):
            flash("Wrong name or password")
            return redirect(url_for("index"))
        target = request.args.get("next") or url_for("index")
        return redirect(target)

    @app.route("/login/web", methods=["POST"])
    def login_web():
        name = request.form.get("name", "")
        user = db.query_one("SELECT id, pw FROM users WHERE name = ?", [name])
        if user is None or not check_password_hash(user["pw"], request.form.get("password", "")):
            flash("Wrong name or password")
            return redirect(url_for("index"))
        landing = request.args.get("next", "index")
        if landing not in LANDING_PAGES:
            landing = "index"
        return redirect(url_for(landing))

    @app.route("/bookmarks/<int:bookmark_id>/edit", methods=["POST"])
    def edit_bookmark(bookmark_id):
        db.execute("UPDATE bookmarks SET title = ?, tag = ? WHERE id = ?",
                   [request.form.get("title", ""), request.form.get("tag", ""), bookmark_id])
        back = request.form.get("return_to", "/")
        if not back.startswith("/"):
            back = "/"
        return redirect(back)

    @app.route("/bookmarks/<int:bookmark_id>/tag", methods=["POST"])
    def retag_bookmark(bookmark_id):
        db.execute("UPDATE bookmarks SET tag = ? WHERE id = ?", [request.form.get("tag", ""), bookmark_id])
        back = request.form.get("return_to", "/")
        if not back.startswith("/"):
            back = "/"
        return redirect(url_for("tag_page", tag=request.form.get("tag", "")) if back != "/" else url_for("index"))

    @app.route("/api/grep")
    def grep_titles():
        pattern = request.args.get("re", "")
        rows = db.query("SELECT id, url, title FROM bookmarks WHERE archived = 0")
        rx = re.compile(pattern, re.I)
        return jsonify([dict(r) for r in rows if rx.search(r["title"] or "")])

    @app.route("/api/find")
    def find_titles():
        words = request.args.get("q", "")
        rows = db.query("SELECT id, url, title FROM bookmarks WHERE archived = 0")
        rx = re.compile(re.escape(words), re.I)
        return jsonify([dict(r) for r in rows if rx.search(r["title"] or "")])

    @app.route("/api/filter", methods=["POST"])
    def filter_urls():
        body = request.get_json(force=True) or {}
        rule = body.get("rule") or PRESET_FILTERS["github"]
        rows = db.query("SELECT id, url FROM bookmarks")
        hits = [r["id"] for r in rows if re.search(rule, r["url"])]
        return jsonify(hits)

    @app.route("/api/filter/preset", methods=["POST"])
    def filter_preset():
        body = request.get_json(force=True) or {}
        rule = PRESET_FILTERS.get(body.get("preset", ""), PRESET_FILTERS["github"])
        rows = db.query("SELECT id, url FROM bookmarks")
        hits = [r["id"] for r in rows if re.search(rule, r["url"])]
        return jsonify(hits)

    @app.route("/session/remember", methods=["POST"])
    def remember_me():
        token = secrets.token_urlsafe(32)
        db.execute("UPDATE users SET token = ? WHERE name = ?", [token, request.form.get("name", "")])
        resp = make_response(redirect(url_for("index")))
        resp.set_cookie("lj_remember", token, max_age=60 * 60 * 24 * 90)
        return resp

    @app.route("/session/remember/v2", methods=["POST"])
    def remember_me_v2():
        token = secrets.token_urlsafe(32)
        db.execute("UPDATE users SET token = ? WHERE name = ?", [token, request.form.get("name", "")])
        resp = make_response(redirect(url_for("index")))
        resp.set_cookie("lj_remember", token, max_age=60 * 60 * 24 * 90, secure=True, httponly=True, samesite="Lax")
        return resp

    @app.route("/api/token", methods=["POST"])
    def new_api_token():
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        token = "lj_" + "".join(random.choice(alphabet) for _ in range(32))
        db.execute("UPDATE users SET token = ? WHERE name = ?", [token, request.form.get("name", "")])
        return jsonify({"token": token})

    @app.route("/api/surprise")
    def surprise_me():
        rows = db.query("SELECT id, url, title FROM bookmarks WHERE archived = 0")
        if not rows:
            return jsonify(None)
        pick = random.choice(rows)
        return jsonify({"id": pick["id"], "url": pick["url"], "title": pick["title"]})

    @app.route("/bookmarklet")
    def bookmarklet_hit():
        agent = request.headers.get("User-Agent", "-")
        url = request.args.get("u", "")
        log.info("bookmarklet save from %s", agent)
        return redirect(url_for("index", prefill=url))

    @app.route("/bookmarklet/v2")
    def bookmarklet_hit_v2():
        agent = request.headers.get("User-Agent", "-")
        url = request.args.get("u", "")
        log.info("bookmarklet save from %s", agent.replace("\r", "\\r").replace("\n", "\\n")[:120])
        return redirect(url_for("index", prefill=url))

    from .importer import bp as import_bp
    app.register_blueprint(import_bp)
    return app
