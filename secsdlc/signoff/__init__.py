"""Security-correspondent sign-off: SSH signatures, the correspondent registry and its chain of
custody, signed waivers, release sign-off and the hash-linked audit log."""
