"""PEYMA silver: an independent check of officials and places against entities tagged by others.

``../shared/eval/peyma_silver.jsonl`` holds, per news document of the PEYMA / NSURL-2019
Persian NER corpus (the ids of ``../shared/corpus/news.jsonl.gz``), the tagged entity strings
``per``, ``loc``, ``org`` and ``per_titled`` (persons of two or more words followed directly
by an office word). The extractor is run on each document's ``text`` and scored:

- **official-name precision**: a predicted official is correct when its name is *inside* a
  ``per`` entity of the same document;
- **per_titled recall**: a ``per_titled`` entity is found when an official's name matches it
  as SPEC matches officials (equal keys, or a surname-only name that ends the full name;
  one-to-one);
- **place precision**: each place and each explicit province is correct when its name (or the
  text of one of its mentions) is inside a ``loc`` entity, or inside an ``org`` entity that
  starts with a government body noun («استانداری تهران», «شهرداری ری»: PEYMA tags the body
  as ORG, and the guideline counts a place named in a government body of the place). The
  same precision with ``loc`` alone is reported beside it.

*Inside* is on :func:`~mahrumiat_extract.text.keys.match_key` (ي/ك, hamza and alef folded,
spaces and ZWNJ removed) and whole words: the name's key occurs in the entity's key starting
at the start of one of the entity's space-separated words and ending at the end of one. So
«عراقچی» and «عباس عراقچی» are inside «سید عباس عراقچی», «کرمان» is not inside «کرمانشاه»
nor «رضا» inside «علیرضا»; a name spaced differently from the entity («محمدحسین» /
«محمد حسین») still matches, since only the outer ends must fall on word boundaries.
Predicted names are counted once per document (by key), and so are ``per_titled`` entities.

A document whose four lists are all empty has no silver to score against and is skipped
(counted as "without entities"): the 327 documents of PEYMA's test part come with no entities
in the silver file although their texts name people and places, and a prediction there
would count as false whatever it is.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import ArticleRecord
from ..text.keys import match_key
from .locate import Finder, Mentions
from .scoring import Accuracy, Item, match_officials
from .silver import (
    BODY_KEYS,
    DEFAULT_SILVER,
    GOVERNMENT_BODIES,
    Entities,
    SilverDoc,
    corpus_rows,
    default_corpus,
    extract_inputs,
    load_silver,
)

__all__ = [
    "DEFAULT_SILVER",
    "GOVERNMENT_BODIES",
    "PeymaReport",
    "default_corpus",
    "evaluate_peyma",
    "load_silver",
]

# ---------------------------------------------------------------- scoring


#: The measures, in the order they are shown: (attribute, label).
MEASURES: tuple[tuple[str, str], ...] = (
    ("officials", "official-name precision (inside a per)"),
    ("per_titled", "per_titled recall (matched by an official)"),
    ("places", "place precision (loc, or gov. body org)"),
    ("places_loc_only", "place precision (loc only)"),
    ("place_items", "  places alone"),
    ("province_items", "  explicit provinces alone"),
)
_METRIC_NAMES = {
    "officials": "peyma.officials.precision",
    "per_titled": "peyma.per_titled.recall",
    "places": "peyma.places.precision",
    "places_loc_only": "peyma.places.precision_loc_only",
    "place_items": "peyma.places.places_precision",
    "province_items": "peyma.places.provinces_precision",
}


@dataclass(slots=True)
class Tallies:
    officials: Accuracy = field(default_factory=Accuracy)
    per_titled: Accuracy = field(default_factory=Accuracy)
    places: Accuracy = field(default_factory=Accuracy)
    places_loc_only: Accuracy = field(default_factory=Accuracy)
    place_items: Accuracy = field(default_factory=Accuracy)
    province_items: Accuracy = field(default_factory=Accuracy)

    def add(self, other: Tallies) -> None:
        for name, _ in MEASURES:
            getattr(self, name).merge(getattr(other, name))


@dataclass(slots=True)
class PeymaDoc:
    """One document's tallies and its errors: (label, context) pairs."""

    id: str
    part: str
    tallies: Tallies = field(default_factory=Tallies)
    false_officials: list[tuple[str, str | None]] = field(default_factory=list)
    missed_titled: list[tuple[str, str | None]] = field(default_factory=list)
    false_places: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.false_officials or self.missed_titled or self.false_places)


def score_document(doc: SilverDoc, record: ArticleRecord, text: str) -> PeymaDoc:
    """Score one record against its document's silver entities."""
    out = PeymaDoc(doc.id, doc.part)
    t = out.tallies
    first = Mentions(text)
    per = Entities(doc.per)
    seen: set[str] = set()
    officials: list[Item] = []
    for o in record.officials:
        k = match_key(o.name)
        if not k or k in seen:
            continue
        seen.add(k)
        officials.append(Item(k, o.name))
        ok = per.inside(k)
        t.officials.add(ok)
        if not ok:
            out.false_officials.append((o.name, first(o.mentions)[0]))
    titled = list(
        {match_key(s): Item(match_key(s), s) for s in doc.per_titled if s.strip()}.values()
    )
    found = {i for i, _ in match_officials(titled, officials)}
    finder = Finder(text)
    for i, it in enumerate(titled):
        t.per_titled.add(i in found)
        if i not in found:
            out.missed_titled.append((it.label, finder.name(it.label)[0]))
    loc = Entities(doc.loc)
    bodies = Entities([o for o in doc.org if match_key(o).startswith(BODY_KEYS)])
    items = [("place", p.name, p.mentions, t.place_items) for p in record.places]
    items += [("province", p.name, p.mentions, t.province_items)
              for p in record.provinces if p.explicit]  # fmt: skip
    seen = set()
    for kind, name, mentions, tally in items:
        k = match_key(name)
        if not k or k in seen:
            continue
        seen.add(k)
        keys = [k, *(match_key(m.text) for m in mentions)]
        in_loc = any(loc.inside(x) for x in keys)
        ok = in_loc or any(bodies.inside(x) for x in keys)
        t.places.add(ok)
        t.places_loc_only.add(in_loc)
        tally.add(ok)
        if not ok:
            out.false_places.append((f"{name} ({kind})", first(mentions)[0]))
    return out


