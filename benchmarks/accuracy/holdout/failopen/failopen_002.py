def has_permission(user, obj):
    try:
        return acl.check(user, obj)
    except Exception:
        return True
