import json

import jsonpickle
from flask import jsonify, request

from .app import app
from .jobs import JobEnvelope


@app.route("/jobs/legacy", methods=["POST"])
def enqueue_legacy_job():
    job = JobEnvelope.from_bytes(request.get_data())
    return jsonify({"queued": job.kind})


@app.route("/jobs", methods=["POST"])
def enqueue_job():
    job = JobEnvelope.from_json(request.get_data())
    return jsonify({"queued": job.kind})


@app.route("/jobs/state", methods=["POST"])
def restore_job_state():
    state = jsonpickle.decode(request.get_data(as_text=True))
    return jsonify({"keys": sorted(state)})


@app.route("/jobs/state/peek", methods=["POST"])
def peek_job_state():
    state = json.loads(request.get_data(as_text=True))
    return jsonify({"keys": sorted(state)})
