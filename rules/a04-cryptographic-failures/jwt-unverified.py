import jwt


def claims(token, key):
    # ruleid: secsdlc.python.crypto.jwt-unverified
    jwt.decode(token, options={"verify_signature": False})
    # ruleid: secsdlc.python.crypto.jwt-unverified
    jwt.decode(token, key, algorithms=["HS256", "none"])
    # ok: secsdlc.python.crypto.jwt-unverified
    jwt.decode(token, key, algorithms=["HS256"])
    # ok: secsdlc.python.crypto.jwt-unverified
    jwt.get_unverified_header(token)
