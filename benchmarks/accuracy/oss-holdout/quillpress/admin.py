"""Admin area: tables of posts/comments and page previews for editors."""
import re
from functools import wraps

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request, session
from jinja2.sandbox import SandboxedEnvironment

from . import models

bp = Blueprint("admin", __name__)

POST_COLUMNS = ("id", "slug", "title", "status", "created_at")
COMMENT_COLUMNS = ("id", "post_id", "author_name", "status", "created_at")
COMMENT_SORTABLE = ("created_at", "author_name", "status", "post_id")

_sandbox = SandboxedEnvironment(autoescape=True)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not session.get("user_id"):
            abort(401)
        g.user_id = session["user_id"]
        return view(*args, **kwargs)
    return wrapped


def _direction():
    return "ASC" if request.args.get("dir") == "asc" else "DESC"


@bp.route("/")
@login_required
def dashboard():
    return render_template("admin/dashboard.html", posts=models.recent_posts(5))


@bp.route("/posts/<int:post_id>/publish", methods=["POST"])
@login_required
def publish_post(post_id):
    status = "published" if request.form.get("publish", "1") == "1" else "draft"
    models.set_status(post_id, status)
    return jsonify(id=post_id, status=status)


@bp.route("/comments/<int:comment_id>", methods=["DELETE"])
@login_required
def delete_comment(comment_id):
    models.delete_comment(comment_id)
    return ("", 204)


@bp.route("/posts")
@login_required
def posts_table():
    sort = request.args.get("sort", "created_at")
    if not re.match(r"[a-z_]+", sort):
        sort = "created_at"
    rows = models.admin_table("posts", POST_COLUMNS, sort, _direction())
    return render_template("admin/table.html", columns=POST_COLUMNS, rows=rows)


@bp.route("/comments")
@login_required
def comments_table():
    sort = request.args.get("sort", "created_at")
    if sort not in COMMENT_SORTABLE:
        sort = "created_at"
    rows = models.admin_table("comments", COMMENT_COLUMNS, sort, _direction())
    return render_template("admin/table.html", columns=COMMENT_COLUMNS, rows=rows)


@bp.route("/pages/preview", methods=["POST"])
@login_required
def page_preview():
    body = request.form.get("content", "")
    page = current_app.jinja_env.from_string(body)
    return jsonify(html=page.render(site=current_app.config["SITE_NAME"]))


@bp.route("/newsletter/preview", methods=["POST"])
@login_required
def newsletter_preview():
    body = request.form.get("content", "")
    letter = _sandbox.from_string(body)
    return jsonify(html=letter.render(site=current_app.config["SITE_NAME"], posts=[p.title for p in models.recent_posts(5)]))
