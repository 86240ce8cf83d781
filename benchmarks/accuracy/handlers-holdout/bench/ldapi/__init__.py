"""Handlers that query the staff directory."""
