"""Pass/fail decisions: small gates composed with all-of / any-of."""
