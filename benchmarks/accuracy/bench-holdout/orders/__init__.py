"""Order management endpoints for the storefront."""
