"""Handlers that fetch remote documents on the client's behalf."""
