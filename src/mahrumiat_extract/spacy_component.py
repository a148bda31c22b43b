"""A spaCy pipeline component: the record's mentions as a span group and as ``doc.ents``.

Registered through the ``spacy_factories`` entry point (pyproject.toml), so no import is needed::

    import spacy
    nlp = spacy.blank("fa")
    nlp.add_pipe("mahrumiat_extract", config={"spans_key": "mahrumiat", "ent_labels": ["OFFICIAL"]})
    doc = nlp(text)
    doc.spans["mahrumiat"]        # every mention span, overlaps kept
    doc.ents                      # the mentions that fit, without clashing with earlier ents
    doc._.mahrumiat               # the record as a plain dict (SPEC JSON)
    doc._.mahrumiat_record        # the same as an ArticleRecord (built on access)

It composes with other pipes:

* the record goes into the Doc as plain JSON data (``doc._.mahrumiat``), so
  ``DocBin(store_user_data=True)``, ``Doc.to_bytes`` and ``nlp.pipe(texts, n_process=2)``
  work; ``doc._.mahrumiat_record`` is a getter, nothing is stored for it;
* every mention span goes to ``doc.spans[spans_key]`` (config ``spans_key``);
* entities are added, never replaced: the mentions whose label is in ``ent_labels`` are resolved
  among themselves with ``spacy.util.filter_spans`` (the longer span wins; of the same length the
  one that starts first; over the same characters the label first in :data:`LABELS`), then each
  one that overlaps an entity already on the Doc (an ``entity_ruler`` before us) is left out;
  ``overwrite_ents=True`` lets ours win instead;
* tokens are first split at every mention boundary that falls inside a token (a glued word such
  as «نوروزیاستاندار», a place inside a hyphenated dateline), so every mention is a whole run of
  tokens. The text never changes.

displaCy: :data:`DISPLACY_OPTIONS` gives one colour per label (the highlighter's colours) and an
entity template that keeps an entity whole on one line; the Persian writing system makes the
page right to left. :func:`render` is ``displacy.render`` with those options.

spaCy is an optional extra: ``pip install "mahrumiat-extract[spacy]"``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .api import extract
from .highlight import KIND_COLORS
from .records import ArticleRecord

__all__ = [
    "DISPLACY_OPTIONS",
    "EXTENSION",
    "LABELS",
    "RECORD_EXTENSION",
    "SPAN_KEY",
    "MahrumiatComponent",
    "make_component",
    "mention_spans",
    "render",
]

#: record span kind (:meth:`ArticleRecord.spans`) -> entity label, in priority order for spans
#: over the same characters. A label is its kind in upper case.
LABELS: dict[str, str] = {
    kind: kind.upper()
    for kind in (
        "official", "neighborhood", "place", "province", "project_count", "job_figure", "quantity",
    )
}  # fmt: skip
#: ``doc._.mahrumiat`` holds the record as plain JSON data (dicts, lists, str, int, None)
EXTENSION = "mahrumiat"
#: ``doc._.mahrumiat_record`` gives it as an :class:`ArticleRecord` (a getter: nothing stored)
RECORD_EXTENSION = "mahrumiat_record"
#: the default ``spans_key``: ``doc.spans[SPAN_KEY]`` holds every mention span, overlaps kept
SPAN_KEY = "mahrumiat"

#: entity template for displaCy: the highlighter's look, kept whole on one line
_ENT_TEMPLATE = (
    '<mark class="entity" style="background: {bg}; padding: 0.3em 0.5em; margin: 0 0.2em; '
    'line-height: 1; border-radius: 0.35em; white-space: nowrap; display: inline-block">'
    '{text}<span style="font-size: 0.7em; font-weight: bold; line-height: 1; '
    'vertical-align: middle; margin-right: 0.4rem" dir="ltr">{label}{kb_link}</span></mark>'
)
#: ``displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)``: one colour per label
DISPLACY_OPTIONS: dict[str, Any] = {
    "ents": list(LABELS.values()),
    "colors": {label: KIND_COLORS[kind] for kind, label in LABELS.items()},
    "template": _ENT_TEMPLATE,
}


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


def _record_of(doc: Doc) -> ArticleRecord | None:
    data = doc._.get(EXTENSION)
    return None if data is None else ArticleRecord.model_validate(data)


def _register_extensions() -> None:
    """``doc._.mahrumiat`` (plain data) and ``doc._.mahrumiat_record`` (a getter); idempotent,
    so a worker process of ``nlp.pipe(n_process=...)`` registers them when it first needs them."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)
    if not Doc.has_extension(RECORD_EXTENSION):
        Doc.set_extension(RECORD_EXTENSION, getter=_record_of)


