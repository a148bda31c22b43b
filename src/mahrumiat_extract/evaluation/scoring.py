"""Scoring of records against gold, exactly as ../shared/SPEC.md fixes it.

Names are compared by :func:`~mahrumiat_extract.text.keys.key` (SPEC's key); a surname-only
official matches a full name that ends with it, and back; figures are matched on ``count``
as a multiset. Counts are summed over articles (micro-average); an article with no gold item
and no prediction of a field adds nothing to that field. On matched officials, title and
jurisdiction are compared by key (``None`` equals ``None``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..records import ArticleRecord, Figure
from ..text.keys import key
from .locate import Finder, Mentions, dedupe

__all__ = [
    "FIELDS",
    "Accuracy",
    "ArticleResult",
    "Counts",
    "Item",
    "Mismatch",
    "gold_items",
    "predicted_items",
    "score_article",
]

#: The scored fields, in SPEC's order.
FIELDS: tuple[str, ...] = (
    "officials",
    "provinces",
    "places",
    "neighborhoods",
    "project_counts",
    "job_figures",
)

NAME_FIELDS = ("officials", "provinces", "places", "neighborhoods")
FIGURE_FIELDS = ("project_counts", "job_figures")


@dataclass(frozen=True, slots=True)
class Item:
    """A gold or predicted item reduced to what scoring compares and what a reader needs.

    ``key`` is the name key (or the count as a string for figures); ``label`` is how the item
    is shown; ``mention`` is the text where it was found (predicted: its first span;
    gold: where the name or number occurs in the article, when it can be found).
    """

    key: str
    label: str
    mention: str | None = None
    start: int | None = None
    title: str | None = None
    jurisdiction: str | None = None
    status: str | None = None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        """``None`` when the field had neither gold nor predictions anywhere."""
        if not (self.tp or self.fp or self.fn):
            return None
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float | None:
        if not (self.tp or self.fp or self.fn):
            return None
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float | None:
        if not (self.tp or self.fp or self.fn):
            return None
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom


@dataclass(slots=True)
class Accuracy:
    """Correct out of total (on matched pairs)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        """Count one more pair, right or not."""
        self.total += 1
        self.correct += ok

    def merge(self, other: Accuracy) -> None:
        """Add ``other``'s counts to these."""
        self.correct += other.correct
        self.total += other.total


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A matched official whose title or jurisdiction differs from gold, or a matched figure
    whose status differs (``field`` says which list the item is in)."""

    attribute: str
    name: str
    gold: str | None
    predicted: str | None
    field: str = "officials"


@dataclass(slots=True)
class ArticleResult:
    """What one article contributed: counts per field, and the errors behind them."""

    id: str | None
    counts: dict[str, Counts] = field(default_factory=dict)
    missed: dict[str, list[Item]] = field(default_factory=dict)
    extra: dict[str, list[Item]] = field(default_factory=dict)
    title: Accuracy = field(default_factory=Accuracy)
    jurisdiction: Accuracy = field(default_factory=Accuracy)
    #: Figure status on count-matched pairs whose gold states a status, per figure field.
    status: dict[str, Accuracy] = field(
        default_factory=lambda: {f: Accuracy() for f in FIGURE_FIELDS}
    )
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(any(self.missed.values()) or any(self.extra.values()) or self.mismatches)


# ---------------------------------------------------------------- gold and predicted items


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _gold_name(entry: Any, *, where: str) -> tuple[str, Mapping[str, Any]]:
    if isinstance(entry, str):
        return entry, {}
    if isinstance(entry, Mapping) and isinstance(entry.get("name"), str):
        return entry["name"], entry
    raise InputError(f'E701 {where}: a name string or an object with a "name" is expected')


def _gold_count(entry: Any, *, where: str) -> tuple[int, str]:
    value: Any = entry.get("count") if isinstance(entry, Mapping) else entry
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f'E701 {where}: a figure needs an integer "count"')
    try:
        count = int(value)
    except ValueError:
        raise InputError(f"E701 {where}: count {value!r} is not an integer") from None
    unit = entry.get("unit") if isinstance(entry, Mapping) else None
    return count, unit if isinstance(unit, str) else ""


def gold_items(
    gold: Mapping[str, Any], *, text: str = "", where: str = "gold"
) -> dict[str, list[Item]]:
    """The scored items of one gold object (SPEC's short form), per field.

    Names may be strings or objects with ``name``; figures objects with ``count`` (or bare
    integers). ``text`` is the article, used to show where a gold item occurs.
    """
    if not isinstance(gold, Mapping):
        raise InputError(f'E701 {where}: "gold" must be an object')
    finder = Finder(text)
    out: dict[str, list[Item]] = {}
    for fname in NAME_FIELDS:
        items: list[Item] = []
        for i, entry in enumerate(_as_list(gold.get(fname), where=f"{where}.{fname}")):
            name, obj = _gold_name(entry, where=f"{where}.{fname}[{i}]")
            mention, start = finder.name(name)
            items.append(
                Item(
                    key=key(name),
                    label=name,
                    mention=mention,
                    start=start,
                    title=_opt_str(obj.get("title")),
                    jurisdiction=_opt_str(obj.get("jurisdiction")),
                )
            )
        out[fname] = dedupe(items)
    for fname in FIGURE_FIELDS:
        figs: list[Item] = []
        for i, entry in enumerate(_as_list(gold.get(fname), where=f"{where}.{fname}")):
            count, unit = _gold_count(entry, where=f"{where}.{fname}[{i}]")
            mention, start = finder.number(count)
            label = f"{count} {unit}".strip()
            status = _opt_str(entry.get("status")) if isinstance(entry, Mapping) else None
            figs.append(
                Item(key=str(count), label=label, mention=mention, start=start, status=status)
            )
        out[fname] = figs
    return out


def _as_list(value: Any, *, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"E701 {where}: a list is expected")
    return value


def predicted_items(record: ArticleRecord, *, text: str = "") -> dict[str, list[Item]]:
    """The scored items of a record, per field (names deduplicated by key). With the
    article's ``text``, an item's mention is shown in its context."""
    first = Mentions(text)
    out: dict[str, list[Item]] = {}
    out["officials"] = dedupe(
        [
            Item(
                key(o.name), o.name, *first(o.mentions), title=o.title, jurisdiction=o.jurisdiction
            )
            for o in record.officials
        ]
    )
    for fname in ("provinces", "places", "neighborhoods"):
        out[fname] = dedupe(
            [Item(key(x.name), x.name, *first(x.mentions)) for x in getattr(record, fname)]
        )
    for fname in FIGURE_FIELDS:
        figs: list[Figure] = list(getattr(record, fname))
        out[fname] = [
            Item(str(f.count), f"{f.count} {f.unit}".strip(), *first(f.mentions), status=f.status)
            for f in figs
        ]
    return out


# ---------------------------------------------------------------- matching


def _surname_of(a: str, b: str) -> bool:
    """SPEC: a surname-only name matches a full name that ends with it (either way)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long_.endswith(short)


def match_officials(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """Pairs ``(gold index, predicted index)``: exact keys first, then the surname rule,
    as a maximum one-to-one matching (augmenting paths; lists are short)."""
    pairs: list[tuple[int, int]] = []
    pred_by_key = {p.key: j for j, p in enumerate(pred)}
    used_pred: set[int] = set()
    rest: list[int] = []
    for i, g in enumerate(gold):
        j = pred_by_key.get(g.key)
        if j is not None and j not in used_pred:
            pairs.append((i, j))
            used_pred.add(j)
        else:
            rest.append(i)
    free = [j for j in range(len(pred)) if j not in used_pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in free:
            if j in seen or not _surname_of(gold[i].key, pred[j].key):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in rest:
        augment(i, set())
    pairs.extend((i, j) for j, i in owner.items())
    return sorted(pairs)


def _match_keys(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    pred_by_key = {p.key: j for j, p in enumerate(pred)}
    return [(i, pred_by_key[g.key]) for i, g in enumerate(gold) if g.key in pred_by_key]


def _match_counts(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """Multiset matching on count: the n-th gold item of a count with the n-th predicted."""
    waiting: dict[str, list[int]] = {}
    for j, p in enumerate(pred):
        waiting.setdefault(p.key, []).append(j)
    pairs: list[tuple[int, int]] = []
    for i, g in enumerate(gold):
        queue = waiting.get(g.key)
        if queue:
            pairs.append((i, queue.pop(0)))
    return pairs


def _same(a: str | None, b: str | None) -> bool:
    return key(a or "") == key(b or "")


def score_article(
    gold: Mapping[str, list[Item]],
    pred: Mapping[str, list[Item]],
    *,
    id: str | None = None,
) -> ArticleResult:
    """Score one article's predicted items against its gold items."""
    result = ArticleResult(id=id)
    for fname in FIELDS:
        g, p = list(gold.get(fname, ())), list(pred.get(fname, ()))
        if fname == "officials":
            pairs = match_officials(g, p)
        elif fname in FIGURE_FIELDS:
            pairs = _match_counts(g, p)
        else:
            pairs = _match_keys(g, p)
        gi = {i for i, _ in pairs}
        pj = {j for _, j in pairs}
        result.counts[fname] = Counts(tp=len(pairs), fp=len(p) - len(pj), fn=len(g) - len(gi))
        result.missed[fname] = [x for i, x in enumerate(g) if i not in gi]
        result.extra[fname] = [x for j, x in enumerate(p) if j not in pj]
        if fname == "officials":
            _attributes(result, [(g[i], p[j]) for i, j in pairs])
        elif fname in FIGURE_FIELDS:
            _statuses(result, fname, [(g[i], p[j]) for i, j in pairs])
    return result


def _attributes(result: ArticleResult, pairs: Iterable[tuple[Item, Item]]) -> None:
    for g, p in pairs:
        for attr, acc in (("title", result.title), ("jurisdiction", result.jurisdiction)):
            gv, pv = getattr(g, attr), getattr(p, attr)
            same = _same(gv, pv)
            acc.add(same)
            if not same:
                result.mismatches.append(Mismatch(attr, p.label, gv, pv))


def _statuses(result: ArticleResult, fname: str, pairs: Iterable[tuple[Item, Item]]) -> None:
    """Status accuracy of count-matched figures, over the pairs whose gold states a status."""
    acc = result.status[fname]
    for g, p in pairs:
        if g.status is None:
            continue
        acc.add(g.status == p.status)
        if g.status != p.status:
            result.mismatches.append(Mismatch("status", p.label, g.status, p.status, fname))
