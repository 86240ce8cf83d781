"""Static configuration for the shopfront."""
import os

SECRET_KEY = os.environ.get("SHOPFRONT_SECRET_KEY", "dev-only-key")
DATABASE = os.environ.get("SHOPFRONT_DB", "/var/lib/shopfront/shop.sqlite3")
INVOICE_DIR = os.environ.get("SHOPFRONT_INVOICES", "/var/lib/shopfront/invoices")
PAGE_SIZE = 24
SORTABLE_COLUMNS = ("name", "price", "created_at", "rating")
SUPPORTED_CURRENCIES = ("EUR", "USD", "GBP", "CHF")
PAYMENT_HOSTS = ("api.paylink.example", "sandbox.paylink.example")
LANDING_ENDPOINTS = ("catalog.index", "account.profile", "cart.show", "checkout.summary")
PROMO_FIELDS = ("subtotal", "items", "loyalty_years")
