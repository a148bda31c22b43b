"""The working object that flows through the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import warning
from .records import Figure, Neighborhood, Official, Place, ProvinceMention, Span
from .text.keys import KeyIndex, key_stream
from .text.normalize import Normalized

__all__ = ["Doc", "GeoHit", "blank_ranges"]

GeoKind = Literal["province", "county", "city", "village", "district", "neighborhood"]


@dataclass(slots=True)
class GeoHit:
    """One place name found in the text (normalized offsets), as the geo stage resolved it.

    ``name`` is canonical; ``province`` is the canonical province (for a province: itself);
    ``city`` is set for neighborhoods. Later stages (officials' jurisdiction, figures' place)
    read these.
    """

    start: int
    end: int
    name: str
    kind: GeoKind
    province: str | None = None
    city: str | None = None


@dataclass(slots=True)
class Doc:
    """Original text, its normalization, and what the stages found so far.

    ``work`` is the normalized text with excluded regions (site chrome, boilerplate,
    repeated paragraphs, HTML tags) blanked out with spaces, so it has the same length and
    offsets as ``norm.text``: extractors match on ``work`` and report normalized offsets,
    which :meth:`span` maps back to the original.
    """

    text: str
    norm: Normalized
    work: str
    id: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # metadata
    source: str | None = None
    published: tuple[str, str] | None = None  # (jalali, gregorian) ISO dates
    title: str | None = None
    # geo stage
    geo: list[GeoHit] = field(default_factory=list)
    provinces: list[ProvinceMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    neighborhoods: list[Neighborhood] = field(default_factory=list)
    # officials stage
    officials: list[Official] = field(default_factory=list)
    # figures stage
    project_counts: list[Figure] = field(default_factory=list)
    job_figures: list[Figure] = field(default_factory=list)
    quantities: list[Figure] = field(default_factory=list)
    _kstream: tuple[str, KeyIndex] | None = None

    def key_stream(self) -> tuple[str, KeyIndex]:
        """``text.keys.key_stream(self.work)``, computed once per article and shared by the
        stages that match gazetteers (geo, officials)."""
        if self._kstream is None:
            self._kstream = key_stream(self.work)
        return self._kstream

    def warn(self, code: str, detail: str | None = None) -> None:
        msg = warning(code, detail)
        if msg not in self.warnings:
            self.warnings.append(msg)

    def span(self, start: int, end: int) -> Span | None:
        """A record span for the normalized range ``[start, end)``, or None (and a warning)
        when it cannot be mapped to a non-empty range of the original."""
        nt = self.norm.text
        if not 0 <= start <= end <= len(nt):  # a stage's bug: the range is not in the text
            self.warn("W106", f"{start}-{end}")
            return None
        while start < end and nt[start].isspace():
            start += 1
        while end > start and nt[end - 1].isspace():
            end -= 1
        if end <= start:
            return None
        s, e = self.norm.to_original(start, end)
        if not 0 <= s < e <= len(self.text):
            self.warn("W106", f"{start}-{end}")
            return None
        return Span(
            start=s, end=e, text=self.text[s:e]
        )  # (validation in Rust is faster than model_construct)

    def spans(self, ranges: list[tuple[int, int]]) -> tuple[Span, ...]:
        """Record spans for several normalized ranges, sorted, without duplicates."""
        out: dict[tuple[int, int], Span] = {}
        for s, e in ranges:
            sp = self.span(s, e)
            if sp is not None:
                out[(sp.start, sp.end)] = sp
        return tuple(out[k] for k in sorted(out))

    def blank_many(self, ranges: list[tuple[int, int]]) -> None:
        """Exclude ranges from extraction (kept in the original, never deleted): one pass over
        ``work``, however many ranges."""
        work, applied = blank_ranges(self.work, ranges)
        if applied:
            self.work = work
            self.excluded.extend(applied)
            self._kstream = None


def blank_ranges(work: str, ranges: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``work`` with ``ranges`` replaced by spaces (line breaks kept, so offsets and lines
    stay), and the ranges actually blanked (sorted, overlaps cut)."""
    ranges = sorted((s, e) for s, e in ranges if e > s)
    if not ranges:
        return work, []
    parts: list[str] = []
    applied: list[tuple[int, int]] = []
    pos = 0
    for s, e in ranges:
        s = max(s, pos)
        if e <= s:
            continue
        parts.append(work[pos:s])
        seg = work[s:e]
        parts.append(
            " " * len(seg) if "\n" not in seg else "".join("\n" if c == "\n" else " " for c in seg)
        )
        pos = e
        applied.append((s, e))
    parts.append(work[pos:])
    return "".join(parts), applied
