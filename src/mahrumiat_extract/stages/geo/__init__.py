"""Where: provinces, counties, cities, villages and neighborhoods named in the article."""

from .stage import GeoStage

__all__ = ["GeoStage"]
