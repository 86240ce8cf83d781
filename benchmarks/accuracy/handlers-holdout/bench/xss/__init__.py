"""Handlers that build HTML pages by hand."""
