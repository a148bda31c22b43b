"""Every unit in a record is the word its span shows (issue 15): over the dev sets and 1,000
corpus articles, a figure's unit is in one of its mentions, and every mention shows the
unit's head word (a repeated figure may say «۵۰ واحد» after «۵۰ واحد مسکونی»). Money keeps
the word of the text: a toman amount is in tomans, never converted to rials."""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterator

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.text.keys import match_key

from ...conftest import SHARED

CORPUS_ARTICLES = 1000


def _texts() -> Iterator[tuple[str, str]]:
    for name in ("dev.jsonl", "dev2.jsonl"):
        with (SHARED / "eval" / name).open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    item = json.loads(line)
                    yield item["id"], item["text"]
    with gzip.open(SHARED / "corpus" / "news.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, CORPUS_ARTICLES):
            item = json.loads(line)
            yield item["id"], item["text"]


@pytest.mark.shared
def test_every_unit_is_the_word_its_span_shows() -> None:
    if not (SHARED / "eval" / "dev2.jsonl").exists() or not (SHARED / "corpus").exists():
        pytest.skip("../shared not found")
    bad = []
    seen = 0
    for art_id, text in _texts():
        record = extract(text, id=art_id)
        for fig in record.project_counts + record.job_figures + record.quantities:
            seen += 1
            unit = match_key(fig.unit)
            head = match_key(fig.unit.split()[0])
            shown = [match_key(m.text) for m in fig.mentions]
            if not any(unit in s for s in shown) or not all(head in s for s in shown):
                bad.append((art_id, fig.unit, [m.text for m in fig.mentions]))
    assert seen > 1000
    assert not bad, bad[:10]
