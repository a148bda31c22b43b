"""How much: project counts, job figures and other quantities."""

from .stage import FiguresStage

__all__ = ["FiguresStage"]
