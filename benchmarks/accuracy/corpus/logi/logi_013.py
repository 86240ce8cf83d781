import json

from django.http import HttpResponse
import logging

logger = logging.getLogger(__name__)


def handler(request, value):

    data = "%s" % value
    logger.info("login attempt for %r", repr(data))
    return HttpResponse('ok')
