"""Handlers that drive command-line tools on the host."""
