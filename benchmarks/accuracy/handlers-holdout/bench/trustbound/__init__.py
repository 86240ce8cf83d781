"""Handlers that keep client choices in the session."""
