import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request):
    value = json.loads(request.body)["q"]
    logger.info("login attempt for " + value)
    return HttpResponse('ok')
