from django.http import JsonResponse

from .models import Profile


def nickname_taken(request):
    nick = request.GET.get("nick", "").strip()
    qs = Profile.objects.extra(where=[f"lower(nickname) = lower('{nick}')"])
    return JsonResponse({"taken": qs.exists()})


def nickname_suggestions(request):
    nick = request.GET.get("nick", "").strip()
    qs = Profile.objects.extra(where=["lower(nickname) LIKE lower(%s)"], params=[nick + "%"])
    return JsonResponse({"similar": [p.nickname for p in qs[:10]]})
