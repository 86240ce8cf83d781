"""Handlers that restore objects sent by clients."""
