"""ZWNJ restoration measured against hazm's Normalizer on well-written text with its
half-spaces stripped (the dev set's articles that use ZWNJ, and the project's samples)."""

from __future__ import annotations

import json

from mahrumiat_extract.text import zwnj_eval

from ..conftest import DEV, SAMPLES


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))]
    if DEV.exists():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def test_restores_more_half_spaces_than_hazm(capsys: object) -> None:
    texts = _texts()
    ours = zwnj_eval.score(texts, zwnj_eval.ours)
    hazm = zwnj_eval.score(texts, zwnj_eval.hazm_normalizer())
    print(f"ours: {ours.restored}/{ours.gold} (P {ours.precision:.2f}); hazm: {hazm.restored}/{hazm.gold} (P {hazm.precision:.2f})")
    assert ours.gold > 50
    assert ours.recall >= 0.6
    assert ours.recall > hazm.recall
    assert ours.precision >= 0.6


def test_score_counts_words() -> None:
    text = "این پروژه\u200cها برای خانواده\u200cای کوچک اجرا می\u200cشود."
    s = zwnj_eval.score([text], zwnj_eval.ours)
    assert s.gold == 3 and s.restored == 3
