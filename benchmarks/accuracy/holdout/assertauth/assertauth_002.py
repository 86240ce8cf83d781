def admin_view(user):
    assert user.has_perm('app.change'), 'forbidden'
    return 'secret'
