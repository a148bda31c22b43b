"""A spaCy pipeline component: the record's mentions as ``doc.ents``.

Registered through the ``spacy_factories`` entry point (pyproject.toml), so no import is needed::

    import spacy
    nlp = spacy.blank("fa")
    nlp.add_pipe("mahrumiat_extract")
    doc = nlp(text)
    doc._.mahrumiat          # the ArticleRecord of doc.text
    doc.ents                 # OFFICIAL, PROVINCE, PLACE, NEIGHBORHOOD, PROJECT_COUNT, ...
    doc.spans["mahrumiat"]   # every mention span, overlaps kept

How spans become entities:

* tokens are first split at every mention boundary that falls inside a token (a glued word such
  as «نوروزیاستاندار», a place inside a hyphenated dateline), so every mention is a whole run of
  tokens and ``doc.char_span(start, end, alignment_mode="expand")`` returns exactly its
  characters;
* ``doc.spans["mahrumiat"]`` keeps every mention span, overlapping or not;
* ``doc.ents`` cannot overlap, so overlapping mentions are resolved with
  ``spacy.util.filter_spans``: the longer span wins; of two spans of the same length the one that
  starts first wins; of two spans over the same characters the label first in :data:`LABELS`
  wins (an official's span before a neighborhood, place or province inside it, a project count
  before a quantity).

spaCy is an optional extra: ``pip install "mahrumiat-extract[spacy]"``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .api import extract
from .records import ArticleRecord

__all__ = [
    "EXTENSION",
    "LABELS",
    "SPAN_KEY",
    "MahrumiatComponent",
    "make_component",
    "mention_spans",
]

#: record span kind -> entity label, in priority order for spans over the same characters
LABELS: dict[str, str] = {
    "official": "OFFICIAL",
    "neighborhood": "NEIGHBORHOOD",
    "place": "PLACE",
    "province": "PROVINCE",
    "project_count": "PROJECT_COUNT",
    "job_figure": "JOB_FIGURE",
    "quantity": "QUANTITY",
}
#: ``doc._.mahrumiat`` holds the ArticleRecord
EXTENSION = "mahrumiat"
#: ``doc.spans[SPAN_KEY]`` holds every mention span, overlaps kept
SPAN_KEY = "mahrumiat"


def mention_spans(record: ArticleRecord) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every mention of ``record``, deduplicated, in label priority
    order (then by position)."""
    rank = {label: i for i, label in enumerate(LABELS.values())}
    seen = {(span.start, span.end, LABELS[kind]) for kind, span in record.spans()}
    return sorted(seen, key=lambda s: (rank[s[2]], s[0], s[1]))


def _split_at(doc: Doc, boundaries: Iterable[int]) -> None:
    """Split tokens so that every character offset in ``boundaries`` is a token boundary."""
    starts = [token.idx for token in doc]
    cuts: dict[int, list[int]] = {}
    for b in sorted(set(boundaries)):
        i = bisect_right(starts, b) - 1
        if i < 0:
            continue
        token = doc[i]
        if token.idx < b < token.idx + len(token.text):
            cuts.setdefault(i, []).append(b - token.idx)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            edges = [0, *offsets, len(token.text)]
            orths = [token.text[a:z] for a, z in zip(edges, edges[1:])]
            retokenizer.split(token, orths, heads=[(token, k) for k in range(len(orths))])


class MahrumiatComponent:
    """Runs :func:`mahrumiat_extract.extract` on ``doc.text`` and annotates the Doc."""

    def __init__(self, nlp: Language, name: str = "mahrumiat_extract") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        record = extract(doc.text)
        self.set_annotations(doc, record)
        return doc

    def set_annotations(self, doc: Doc, record: ArticleRecord) -> None:
        """Write ``record`` onto ``doc``: token splits, span group, entities, extension."""
        mentions = mention_spans(record)
        _split_at(doc, (b for start, end, _ in mentions for b in (start, end)))
        spans: list[Span] = []
        for start, end, label in mentions:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.ents = filter_spans(spans)
        doc._.set(EXTENSION, record)


@Language.factory(
    "mahrumiat_extract",
    assigns=["doc.ents", "doc.spans", f"doc._.{EXTENSION}"],
    default_config={},
)
def make_component(nlp: Language, name: str) -> MahrumiatComponent:
    """The ``mahrumiat_extract`` factory (entry point ``spacy_factories``)."""
    Doc.set_extension(EXTENSION, default=None, force=True)
    return MahrumiatComponent(nlp, name)

