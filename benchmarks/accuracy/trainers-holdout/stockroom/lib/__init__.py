"""Helpers shared by the Stockroom handlers."""
