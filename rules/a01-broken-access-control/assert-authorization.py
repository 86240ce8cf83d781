def delete(request, post):
    # ruleid: secsdlc.python.access-control.assert-authorization
    assert request.user.is_staff, "staff only"
    # ruleid: secsdlc.python.access-control.assert-authorization
    assert user.has_perm("blog.delete_post")
    # ok: secsdlc.python.access-control.assert-authorization
    assert len(post.title) > 0
    # ok: secsdlc.python.access-control.assert-authorization
    assert isinstance(post, Post)
    post.delete()


def close(self, token):
    # ok: secsdlc.python.access-control.assert-authorization
    assert not self.is_active
    # ok: secsdlc.python.access-control.assert-authorization
    assert token is not None, "no name token"
    # ok: secsdlc.python.access-control.assert-authorization
    assert self.registry[newowner_ref] == listen_ref
    # ruleid: secsdlc.python.access-control.assert-authorization
    assert post.owner == request.user
    # ruleid: secsdlc.python.access-control.assert-authorization
    assert current_user.is_authenticated


def instrument(method):
    role = method._sa_instrument_role
    # ok: secsdlc.python.access-control.assert-authorization
    assert role in ("appender", "remover", "iterator")
    # ruleid: secsdlc.python.access-control.assert-authorization
    assert request.user.role == "admin"
