"""The stages in order, built once on one :class:`~.language.Resources` and cheap to send to
worker processes (a pipeline pickles as its stages, and they as their resources' options)."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Protocol

from .doc import Doc
from .errors import PipelineError, warning
from .language import Resources
from .records import ArticleRecord, PublishedDate
from .stages.base import DOC_INPUTS
from .text.normalize import normalize

__all__ = ["Pipeline", "Stage", "default_stages", "get_pipeline"]

log = logging.getLogger(__name__)


class Stage(Protocol):
    """What a pipeline stage is (:class:`~.stages.base.Stage` implements it): a name, the
    ``Doc`` fields it reads and writes, ``match(doc)`` (pure) and ``set_annotations(doc,
    found)``; calling it does both."""

    @property
    def name(self) -> str: ...

    @property
    def reads(self) -> tuple[str, ...]: ...

    @property
    def writes(self) -> tuple[str, ...]: ...

    def match(self, doc: Doc) -> Any: ...

    def set_annotations(self, doc: Doc, found: Any) -> None: ...

    def __call__(self, doc: Doc) -> None: ...


def default_stages(resources: Resources) -> tuple[Stage, ...]:
    """The five stages, in their order, on ``resources``."""
    from .stages.cleanup import CleanupStage
    from .stages.figures import FiguresStage
    from .stages.geo import GeoStage
    from .stages.meta import MetaStage
    from .stages.officials import OfficialsStage

    return (
        CleanupStage(resources),
        MetaStage(resources),
        GeoStage(resources),
        OfficialsStage(resources),
        FiguresStage(resources),
    )


def check_order(stages: tuple[Stage, ...]) -> None:
    """Raise :class:`PipelineError` when a stage reads a ``Doc`` field that no earlier stage
    writes (and that an article does not start with)."""
    have = set(DOC_INPUTS)
    for i, stage in enumerate(stages):
        missing = [f for f in stage.reads if f not in have]
        if missing:
            order = " -> ".join(s.name for s in stages)
            raise PipelineError(
                f"E002 stage {stage.name!r} (position {i}) reads {', '.join(map(repr, missing))}, "
                f"which no stage before it writes (order: {order})"
            )
        have.update(stage.writes)


class Pipeline:
    """Runs the stages over one article. Never raises for an article's content: a stage that
    fails leaves a ``W501`` warning naming it, and the other stages go on.

    ``Pipeline()`` is the default five stages on a new :class:`Resources`;
    ``Pipeline(resources=Resources(places=False))`` the same stages on other resources;
    ``Pipeline(stages=(...))`` any stages, checked for their order.
    """

    def __init__(
        self, stages: tuple[Stage, ...] | None = None, *, resources: Resources | None = None
    ) -> None:
        if stages is not None and resources is not None:
            raise PipelineError("E003 give the stages or the resources to build them on, not both")
        if stages is None:
            self.resources = resources if resources is not None else Resources()
            stages = default_stages(self.resources)
        else:
            stages = tuple(stages)
            found = [
                r
                for r in (getattr(s, "resources", None) for s in stages)
                if isinstance(r, Resources)
            ]
            self.resources = found[0] if found else Resources()
        check_order(stages)
        self.stages: tuple[Stage, ...] = stages

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.stages,))

    def __repr__(self) -> str:
        names = ", ".join(s.name for s in self.stages)
        return f"Pipeline(stages=({names}), resources={self.resources!r})"

    def make_doc(self, text: str, *, id: str | None = None, **hints: Any) -> Doc:
        norm = normalize(text)
        return Doc(text=text, norm=norm, work=norm.text, id=id, hints=dict(hints))

    def run(self, doc: Doc) -> Doc:
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as exc:
                log.exception("stage %s failed on article %r", stage.name, doc.id)
                doc.warnings.append(warning("W501", f"{stage.name}: {type(exc).__name__}"))
        return doc

    def record(self, doc: Doc) -> ArticleRecord:
        published = (
            PublishedDate(jalali=doc.published[0], gregorian=doc.published[1])
            if doc.published
            else None
        )
        return ArticleRecord(
            id=doc.id,
            source=doc.source,
            published=published,
            title=doc.title,
            officials=tuple(doc.officials),
            provinces=tuple(doc.provinces),
            places=tuple(doc.places),
            neighborhoods=tuple(doc.neighborhoods),
            project_counts=tuple(doc.project_counts),
            job_figures=tuple(doc.job_figures),
            quantities=tuple(doc.quantities),
            warnings=tuple(doc.warnings),
        )


def _rebuild(stages: tuple[Stage, ...]) -> Pipeline:
    return Pipeline(stages)


@lru_cache(maxsize=1)
def get_pipeline() -> Pipeline:
    """The default pipeline, built on first use: what ``extract`` runs. (The one cache at
    module level: a process keeps one default pipeline and its resources.)"""
    return Pipeline()
