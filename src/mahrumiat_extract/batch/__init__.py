"""batch (filled by its issue)."""
