from django.http import HttpResponse

def view(request):
    resp = HttpResponse('ok')
    resp.set_cookie('sid', 'x', secure=False, httponly=True)
    return resp
