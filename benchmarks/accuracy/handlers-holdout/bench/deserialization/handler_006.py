"""Wizard state carried between steps."""
import base64
import pickle

from flask import Flask, request

STARTING_STATES = {
    "welcome": pickle.dumps({"step": 1, "answers": {}}),
    "billing": pickle.dumps({"step": 3, "answers": {}}),
}


class WizardState:
    """Serialized wizard progress."""

    def __init__(self, blob: bytes) -> None:
        self.blob = blob

    def restore(self) -> dict:
        return pickle.loads(self.blob)


def register(app: Flask) -> None:
    """Attach the wizard routes."""

    @app.route("/deserialization/006/resume")
    def resume_wizard():
        state = WizardState(base64.b64decode(request.headers.get("X-Wizard-State", "")))
        return {"step": state.restore().get("step")}

    @app.route("/deserialization/006/start")
    def start_wizard():
        entry = request.headers.get("X-Wizard-Entry", "welcome")
        state = WizardState(STARTING_STATES.get(entry, STARTING_STATES["welcome"]))
        return {"step": state.restore().get("step")}
