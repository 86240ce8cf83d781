"""Message attachments."""
import os

from flask import request

from bench.web import bp

ATTACHMENTS = "/srv/bench/attachments"


class Attachment:
    """A stored attachment addressed by the name the client gave."""

    def __init__(self, name: str) -> None:
        self.name = name

    def location(self) -> str:
        return os.path.join(ATTACHMENTS, self.name)

    def flat_location(self) -> str:
        return os.path.join(ATTACHMENTS, os.path.basename(self.name))


@bp.route("/pathtraver/007/attachment")
def attachment():
    item = Attachment(request.args.get("name", ""))
    with open(item.location(), "rb") as fh:
        return fh.read()


@bp.route("/pathtraver/007/preview")
def attachment_preview():
    item = Attachment(request.args.get("name", ""))
    with open(item.flat_location(), "rb") as fh:
        return fh.read(4096)
