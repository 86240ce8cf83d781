"""Handlers that query the staff XML directory."""
