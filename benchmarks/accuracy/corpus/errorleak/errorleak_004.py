from django.http import JsonResponse

def api(request):
    try:
        return JsonResponse(compute())
    except ValueError:
        return JsonResponse({'error': 'invalid input'}, status=400)
