"""Company directory: people, groups and the staff XML export."""
