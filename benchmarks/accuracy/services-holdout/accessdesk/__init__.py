"""Access desk: internal tool for access reviews (directory lookups, policy documents, rules)."""
