"""Every lexical resource the stages use, gathered in one object built once.

Like spaCy's ``Language.Defaults`` (``lang/fa``), :class:`Resources` keeps the language data
apart from the algorithms: the gazetteer, the officials lexicon (whose given names and
honorifics the geo stage reads too), the figures lexicon (units, cues, status phrases,
periods), the number words, the metadata lists (outlets, source cues, boilerplate).
Each part is loaded from the shipped data files (``resources/``) the first time a stage asks
for it, and kept on the object: two pipelines built on one ``Resources`` share them, and
nothing is kept at module level.

A ``Resources`` pickles as its options (the data is rebuilt from the package in the process
that unpickles it), so a pipeline is cheap to send to worker processes.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .stages.cleanup import Boilerplate
    from .stages.figures.lexicon import FiguresLexicon
    from .stages.geo.cues import CueReader
    from .stages.geo.gazetteer import Gazetteer
    from .stages.geo.neighborhoods import NeighborhoodWords
    from .stages.meta import MetaLexicon
    from .stages.officials.lexicon import Lexicon
    from .text.numbers import NumberLexicon

__all__ = ["Resources"]


class Resources:
    """The shipped language data, loaded lazily and once per instance.

    ``places=False`` builds a gazetteer of the 31 provinces alone (no counties, cities,
    villages or neighborhoods): the benchmark's measure of what the place names cost.
    """

    def __init__(self, *, places: bool = True) -> None:
        self.places = places

    def __repr__(self) -> str:
        return f"Resources(places={self.places})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, ({"places": self.places},))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Resources) and other.places == self.places

    def __hash__(self) -> int:
        return hash(("Resources", self.places))

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """Provinces, counties, cities, districts, villages and neighborhoods (geo)."""
        from .stages.geo.gazetteer import Gazetteer

        return Gazetteer(provinces_only=not self.places)

    @cached_property
    def geo_cues(self) -> CueReader:
        """The words before a place name that say what it is (geo)."""
        from .stages.geo.cues import CueReader

        return CueReader.load()

    @cached_property
    def neighborhood_words(self) -> NeighborhoodWords:
        """The roles of the words around neighborhood names (geo)."""
        from .stages.geo.neighborhoods import NeighborhoodWords

        return NeighborhoodWords.load()

    @cached_property
    def officials(self) -> Lexicon:
        """Offices, organizations, honorifics, given names, surname morphology (officials;
        the geo stage reads its given names and honorifics)."""
        from .stages.officials.lexicon import Lexicon

        return Lexicon.load()

    @cached_property
    def figures(self) -> FiguresLexicon:
        """Units, cue words, status phrases and periods (figures)."""
        from .stages.figures.lexicon import FiguresLexicon

        return FiguresLexicon.load()

    @cached_property
    def numbers(self) -> NumberLexicon:
        """Number words, counters and the compounds that are no numbers (figures)."""
        from .text.numbers import NumberLexicon

        return NumberLexicon.load()

    @cached_property
    def meta(self) -> MetaLexicon:
        """Outlets, source cues and reporter words (metadata)."""
        from .stages.meta import MetaLexicon

        return MetaLexicon.load()

    @cached_property
    def boilerplate(self) -> Boilerplate:
        """The site-chrome and boilerplate line patterns (cleanup)."""
        from .stages.cleanup import Boilerplate

        return Boilerplate.load()


def _rebuild(options: dict[str, Any]) -> Resources:
    return Resources(**options)
