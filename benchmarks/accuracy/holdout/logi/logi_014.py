import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request):
    value = request.META.get("HTTP_X_QUERY", "")
    data = "{}".format(value).strip()
    logger.info("login attempt for %r", repr(data))
    return HttpResponse('ok')
