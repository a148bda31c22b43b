"""Doc.span: a normalized range becomes a record span of the original, or None with a warning."""

from __future__ import annotations

import pytest

from mahrumiat_extract.doc import Doc
from mahrumiat_extract.pipeline import get_pipeline

TEXT = "استاندار  كرمان گفت"  # a double space and an Arabic kaf the normalizer changes


def _doc() -> Doc:
    return get_pipeline().make_doc(TEXT)


def test_a_range_maps_to_the_original_characters() -> None:
    doc = _doc()
    start = doc.norm.text.index("کرمان")
    span = doc.span(start - 1, start + len("کرمان") + 1)  # the spaces around are trimmed
    assert span is not None
    assert TEXT[span.start : span.end] == span.text == "كرمان"
    assert doc.warnings == []


@pytest.mark.parametrize(
    "bounds",
    [(-1, 3), (5, 10_000), (3, 2)],
    ids=["before-the-text", "past-the-end", "reversed"],
)
def test_a_range_outside_the_text_is_dropped_with_a_warning(bounds: tuple[int, int]) -> None:
    """A stage's out-of-range span is a bug, but it costs that span, not the article: no
    IndexError from the whitespace trim, a W106 warning instead."""
    doc = _doc()
    assert doc.span(*bounds) is None
    assert [w[:4] for w in doc.warnings] == ["W106"]


def test_spans_keep_the_good_ranges_and_drop_the_bad() -> None:
    doc = _doc()
    spans = doc.spans([(0, 8), (5, 10_000)])
    assert [s.text for s in spans] == ["استاندار"]
    assert len(doc.warnings) == 1
