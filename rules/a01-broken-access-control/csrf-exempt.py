from django.views.decorators.csrf import csrf_exempt, csrf_protect
from flask import Flask

app = Flask(__name__)


# ruleid: secsdlc.python.access-control.csrf-exempt
@csrf_exempt
def transfer(request):
    return "ok"


# ok: secsdlc.python.access-control.csrf-exempt
@csrf_protect
def transfer_safe(request):
    return "ok"


# ruleid: secsdlc.python.access-control.csrf-exempt
app.config["WTF_CSRF_ENABLED"] = False
# ok: secsdlc.python.access-control.csrf-exempt
app.config["WTF_CSRF_ENABLED"] = True
