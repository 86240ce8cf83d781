"""Alembic migrations shipped in the package; secsdlc runs them itself when it opens a store."""
