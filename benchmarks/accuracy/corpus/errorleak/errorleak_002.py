from django.http import JsonResponse

def api(request):
    try:
        return JsonResponse(compute())
    except ValueError as e:
        return JsonResponse({'error': str(e)}, status=400)
