"""Product catalogue API (FastAPI)."""
