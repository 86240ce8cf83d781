from flask import Flask, request, make_response
from flask import redirect, url_for
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

app = Flask(__name__)


@app.route("/item", methods=["GET", "POST"])
def handler():
    value = request.values.get("q")
    resp = HttpResponseRedirect(value)
    return 'ok'
