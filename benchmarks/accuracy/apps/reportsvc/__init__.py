"""reportsvc: reporting API over the sales warehouse (FastAPI)."""
