import jwt


def verify_token(token, key):
    # ruleid: secsdlc.python.errors.fail-open
    try:
        jwt.decode(token, key, algorithms=["HS256"])
        return True
    except Exception:
        return True


def has_permission(user, obj):
    # ok: secsdlc.python.errors.fail-open
    try:
        return acl.check(user, obj)
    except Exception:
        return False


def load_settings(path):
    # ok: secsdlc.python.errors.fail-open
    try:
        read(path)
        return True
    except OSError:
        return True


def has_changed(initial, data):
    # ok: secsdlc.python.errors.fail-open
    try:
        data = to_python(data)
    except ValidationError:
        return True
    return initial != data


def check(config):
    # ok: secsdlc.python.errors.fail-open
    try:
        return config.db.dialect.supports_collation
    except NotImplementedError:
        return True


def is_admin(user):
    # ruleid: secsdlc.python.errors.fail-open
    try:
        return directory.lookup(user).admin
    except LookupError:
        return True
