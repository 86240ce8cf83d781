"""Handlers that write to the audit log."""
