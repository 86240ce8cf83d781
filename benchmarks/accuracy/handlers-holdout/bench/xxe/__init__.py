"""Handlers that accept XML documents."""
