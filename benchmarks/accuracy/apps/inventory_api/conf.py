"""Inventory settings, overridable from the Django settings module."""
from django.conf import settings

WAREHOUSE_DSN = getattr(settings, "INVENTORY_WAREHOUSE_DSN", "postgresql://inventory@db.internal/warehouse")
LABEL_PRINTERS = ("zebra-dock-1", "zebra-dock-2", "office-laser")
SUPPLIER_APIS = {
    "acme": "https://api.acme-supply.example/v2",
    "globex": "https://partners.globex.example/api",
    "initech": "https://b2b.initech.example/rest",
}
IMAGE_HOSTS = ("cdn.acme-supply.example", "images.globex.example")
LDAP_SERVER = getattr(settings, "INVENTORY_LDAP_SERVER", "ldaps://ldap.internal.example")
LDAP_BASE = "ou=staff,dc=example,dc=com"
