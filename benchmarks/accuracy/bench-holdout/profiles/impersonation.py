import secrets

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse


@staff_member_required
def start_impersonation(request, user_id):
    response = JsonResponse({"impersonating": user_id})
    response.set_cookie("impersonate_token", secrets.token_urlsafe(24), max_age=900, samesite="Lax")
    return response


@staff_member_required
def start_support_session(request, user_id):
    response = JsonResponse({"impersonating": user_id})
    response.set_signed_cookie(
        "impersonate_token", secrets.token_urlsafe(24), salt="support", max_age=900,
        secure=True, httponly=True, samesite="Lax",
    )
    return response
