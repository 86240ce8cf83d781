"""legacygw: the partner order gateway, a plain WSGI application kept for old integrations."""
