"""Internal operations console: diagnostics, backups, mirrors."""
