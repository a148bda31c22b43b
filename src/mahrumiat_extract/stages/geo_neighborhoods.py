"""Neighborhoods (stub, filled below)."""

from __future__ import annotations

from ..doc import GeoHit
from .geo_gazetteer import Candidate


def find_neighborhoods(text: str, cands: list[Candidate], hits: list[GeoHit]) -> list[GeoHit]:
    return []
