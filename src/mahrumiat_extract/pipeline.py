"""The stages in order, built once and cheap to send to worker processes."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Protocol

from .doc import Doc
from .errors import warning
from .records import ArticleRecord, PublishedDate
from .text.normalize import normalize

__all__ = ["Pipeline", "Stage", "get_pipeline"]

log = logging.getLogger(__name__)


class Stage(Protocol):
    """A pipeline stage: reads some ``Doc`` fields, writes others."""

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, doc: Doc) -> None: ...


def _stages() -> tuple[Stage, ...]:
    from .stages.cleanup import CleanupStage
    from .stages.figures import FiguresStage
    from .stages.geo import GeoStage
    from .stages.meta import MetaStage
    from .stages.officials import OfficialsStage

    return (CleanupStage(), MetaStage(), GeoStage(), OfficialsStage(), FiguresStage())


class Pipeline:
    """Runs the stages over one article. Never raises for an article's content: a stage that
    fails leaves a ``W501`` warning naming it, and the other stages go on."""

    def __init__(self, stages: tuple[Stage, ...] | None = None) -> None:
        self.stages: tuple[Stage, ...] = stages if stages is not None else _stages()

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        # workers rebuild the pipeline from the shipped resources instead of unpickling it
        return (get_pipeline, ())

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


@lru_cache(maxsize=1)
def get_pipeline() -> Pipeline:
    """The default pipeline, built on first use."""
    return Pipeline()
