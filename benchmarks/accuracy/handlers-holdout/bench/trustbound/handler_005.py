"""Profile drafts."""
from flask import Flask, request, session


class ProfileDraft:
    """Unsaved profile edits held between requests."""

    def __init__(self, display_name: str, avatar_id: str) -> None:
        self.display_name = display_name
        self.avatar_id = avatar_id

    def keep(self, field: str) -> None:
        session["draft_" + field] = getattr(self, field)


def register(app: Flask) -> None:
    """Attach the draft routes."""

    @app.route("/trustbound/005/draft-name", methods=["POST"])
    def draft_name():
        draft = ProfileDraft(request.headers.get("X-Display-Name", ""), "0")
        draft.keep("display_name")
        return {"ok": True}

    @app.route("/trustbound/005/draft-avatar", methods=["POST"])
    def draft_avatar():
        draft = ProfileDraft("", str(int(request.headers.get("X-Avatar-Id", "0"))))
        draft.keep("avatar_id")
        return {"ok": True}
