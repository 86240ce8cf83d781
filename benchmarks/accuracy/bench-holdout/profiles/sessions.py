import secrets

from django.contrib.auth import authenticate, login
from django.http import HttpResponseRedirect, JsonResponse

COOKIE_OPTS = {"secure": True, "httponly": True, "samesite": "Strict"}


def remember_me_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return JsonResponse({"error": "invalid credentials"}, status=401)
    login(request, user)
    response = HttpResponseRedirect("/profiles/me")
    token = secrets.token_urlsafe(32)
    response.set_cookie("remember_token", token, max_age=30 * 24 * 3600)
    return response


def token_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return JsonResponse({"error": "invalid credentials"}, status=401)
    login(request, user)
    response = HttpResponseRedirect("/profiles/me")
    token = secrets.token_urlsafe(32)
    response.set_cookie("remember_token", token, max_age=30 * 24 * 3600, secure=True, httponly=True)
    return response


def api_token_cookie(request):
    response = JsonResponse({"ok": True})
    response.set_cookie("auth_token", secrets.token_hex(24), httponly=True)
    return response


def api_token_cookie_strict(request):
    response = JsonResponse({"ok": True})
    response.set_cookie("auth_token", secrets.token_hex(24), **COOKIE_OPTS)
    return response
