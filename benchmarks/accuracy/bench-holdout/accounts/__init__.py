"""Sign-up, sign-in and account settings."""
