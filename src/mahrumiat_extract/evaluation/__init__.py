"""evaluation (filled by its issue)."""
