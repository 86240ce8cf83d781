import os
from pathlib import Path

DATABASE_URL = os.environ.get("REPORTSVC_DATABASE_URL", "postgresql+psycopg://reports@db.internal/sales")
REPORT_DIR = Path(os.environ.get("REPORTSVC_REPORT_DIR", "/srv/reports/out"))
TEMPLATE_DIR = Path(os.environ.get("REPORTSVC_TEMPLATE_DIR", "/srv/reports/templates"))
CATALOG_XML = os.environ.get("REPORTSVC_CATALOG", "/srv/reports/catalog.xml")
CALLBACK_HOSTS = ("hooks.internal.example", "reports-inbox.example.com")
METRICS = ("revenue", "units", "margin", "returns")
TRANSFORMS = ("sum", "min", "max", "len", "sorted")
FORMULA_COLUMNS = ("revenue", "units", "margin", "returns", "cost")
