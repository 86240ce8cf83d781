from django.http import HttpResponse

def view(request):
    resp = HttpResponse('ok')
    resp.delete_cookie('sid')
    return resp