@dataclass(slots=True)
class PeymaReport:
    """The PEYMA silver measures over all documents, per corpus part, and per document."""

    documents: list[PeymaDoc] = field(default_factory=list)
    total: Tallies = field(default_factory=Tallies)
    parts: dict[str, Tallies] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    without_entities: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, doc: PeymaDoc) -> None:
        self.documents.append(doc)
        self.total.add(doc.tallies)
        self.parts.setdefault(doc.part, Tallies()).add(doc.tallies)

    def metrics(self) -> dict[str, float | None]:
        """Flat ``{"peyma.officials.precision": ..., "peyma.per_titled.recall": ...,
        "peyma.places.precision": ...}``."""
        return {_METRIC_NAMES[n]: getattr(self.total, n).value for n, _ in MEASURES}

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        def tallies(t: Tallies) -> dict[str, Any]:
            return {
                _METRIC_NAMES[n]: {
                    "correct": getattr(t, n).correct,
                    "total": getattr(t, n).total,
                    "value": _r(getattr(t, n).value),
                }
                for n, _ in MEASURES
            }

        out: dict[str, Any] = {
            "documents": len(self.documents),
            "missing_from_corpus": len(self.missing),
            "without_entities": len(self.without_entities),
            "seconds": round(self.seconds, 3),
            "measures": tallies(self.total),
            "parts": {p: tallies(t) for p, t in sorted(self.parts.items())},
        }
        if errors:
            out["errors"] = [
                {
                    "id": d.id,
                    "false_officials": [{"name": n, "mention": c} for n, c in d.false_officials],
                    "missed_per_titled": [{"name": n, "mention": c} for n, c in d.missed_titled],
                    "false_places": [{"name": n, "mention": c} for n, c in d.false_places],
                }
                for d in self.documents
                if d.has_errors
            ]
        return out

    def format_table(self) -> str:
        parts = sorted(self.parts)
        head = f"{'PEYMA silver':<44}{'value':>7}{'of':>12}" + "".join(f"{p:>12}" for p in parts)
        lines = [head, "-" * len(head)]
        for n, label in MEASURES:
            tl = getattr(self.total, n)
            lines.append(
                f"{label:<44}{_f(tl.value):>7}{f'{tl.correct}/{tl.total}':>12}"
                + "".join(f"{_f(getattr(self.parts[p], n).value):>12}" for p in parts)
            )
        lines.append("")
        lines.append(f"{len(self.documents)} documents scored in {self.seconds:.2f} s")
        if self.without_entities:
            lines.append(
                f"{len(self.without_entities)} silver documents without any entity (skipped)"
            )
        if self.missing:
            lines.append(f"{len(self.missing)} silver documents not in the corpus (skipped)")
        return "\n".join(lines)

    def format_errors(self) -> str:
        blocks: list[str] = []
        for d in self.documents:
            if not d.has_errors:
                continue
            lines = [f"== {d.id}"]
            for kind, rows in (
                ("official not in per ", d.false_officials),
                ("per_titled missed   ", d.missed_titled),
                ("place not in loc/org", d.false_places),
            ):
                for name, context in rows:
                    lines.append(f"  {kind}  «{name}»  {context or '(not found in the text)'}")
            blocks.append("\n".join(lines))
        return "\n".join(blocks) if blocks else "no errors"


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def evaluate_peyma(
    silver: str | Path = DEFAULT_SILVER,
    *,
    corpus: str | Path | None = None,
    predictions: str | Path | Sequence[ArticleRecord | Mapping[str, Any]] | None = None,
) -> PeymaReport:
    """Run the extractor on the silver file's documents (their text from ``corpus``, by
    default the corpus beside the silver file) and score it; with ``predictions`` (saved
    records with the documents' ids), score those instead."""
    from .api import load_records

    started = time.perf_counter()
    docs = load_silver(silver)
    corpus_path = Path(corpus) if corpus is not None else default_corpus(silver)
    rows = corpus_rows(corpus_path, {d.id for d in docs})
    report = PeymaReport(
        missing=[d.id for d in docs if d.id not in rows],
        without_entities=[d.id for d in docs if not d.annotated],
    )
    docs = [d for d in docs if d.id in rows and d.annotated]
    if predictions is not None:
        by_id = {r.id: r for r in load_records(predictions) if r.id is not None}
        records: Iterator[ArticleRecord] = (by_id.get(d.id) or ArticleRecord(id=d.id) for d in docs)
    else:
        from ..api import extract_many

        records = extract_many(extract_inputs(rows, docs))
    for doc, record in zip(docs, records):
        report.add(score_document(doc, record, rows[doc.id]["text"]))
    report.seconds = time.perf_counter() - started
    return report
