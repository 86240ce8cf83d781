"""Remediation history: recorded scans, finding lifecycle by fingerprint, and the metrics on top.

Heavy imports (SQLAlchemy, Alembic) stay in the submodules so that importing this package is cheap.
"""
