"""Any text in, a valid record out, in time linear in its length (issue 16): a property test over
surrogates, mixed scripts and repeated patterns; a scaling test on doubled articles; a 5 MB one."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mahrumiat_extract import extract
from mahrumiat_extract.records import ArticleRecord

from .helpers import article

PIECES = ["استاندار لرستان", " ۱۲۲ تریلیون ", "پروژه", "\u200c", "محله", "٣٤", "123", "abc", "ك", "ي",
          "\udbff", "\ud800", "\udc00", "\n\n", "«", "»", ":", "فرماندار", "شهرستان", "هزار", "نفر",
          "\u202b", "\x00", "😀", " و ", "۱۴۰۱/۰۲/۰۱", "ـ"]  # fmt: skip


texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(1, 30))
def test_any_text_gives_a_valid_record(text: str, repeat: int) -> None:
    text = text * (repeat if len(text) * repeat < 4000 else 1)
    started = time.perf_counter()
    record = extract(text, id="x\udbff")
    elapsed = time.perf_counter() - started
    clean = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    for field in ("officials", "provinces", "places", "neighborhoods", "project_counts", "job_figures", "quantities"):
        for entity in getattr(record, field):
            for span in entity.mentions:
                assert 0 <= span.start <= span.end <= len(text) and span.text == clean[span.start : span.end]
    assert ArticleRecord.model_validate_json(record.model_dump_json()) == record
    json.loads(record.model_dump_json())
    assert elapsed < 1.0 + len(text) / 2_000  # bounded per character (generous: a shared machine)


def _distinct(chars: int) -> str:
    """Distinct made-up news text of about ``chars`` characters (no paragraph repeats)."""
    parts, n, size = [], 0, 0
    while size < chars:
        parts.append(article(n))
        size += len(parts[-1]) + 1
        n += 1
    return "\n".join(parts)


def _per_char(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()  # CPU time: other work on a shared machine does not count
        extract(text)
        best = min(best, time.process_time() - started)
    return best / len(text)


@pytest.mark.slow
def test_time_per_character_stays_flat_when_the_article_doubles() -> None:
    extract(article(0))  # warm
    sizes = [20_000, 40_000, 80_000, 160_000]
    costs = [_per_char(_distinct(n)) for n in sizes]
    ratios = [b / a for a, b in zip(costs, costs[1:])]
    assert all(r <= 1.3 for r in ratios), ratios


@pytest.mark.slow
def test_a_5_mb_article_of_distinct_text_in_under_20_s() -> None:
    code = ("import sys, time; sys.path.insert(0, '.'); from tests.batch.test_robust import _distinct;"
            "from mahrumiat_extract import extract; extract('گرم'); t = _distinct(2_800_000);"
            "s = time.process_time(); extract(t); print(time.process_time() - s)")  # fmt: skip
    # 5 MB of UTF-8: about 2.8 million characters of these articles
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("a 5 MB article took more than 120 s of wall time")
    assert out.returncode == 0, out.stderr[-2000:]
    assert float(out.stdout.split()[-1]) < 20.0  # CPU seconds of the extraction
