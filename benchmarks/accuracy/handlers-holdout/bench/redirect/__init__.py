"""Handlers that send the browser somewhere else after an action."""
