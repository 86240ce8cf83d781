"""Catalog service: products, storefront pages, media and partner sign-in."""
