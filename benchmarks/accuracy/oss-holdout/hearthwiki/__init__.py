"""hearthwiki: a household wiki that runs on the standard library."""
