import os

DB_PATH = os.environ.get("LEGACYGW_DB", "/var/lib/legacygw/orders.db")
PARTNERS_XML = os.environ.get("LEGACYGW_PARTNERS", "/etc/legacygw/partners.xml")
RULES_KEY = os.environ["LEGACYGW_RULES_KEY"].encode()
DOCS_DIR = os.environ.get("LEGACYGW_DOCS", "/srv/legacygw/docs")
LINKS = {
    "portal": "https://partners.example.com/",
    "terms": "https://partners.example.com/terms",
    "support": "https://support.example.com/partners",
}
RATE_FORMULAS = {
    "flat": "weight * 0 + 4.90",
    "weight": "1.5 + weight * 0.8",
    "express": "9.90 + weight * 1.2",
}
