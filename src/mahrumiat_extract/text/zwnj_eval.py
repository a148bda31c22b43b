"""Measure ZWNJ restoration: strip the half-spaces of well-written text, restore them, and
count how many words come back with their half-space (ours against hazm's Normalizer).

    python -m mahrumiat_extract.text.zwnj_eval ../shared/eval/dev.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from .chars import ZWNJ
from .normalize import normalize

_WORD = regex.compile(r"[\p{Arabic}\u200c]+")
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


@dataclass(frozen=True)
class RestorationScore:
    gold: int  # words with a ZWNJ in the well-written text
    predicted: int  # words with a ZWNJ after restoration
    restored: int  # of those, words restored exactly

    @property
    def recall(self) -> float:
        return self.restored / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.restored / self.predicted if self.predicted else 0.0


def _zwnj_words(text: str) -> Counter[str]:
    return Counter(
        w.strip(ZWNJ) for w in _WORD.findall(text.translate(_FOLD)) if ZWNJ in w.strip(ZWNJ)
    )


def score(texts: Iterable[str], restore: Callable[[str], str]) -> RestorationScore:
    """Score ``restore`` (stripped text → text) on ``texts`` that use ZWNJ correctly."""
    gold_n = pred_n = ok = 0
    for text in texts:
        gold = _zwnj_words(text)
        if not gold:
            continue
        pred = _zwnj_words(restore(text.replace(ZWNJ, "")))
        gold_n += sum(gold.values())
        pred_n += sum(pred.values())
        ok += sum(min(n, pred[w]) for w, n in gold.items())
    return RestorationScore(gold_n, pred_n, ok)


def ours(text: str) -> str:
    return normalize(text).text


def hazm_normalizer() -> Callable[[str], str]:
    """hazm's ``Normalizer().normalize`` (imported only here: it is slow to import)."""
    from hazm import Normalizer

    return Normalizer().normalize  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    texts: list[str] = []
    for path in args:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    for name, fn in (("mahrumiat-extract", ours), ("hazm Normalizer", hazm_normalizer())):
        s = score(texts, fn)
        print(
            f"{name:18} restored {s.restored}/{s.gold} half-spaces "
            f"(recall {s.recall:.3f}, precision {s.precision:.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
