from django.views.decorators.csrf import csrf_protect
from django.http import HttpResponse

@csrf_protect
def transfer(request):
    return HttpResponse('ok')
