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
