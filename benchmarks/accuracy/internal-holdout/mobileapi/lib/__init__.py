"""Shared helpers for the mobile backend."""