def _no_clash(ours: list[Span], theirs: Sequence[Span]) -> list[Span]:
    """The spans of ``ours`` that share no token with any span of ``theirs``."""
    taken = {i for span in theirs for i in range(span.start, span.end)}
    return [s for s in ours if not any(i in taken for i in range(s.start, s.end))]


class MahrumiatComponent:
    """Runs :func:`mahrumiat_extract.extract` on ``doc.text`` and annotates the Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str = "mahrumiat_extract",
        *,
        spans_key: str = SPAN_KEY,
        ent_labels: Iterable[str] | None = None,
        overwrite_ents: bool = False,
    ) -> None:
        labels = list(LABELS.values()) if ent_labels is None else list(ent_labels)
        unknown = sorted(set(labels) - set(LABELS.values()))
        if unknown:
            known = ", ".join(LABELS.values())
            raise ValueError(f"unknown ent_labels {unknown}; the labels are {known}")
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.ent_labels = tuple(labels)
        self.overwrite_ents = overwrite_ents
        _register_extensions()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label this component assigns (``nlp.meta["labels"]`` lists them)."""
        return tuple(LABELS.values())

    def __call__(self, doc: Doc) -> Doc:
        _register_extensions()
        self.set_annotations(doc, extract(doc.text))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def set_annotations(self, doc: Doc, record: ArticleRecord) -> None:
        """Write ``record`` onto ``doc``: token splits, span group, entities, extension."""
        _register_extensions()
        mentions = mention_spans(record)
        _split_at(doc, (b for start, end, _ in mentions for b in (start, end)))
        spans: list[Span] = []
        for start, end, label in mentions:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        wanted = set(self.ent_labels)
        ours = filter_spans([s for s in spans if s.label_ in wanted])
        before = list(doc.ents)
        if self.overwrite_ents:
            kept = ours + _no_clash(before, ours)
        else:
            kept = before + _no_clash(ours, before)
        doc.ents = sorted(kept, key=lambda s: s.start)
        doc._.set(EXTENSION, json.loads(record.model_dump_json()))  # lists, as msgpack gives


@Language.factory(
    "mahrumiat_extract",
    assigns=["doc.ents", "doc.spans", "token.ent_iob", "token.ent_type",
             f"doc._.{EXTENSION}"],
    default_config={"spans_key": SPAN_KEY, "ent_labels": list(LABELS.values()),
                    "overwrite_ents": False},
)  # fmt: skip
def make_component(
    nlp: Language, name: str, spans_key: str, ent_labels: list[str], overwrite_ents: bool
) -> MahrumiatComponent:
    """The ``mahrumiat_extract`` factory (entry point ``spacy_factories``). Labels:
    OFFICIAL, NEIGHBORHOOD, PLACE, PROVINCE, PROJECT_COUNT, JOB_FIGURE, QUANTITY."""
    return MahrumiatComponent(
        nlp, name, spans_key=spans_key, ent_labels=ent_labels, overwrite_ents=overwrite_ents
    )


def render(doc: Doc, *, jupyter: bool | None = None, **options: Any) -> str | None:
    """``displacy.render(doc, style="ent")`` with :data:`DISPLACY_OPTIONS` (``options``
    override them): one colour per label, right to left, entities kept whole. In a notebook
    (``jupyter`` None or True there) the page is displayed and None returned."""
    from spacy import displacy

    merged = {**DISPLACY_OPTIONS, **options}
    html: str | None = displacy.render(doc, style="ent", options=merged, jupyter=jupyter)
    return html
