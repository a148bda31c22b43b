"""Who: named officials with their office, jurisdiction and honorific."""

from .stage import OfficialsStage

__all__ = ["OfficialsStage"]
