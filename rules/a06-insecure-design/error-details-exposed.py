import logging
import traceback

from django.http import JsonResponse
from flask import Flask

app = Flask(__name__)


@app.route("/run")
def run():
    try:
        return do_work()
    except Exception:
        # ruleid: secsdlc.python.design.error-details-exposed
        return traceback.format_exc(), 500


def api(request):
    try:
        return JsonResponse(compute())
    except ValueError as e:
        # ruleid: secsdlc.python.design.error-details-exposed
        return JsonResponse({"error": str(e)}, status=400)


def api_safe(request):
    try:
        return JsonResponse(compute())
    except ValueError as e:
        logging.warning("compute failed: %s", e)
        # ok: secsdlc.python.design.error-details-exposed
        return JsonResponse({"error": "invalid input"}, status=400)


def helper(value):
    try:
        return int(value)
    except ValueError as e:
        # ok: secsdlc.python.design.error-details-exposed
        return str(e)
