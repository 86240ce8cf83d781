"""Help pages."""
import os

from flask import abort, request

from bench import helpers
from bench.web import bp

TOPICS = ("billing.md", "shipping.md", "returns.md", "privacy.md")


@bp.route("/pathtraver/004/help")
def help_page():
    topic = request.values.get("topic", "billing.md")
    topic = topic.replace("../", "")
    return {"markdown": helpers.read_text(os.path.join(helpers.FILES_DIR, "help", topic))}


@bp.route("/pathtraver/004/faq")
def faq_page():
    topic = request.values.get("topic", "billing.md")
    if topic not in TOPICS:
        abort(404)
    return {"markdown": helpers.read_text(os.path.join(helpers.FILES_DIR, "faq", topic))}
