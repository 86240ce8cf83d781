def view(response, opts):
    # ruleid: secsdlc.python.misconfiguration.insecure-cookie
    response.set_cookie("sid", "x")
    # ruleid: secsdlc.python.misconfiguration.insecure-cookie
    response.set_cookie("sid", "x", secure=False, httponly=True)
    # ok: secsdlc.python.misconfiguration.insecure-cookie
    response.set_cookie("sid", "x", secure=True, httponly=True, samesite="Lax")
    # ok: secsdlc.python.misconfiguration.insecure-cookie
    response.set_cookie("sid", "x", **opts)


# ruleid: secsdlc.python.misconfiguration.insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: secsdlc.python.misconfiguration.insecure-cookie
CSRF_COOKIE_SECURE = True
