from django.core.exceptions import PermissionDenied

def delete_post(request, post):
    if not request.user.is_staff:
        raise PermissionDenied
    post.delete()
