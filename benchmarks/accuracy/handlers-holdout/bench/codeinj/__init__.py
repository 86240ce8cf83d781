"""Handlers that evaluate pricing and rule expressions."""
