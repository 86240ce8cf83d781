import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request):
    value = json.loads(request.body)["q"]
    items = [value, "safe"]
    data = items[1]
    logging.warning(f"bad search: {data}")
    return HttpResponse('ok')
