"""Small Flask request handlers, one or two per module, grouped by the operation they perform."""
