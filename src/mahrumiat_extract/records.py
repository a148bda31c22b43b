"""The record contract of ../shared/SPEC.md as frozen pydantic v2 models.

Field names are part of the contract: ``record.model_dump(mode="json")`` is the SPEC JSON.
Every :class:`Span` indexes the ORIGINAL input text: ``original[start:end] == text``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ArticleRecord",
    "Figure",
    "Neighborhood",
    "Official",
    "Place",
    "ProvinceMention",
    "PublishedDate",
    "Span",
]

_CONFIG = ConfigDict(frozen=True, extra="forbid")

PlaceKind = Literal["county", "city", "village", "district"]
Status = Literal["completed", "ongoing", "planned"]


class Span(BaseModel):
    """A character span into the original article text."""

    model_config = _CONFIG
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class PublishedDate(BaseModel):
    """A full publication date, Jalali and Gregorian, both ``YYYY-MM-DD``."""

    model_config = _CONFIG
    jalali: str
    gregorian: str


class Official(BaseModel):
    """A named person the article presents with an office or rank."""

    model_config = _CONFIG
    name: str
    title: str | None = None
    jurisdiction: str | None = None
    honorific: str | None = None
    mentions: tuple[Span, ...] = ()


class ProvinceMention(BaseModel):
    """One of Iran's 31 provinces, named (``explicit``) or implied by a place."""

    model_config = _CONFIG
    name: str
    explicit: bool
    mentions: tuple[Span, ...] = ()


class Place(BaseModel):
    """A county, city, village or district (never a province)."""

    model_config = _CONFIG
    name: str
    kind: PlaceKind
    province: str | None = None
    mentions: tuple[Span, ...] = ()


class Neighborhood(BaseModel):
    """A named neighborhood of a city."""

    model_config = _CONFIG
    name: str
    city: str | None = None
    province: str | None = None
    mentions: tuple[Span, ...] = ()


class Figure(BaseModel):
    """A counted figure: projects, jobs or another quantity."""

    model_config = _CONFIG
    count: int
    unit: str
    category: str | None = None
    status: Status | None = None
    period: str | None = None
    place: str | None = None
    mentions: tuple[Span, ...] = ()


class ArticleRecord(BaseModel):
    """Everything extracted from one article."""

    model_config = _CONFIG
    id: str | None = None
    source: str | None = None
    published: PublishedDate | None = None
    title: str | None = None
    officials: tuple[Official, ...] = ()
    provinces: tuple[ProvinceMention, ...] = ()
    places: tuple[Place, ...] = ()
    neighborhoods: tuple[Neighborhood, ...] = ()
    project_counts: tuple[Figure, ...] = ()
    job_figures: tuple[Figure, ...] = ()
    quantities: tuple[Figure, ...] = ()
    warnings: tuple[str, ...] = ()

    def spans(self) -> list[tuple[str, Span]]:
        """Every span in the record, with the kind of item it belongs to."""
        out: list[tuple[str, Span]] = []
        groups: list[tuple[str, tuple[BaseModel, ...]]] = [
            ("official", self.officials),
            ("province", self.provinces),
            ("place", self.places),
            ("neighborhood", self.neighborhoods),
            ("project_count", self.project_counts),
            ("job_figure", self.job_figures),
            ("quantity", self.quantities),
        ]
        for kind, items in groups:
            for item in items:
                for span in getattr(item, "mentions", ()):
                    out.append((kind, span))
        return out
