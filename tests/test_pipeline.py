"""The stage contract: one shape for every stage, order checked at construction, a pipeline
that pickles as itself, resources built once and shared."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from mahrumiat_extract.errors import PipelineError
from mahrumiat_extract.language import Resources
from mahrumiat_extract.pipeline import Pipeline, default_stages
from mahrumiat_extract.stages.base import Stage
from mahrumiat_extract.stages.figures import FiguresStage
from mahrumiat_extract.stages.geo import GeoStage
from mahrumiat_extract.stages.meta import MetaStage
from mahrumiat_extract.stages.officials import OfficialsStage

TEXT = (
    "به گزارش خبرگزاری مهر، محمدعلی طالبی استاندار کرمان در شهرستان بم گفت: ۱۳۲ پروژه "
    "محرومیت‌زدایی در استان کرمان افتتاح شد و برای ۴۰۰ نفر شغل ایجاد شد."
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _run(pipe: Pipeline, text: str = TEXT) -> str:
    return pipe.record(pipe.run(pipe.make_doc(text))).model_dump_json()


def test_every_stage_has_the_one_shape(resources: Resources) -> None:
    for stage in default_stages(resources):
        assert isinstance(stage, Stage)
        assert type(stage).__doc__, stage.name
        assert stage.reads and stage.writes, stage.name
        assert stage.resources is resources


def _state(doc: object) -> str:
    """The doc's fields but its per-article key-stream cache (filled on first use)."""
    return repr({f.name: getattr(doc, f.name) for f in dataclasses.fields(doc) if f.name != "_kstream"})  # type: ignore[arg-type]


def test_match_is_pure(resources: Resources) -> None:
    """``match`` leaves the doc as it was; ``set_annotations`` writes what it found."""
    pipe = Pipeline(resources=resources)
    doc = pipe.make_doc(TEXT)
    for stage in pipe.stages:
        before = _state(doc)
        found = stage.match(doc)
        assert _state(doc) == before, stage.name
        stage.set_annotations(doc, found)
    assert doc.officials and doc.provinces and doc.project_counts


def test_a_wrong_order_is_refused_with_a_clear_error(resources: Resources) -> None:
    with pytest.raises(PipelineError, match=r"'officials'.*reads 'geo'.*officials -> geo"):
        Pipeline((OfficialsStage(resources), GeoStage(resources)))
    with pytest.raises(PipelineError, match="'figures'"):
        Pipeline((FiguresStage(resources),))


def test_a_custom_pipeline_pickles_as_itself(resources: Resources) -> None:
    pipe = Pipeline((MetaStage(resources), GeoStage(resources)))
    back = pickle.loads(pickle.dumps(pipe))
    assert [s.name for s in back.stages] == ["meta", "geo"]
    assert _run(back) == _run(pipe)
    record = back.record(back.run(back.make_doc(TEXT)))
    assert record.source == "مهر" and record.provinces and not record.officials


def test_the_stages_of_one_pipeline_share_one_resources_after_pickling() -> None:
    back = pickle.loads(pickle.dumps(Pipeline()))
    assert len({id(s.resources) for s in back.stages}) == 1  # type: ignore[attr-defined]


def test_resources_without_places_find_provinces_only() -> None:
    small = Pipeline(resources=Resources(places=False))
    record = small.record(small.run(small.make_doc(TEXT)))
    assert [p.name for p in record.provinces] == ["کرمان"]
    assert not record.places
    assert pickle.loads(pickle.dumps(small)).resources == Resources(places=False)


def test_stages_or_resources_not_both(resources: Resources) -> None:
    with pytest.raises(PipelineError):
        Pipeline((MetaStage(resources),), resources=resources)


def test_resources_load_each_part_once(resources: Resources) -> None:
    assert resources.gazetteer is resources.gazetteer
    assert Pipeline(resources=resources).stages[2].resources.officials is resources.officials  # type: ignore[attr-defined]
