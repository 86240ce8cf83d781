from django.http import JsonResponse

from .models import Profile


def profiles_in_city(request):
    city = request.GET.get("city", "")
    people = Profile.objects.raw(
        "SELECT id, display_name FROM profiles_profile WHERE city = '%s' ORDER BY display_name" % city
    )
    return JsonResponse({"results": [p.display_name for p in people]})


def profiles_near_city(request):
    city = request.GET.get("city", "")
    people = Profile.objects.raw(
        "SELECT id, display_name FROM profiles_profile WHERE city = %s ORDER BY display_name", [city]
    )
    return JsonResponse({"results": [p.display_name for p in people]})
