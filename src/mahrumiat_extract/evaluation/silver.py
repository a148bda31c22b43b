"""PEYMA silver input: the silver file, the corpus texts it points to, and whole-word
containment of a name in an entity string (see :mod:`.peyma` for the measures)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.keys import match_key

__all__ = [
    "DEFAULT_SILVER",
    "GOVERNMENT_BODIES",
    "SilverDoc",
    "corpus_rows",
    "default_corpus",
    "extract_inputs",
    "load_silver",
]

#: Where the silver file is when ../shared sits beside the repository.
DEFAULT_SILVER = Path("../shared/eval/peyma_silver.jsonl")
#: An ``org`` entity starting with one of these names a government body of a place.
GOVERNMENT_BODIES: tuple[str, ...] = ("استانداری", "فرمانداری", "شهرداری", "بخشداری", "دهیاری")
BODY_KEYS = tuple(match_key(b) for b in GOVERNMENT_BODIES)
_HINTS = ("published", "title", "source", "url")


def default_corpus(silver: str | Path) -> Path:
    """The corpus beside a silver file: ``<silver>/../../corpus/news.jsonl.gz``."""
    return Path(silver).resolve().parent.parent / "corpus" / "news.jsonl.gz"


# ---------------------------------------------------------------- entities


class Entities:
    """A document's entity strings as keys with their word boundaries, for "inside" tests."""

    __slots__ = ("_items",)

    def __init__(self, strings: Sequence[str]) -> None:
        items: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        for s in strings:
            words = [match_key(w) for w in s.split()]
            k = "".join(words)
            if not k or k in items:
                continue
            starts, ends, pos = set(), set(), 0
            for w in words:
                if w:
                    starts.add(pos)
                    pos += len(w)
                    ends.add(pos)
            if k != match_key(s):  # a character that folds across words: only the ends count
                starts, ends = {0}, {len(k)}
            items[k] = (frozenset(starts), frozenset(ends))
        self._items = items

    def __bool__(self) -> bool:
        return bool(self._items)

    def inside(self, name_key: str) -> bool:
        """Is ``name_key`` whole words of one of the entities (or equal to one)?"""
        if not name_key:
            return False
        n = len(name_key)
        for k, (starts, ends) in self._items.items():
            i = k.find(name_key)
            while i >= 0:
                if i in starts and i + n in ends:
                    return True
                i = k.find(name_key, i + 1)
        return False


# ---------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class SilverDoc:
    """One document's silver entities."""

    id: str
    per: tuple[str, ...] = ()
    loc: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    per_titled: tuple[str, ...] = ()

    @property
    def annotated(self) -> bool:
        """Has the document any entity at all (else it is skipped)?"""
        return bool(self.per or self.loc or self.org or self.per_titled)

    @property
    def part(self) -> str:
        """The corpus part the id names: ``nsurl-peyma300k-…`` → ``peyma300k``."""
        bits = self.id.split("-")
        return bits[1] if len(bits) > 2 and bits[0] == "nsurl" else "other"


def read_jsonl(path: Path, *, what: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, object)`` of each non-blank line of a JSONL file (gzipped when it ends in
    ``.gz``): the one reader of gold, records, silver and corpus files. E702 when the file
    cannot be read, E701 for a line that is not a JSON object."""
    try:
        fh = (
            gzip.open(path, "rt", encoding="utf-8")
            if path.suffix == ".gz"
            else path.open(encoding="utf-8-sig")
        )
    except OSError as exc:
        raise InputError(f"E702 cannot read {what} file {path}: {exc.strerror}") from exc
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"E701 {where}: invalid JSON: {exc.msg}") from None
            except (EOFError, OSError) as exc:
                raise InputError(f"E701 {where}: invalid JSON: {exc}") from None
            if not isinstance(obj, dict):
                raise InputError(f"E701 {where}: a JSON object is expected")
            yield where, obj


def _strings(obj: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = obj.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f'E701 {where}: "{name}" must be a list of strings')
    return tuple(value)


def load_silver(path: str | Path) -> list[SilverDoc]:
    """The silver file: one ``{"id", "per", "loc", "org", "per_titled"}`` a line."""
    docs: list[SilverDoc] = []
    for where, obj in read_jsonl(Path(path), what="silver"):
        if not isinstance(obj.get("id"), str):
            raise InputError(f'E701 {where}: an "id" string is expected')
        docs.append(
            SilverDoc(
                id=obj["id"],
                **{f: _strings(obj, f, where) for f in ("per", "loc", "org", "per_titled")},
            )
        )
    return docs


def corpus_rows(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus lines (JSONL, gzipped or not) whose id is wanted and that have a text."""
    out: dict[str, dict[str, Any]] = {}
    for _, obj in read_jsonl(path, what="corpus"):
        ident = obj.get("id")
        if isinstance(ident, str) and ident in ids and isinstance(obj.get("text"), str):
            out[ident] = obj
    return out


def extract_inputs(
    rows: Mapping[str, Mapping[str, Any]], docs: Sequence[SilverDoc]
) -> Iterator[dict[str, Any]]:
    for d in docs:
        obj = rows[d.id]
        item: dict[str, Any] = {"id": d.id, "text": obj["text"]}
        item.update({k: obj[k] for k in _HINTS if obj.get(k) is not None})
        if "published" not in item and obj.get("date") is not None:
            item["published"] = obj["date"]
        yield item
