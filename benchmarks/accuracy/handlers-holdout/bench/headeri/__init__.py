"""Handlers that set response headers from request data."""
