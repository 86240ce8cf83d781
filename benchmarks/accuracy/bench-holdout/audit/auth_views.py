import logging

from django.contrib.auth import authenticate, login
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def staff_login(request):
    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        logger.warning("failed staff login for %s", username)
        return JsonResponse({"error": "invalid credentials"}, status=401)
    login(request, user)
    return JsonResponse({"ok": True})


def partner_login(request):
    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        logger.warning("failed partner login for %r", username)
        return JsonResponse({"error": "invalid credentials"}, status=401)
    login(request, user)
    return JsonResponse({"ok": True})
