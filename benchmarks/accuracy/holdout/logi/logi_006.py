import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request):
    value = request.COOKIES.get("q", "")
    data = f"{value}"
    logging.warning(f"bad search: {data}")
    return HttpResponse('ok')
