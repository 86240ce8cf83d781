"""HTML pages of the wiki."""
from __future__ import annotations

import logging
import os

import bleach
import markdown
from flask import Flask, abort, redirect, render_template_string, request, session, url_for
from markupsafe import escape
from werkzeug.utils import secure_filename

from . import settings
from .decorators import with_store
from .storage import PageStore
from .wrappers import WikiRequest

log = logging.getLogger(__name__)

PAGE_LAYOUT = """<!doctype html>
<html><head><title>{{ title }} - Wiki</title></head>
<body><main>{{ body|safe }}</main><footer>%s</footer></body></html>"""


def init_app(app: Flask) -> None:
    store = PageStore(settings.PAGE_ROOT)

    @app.route("/raw")
    def raw_page():
        name = WikiRequest(request).page_name()
        return store.read_raw(name), 200, {"Content-Type": "text/plain; charset=utf-8"}

    @app.route("/source")
    def page_text():
        name = secure_filename(WikiRequest(request).page_name())
        if not name:
            abort(404)
        return store.read_raw(name), 200, {"Content-Type": "text/plain; charset=utf-8"}

    @app.route("/attachments", methods=["POST"])
    def upload_attachment():
        upload = request.files["file"]
        upload.save(os.path.join(settings.ATTACHMENT_ROOT, upload.filename))
        return redirect(url_for("page_text", page=request.form.get("page", "Home")))

    @app.route("/attachments/images", methods=["POST"])
    def upload_image():
        upload = request.files["file"]
        filename = secure_filename(upload.filename or "")
        if not filename.lower().endswith((".png", ".jpg", ".gif")):
            abort(400)
        upload.save(os.path.join(settings.ATTACHMENT_ROOT, filename))
        return redirect(url_for("page_text", page=request.form.get("page", "Home")))

    @app.route("/history/<name>")
    @with_store
    def history(pages: PageStore, name: str):
        html = "<h1>History of " + name + "</h1><ul>"
        for stamp, author in pages.history(secure_filename(name)):
            html += f"<li>{escape(stamp)} by {escape(author)}</li>"
        html += "</ul>"
        return html

    @app.route("/history/<name>/authors")
    @with_store
    def history_authors(pages: PageStore, name: str):
        html = "<h1>Authors of " + str(escape(name)) + "</h1><ul>"
        for author in sorted({a for _s, a in pages.history(secure_filename(name))}):
            html += f"<li>{escape(author)}</li>"
        html += "</ul>"
        return html

    @app.route("/preview", methods=["POST"])
    def preview():
        text = request.values.get("text", "")
        return markdown.markdown(text, extensions=["tables", "fenced_code"])

    @app.route("/preview/clean", methods=["POST"])
    def preview_clean():
        text = request.values.get("text", "")
        return bleach.clean(markdown.markdown(text, extensions=["tables"]), tags=settings.ALLOWED_TAGS)

    @app.route("/view")
    def view_page():
        name = secure_filename(request.args.get("page", "Home"))
        footer = request.args.get("footer", "")
        body = markdown.markdown(store.read_raw(name + ".md"))
        return render_template_string(PAGE_LAYOUT % footer, title=name, body=bleach.clean(body))

    @app.route("/view/print")
    def print_page():
        name = secure_filename(request.args.get("page", "Home"))
        footer = request.args.get("footer", "")
        body = markdown.markdown(store.read_raw(name + ".md"))
        layout = PAGE_LAYOUT % "{{ footer }}"
        return render_template_string(layout, title=name, body=bleach.clean(body), footer=footer)

    @app.route("/edit/done")
    def edit_done():
        return redirect(request.values.get("return_to") or url_for("view_page"))

    @app.route("/edit/continue")
    def edit_continue():
        page = request.values.get("return_to") or "Home"
        return redirect(url_for("view_page", page=page))

    @app.route("/whoami", methods=["POST"])
    def whoami():
        session["editor"] = WikiRequest(request).editor()
        return redirect(url_for("view_page"))

    @app.route("/locale", methods=["POST"])
    def set_locale():
        locale = request.form.get("locale", "en")
        session["locale"] = locale if locale in settings.SUPPORTED_LOCALES else "en"
        return redirect(url_for("view_page"))

    @app.route("/export", methods=["POST"])
    def export_page():
        name = secure_filename(request.form.get("page", "Home"))
        target = settings.EXPORT_ROOT / request.form.get("filename", f"{name}.html")
        target.write_text(markdown.markdown(store.read_raw(name + ".md")), encoding="utf-8")
        return {"written": target.name}

    @app.route("/export/archive", methods=["POST"])
    def export_archive():
        name = secure_filename(request.form.get("page", "Home"))
        root = settings.EXPORT_ROOT.resolve()
        target = (root / request.form.get("filename", f"{name}.html")).resolve()
        if not target.is_relative_to(root):
            abort(400)
        target.write_text(markdown.markdown(store.read_raw(name + ".md")), encoding="utf-8")
        return {"written": target.name}
