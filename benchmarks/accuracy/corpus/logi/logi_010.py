import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request):
    value = json.loads(request.body)["q"]
    data = "%s" % value
    logger.info("login attempt for " + data.replace("\n", "").replace("\r", ""))
    return HttpResponse('ok')
