"""Comment previews."""
import html

from flask import request

from bench.web import bp


@bp.route("/xss/011/comment", methods=["POST"])
def comment_preview():
    text = request.form.get("text", "")
    cleaned = text.replace("<script>", "").replace("</script>", "")
    return "<div class='comment'>" + cleaned + "</div>"


@bp.route("/xss/011/reply", methods=["POST"])
def reply_preview():
    text = request.form.get("text", "")
    cleaned = html.escape(text).replace("\n", "<br>")
    return "<div class='reply'>" + cleaned + "</div>"
