def delete_post(request, post):
    assert request.user.is_staff, 'staff only'
    post.delete()
