"""Pipeline stages, one concern per module."""
