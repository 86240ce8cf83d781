"""SARIF 2.1.0 in (reader) and out (writer)."""
