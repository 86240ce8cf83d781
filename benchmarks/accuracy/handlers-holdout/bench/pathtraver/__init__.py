"""Handlers that serve files from the document store."""
