def view(response):
    # ruleid: secsdlc.python.misconfiguration.cookie-without-httponly
    response.set_cookie("sid", "x", secure=True, httponly=False)
    # ok: secsdlc.python.misconfiguration.cookie-without-httponly
    response.set_cookie("sid", "x", secure=True, httponly=True)


# ruleid: secsdlc.python.misconfiguration.cookie-without-httponly
SESSION_COOKIE_HTTPONLY = False
# ok: secsdlc.python.misconfiguration.cookie-without-httponly
SESSION_COOKIE_HTTPONLY = True
