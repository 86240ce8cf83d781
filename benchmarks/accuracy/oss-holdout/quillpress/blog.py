"""Public pages: index, posts, tags, search, comments."""
import html
import logging
import re

from flask import (
    Blueprint, abort, current_app, flash, jsonify, make_response, redirect,
    render_template, render_template_string, request, url_for,
)
from markupsafe import Markup

from . import models
from .utils import clean_html, markdown_to_html, paginate, render_subject

bp = Blueprint("blog", __name__)
log = logging.getLogger("quillpress.blog")

OG_FORMATS = {
    "default": "{{ post.title }} | {{ site }}",
    "short": "{{ post.title }}",
    "dated": "{{ post.title }} ({{ post.created_at[:10] }}) | {{ site }}",
}

SHARE_CARD = """<div class="share-card">
  <h3>{{ post.title }}</h3>
  <p>{{ post.body[:140] }}</p>
  <a href="{{ url_for('blog.post', slug=post.slug, _external=True) }}">Read more</a>
</div>"""


@bp.route("/")
def index():
    limit, offset = paginate(request.args.get("page"), current_app.config["POSTS_PER_PAGE"])
    posts = models.recent_posts(limit, offset)
    return render_template("index.html", posts=posts)


@bp.route("/p/<slug>")
def post(slug):
    entry = models.get_post(slug)
    if entry is None:
        abort(404)
    return render_template("post.html", post=entry, body=Markup(clean_html(markdown_to_html(entry.body))))


@bp.route("/archive/<int:year>/<int:month>")
def archive_month(year, month):
    if not 1 <= month <= 12:
        abort(404)
    posts = models.posts_in_month(year, month)
    return render_template("archive.html", heading=f"{year}-{month:02d}", posts=posts)


@bp.route("/about")
def about():
    return render_template("about.html", site=current_app.config["SITE_NAME"])


@bp.route("/api/posts")
def api_posts():
    limit, offset = paginate(request.args.get("page"), current_app.config["POSTS_PER_PAGE"])
    return jsonify(posts=[{"slug": p.slug, "title": p.title, "created_at": p.created_at} for p in models.recent_posts(limit, offset)])


@bp.route("/tag/<tag>")
def tag_archive(tag):
    posts = models.posts_by_tag(tag)
    return render_template("archive.html", heading=f"Tagged {tag}", posts=posts)


@bp.route("/author/<int:author_id>")
def author_archive(author_id):
    posts = models.posts_by_author(author_id)
    return render_template("archive.html", heading="Posts by author", posts=posts)


@bp.route("/search/results")
def search_fragment():
    """htmx partial shown under the search box."""
    q = request.args.get("q", "").strip()
    titles = [t for t in models.all_titles() if q.lower() in t.lower()]
    if not titles:
        body = "<p class='empty'>No posts matching <b>" + q + "</b></p>"
    else:
        body = "<ul>" + "".join("<li>%s</li>" % html.escape(t) for t in titles[:10]) + "</ul>"
    return make_response(body)


@bp.route("/p/<slug>/missing")
def missing_post(slug):
    resp = make_response(
        "<h1>Not found</h1><p>There is no post called <code>%s</code> any more.</p>" % html.escape(slug), 404
    )
    return resp


@bp.route("/p/<slug>/comment", methods=["POST"])
def comment(slug):
    entry = models.get_post(slug) or abort(404)
    name = request.form.get("name", "Anonymous")[:80]
    models.add_comment(entry.id, name, request.form.get("body", ""))
    flash(Markup(f"Thanks <strong>{name}</strong>, your comment is awaiting moderation."))
    return redirect(url_for("blog.post", slug=slug))


@bp.route("/contact", methods=["POST"])
def contact():
    name = request.form.get("name", "")[:80]
    current_app.logger.info("contact form submitted")
    flash(Markup("Thanks <strong>{}</strong>, we will get back to you.").format(name))
    return redirect(url_for("blog.index"))


@bp.route("/preview", methods=["POST"])
def preview():
    text = request.form.get("body", "")
    rendered = Markup(markdown_to_html(text))
    return render_template("preview.html", body=rendered)


@bp.route("/p/<slug>/comment/preview", methods=["POST"])
def comment_preview(slug):
    text = request.form.get("body", "")
    rendered = Markup(clean_html(markdown_to_html(text)))
    return render_template("preview.html", body=rendered)


@bp.route("/p/<slug>/card")
def share_card(slug):
    entry = models.get_post(slug) or abort(404)
    via = request.args.get("via", "")
    tpl = SHARE_CARD
    if via:
        tpl = "<small>Shared via " + via + "</small>\n" + tpl
    return render_template_string(tpl, post=entry)


@bp.route("/p/<slug>/embed")
def share_embed(slug):
    entry = models.get_post(slug) or abort(404)
    via = request.args.get("via", "")
    tpl = SHARE_CARD
    if via:
        tpl = "<small>Shared via {{ via }}</small>\n" + tpl
    return render_template_string(tpl, post=entry, via=via)


@bp.route("/p/<slug>/og-title")
def og_title(slug):
    entry = models.get_post(slug) or abort(404)
    fmt = request.args.get("format", OG_FORMATS["default"])
    return jsonify(title=render_subject(fmt, post=entry, site=current_app.config["SITE_NAME"]))


@bp.route("/p/<slug>/og-title/<style>")
def og_title_styled(slug, style):
    entry = models.get_post(slug) or abort(404)
    fmt = OG_FORMATS.get(style, OG_FORMATS["default"])
    return jsonify(title=render_subject(fmt, post=entry, site=current_app.config["SITE_NAME"]))


@bp.route("/api/highlight")
def highlight():
    term = request.args.get("term", "")
    pattern = re.compile(term, re.IGNORECASE)
    hits = [t for t in models.all_titles() if pattern.search(t)]
    return jsonify(matches=hits[:20])


@bp.route("/api/suggest")
def title_suggest():
    term = request.args.get("term", "")
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    hits = [t for t in models.all_titles() if pattern.search(t)]
    return jsonify(matches=hits[:20])


@bp.route("/comments/<int:comment_id>/report", methods=["POST"])
def report_comment(comment_id):
    reason = request.form.get("reason", "unspecified")
    log.warning("comment %d reported: %s", comment_id, reason)
    return jsonify(ok=True)


@bp.route("/p/<slug>/flag", methods=["POST"])
def flag_post(slug):
    reason = request.form.get("reason", "unspecified")
    log.warning("post %s flagged: %r", slug[:60].encode("unicode_escape").decode("ascii"), reason)
    return jsonify(ok=True)
