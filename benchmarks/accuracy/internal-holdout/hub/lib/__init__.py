"""Integration hub internals."""
