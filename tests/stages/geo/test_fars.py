"""The فارس check (issue 14): a record that names the province فارس has a real mention of it,
not only the agency's credit. Corpus articles (read from ../shared at test time, skipped
when absent) whose record has فارس are sampled (fixed seed) and each must have a mention that
is a Fars place («شیراز», «مرودشت» ...) or «فارس» in no credit form («به گزارش ... فارس»,
«منبع: فارس», «در گفت‌وگو با فارس», «خبرگزاری فارس», «فارس نیوز»).

The credit test here is written apart from the extractor's rules, so the two can disagree.
"""

from __future__ import annotations

import gzip
import json
import random
import re

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.records import ArticleRecord

from ...conftest import SHARED

CORPUS = SHARED / "corpus" / "news.jsonl.gz"
_SAMPLE = 50
_READ = 1600  # articles run to find the sample (about 4% of the corpus names فارس)
_CLAUSE = re.compile(r"[^،,.؛:\n!؟?]*$")
_CREDIT_WORD = re.compile(r"(?<![\w\u200c])(?:گزارش|نقل|منبع|خبرگزاری|خبرنگار|گفت[\u200c ]?و[\u200c ]?گو|گفتگو|مصاحبه)")
_PLACE_WORDS = ("استان", "استان\u200cهای", "استانهای", "استانداری", "استاندار", "مردم", "شهرستان")


def is_credit(text: str, start: int, end: int) -> bool:
    """«فارس» at ``[start, end)`` is the agency: a credit word earlier in its clause with no
    place word right before it, or «نیوز»/«پلاس» right after."""
    if text[end : end + 6].strip().startswith(("نیوز", "پلاس")):
        return True
    before = text[max(0, start - 60) : start]
    if "منبع" in before[-12:]:  # «منبع: فارس», «منبع خبر: فارس»
        return True
    clause = _CLAUSE.search(before)
    words = clause.group() if clause else ""
    if words.split()[-1:] and words.split()[-1] in _PLACE_WORDS:
        return False
    return bool(_CREDIT_WORD.search(words))


def _has_real_mention(record: ArticleRecord, text: str) -> bool:
    fars = next(p for p in record.provinces if p.name == "فارس")
    for span in fars.mentions:
        if "فارس" not in span.text or not is_credit(text, span.start, span.end):
            return True
    return False


@pytest.mark.shared
def test_fars_is_earned() -> None:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: the corpus lives in ../shared, beside the repo")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    random.Random(14).shuffle(rows)
    tagged = []
    for row in rows[:_READ]:
        record = extract(row["text"], id=row["id"])
        if any(p.name == "فارس" for p in record.provinces):
            tagged.append((row, record))
    assert len(tagged) >= _SAMPLE // 2, len(tagged)
    sample = random.Random(7).sample(tagged, min(_SAMPLE, len(tagged)))
    bad = [row["id"] for row, record in sample if not _has_real_mention(record, row["text"])]
    assert not bad, bad


CREDITS = [
    pytest.param("به گزارش فارس، جلسه برگزار شد.", True, id="به-گزارش"),
    pytest.param("به گزارش گروه اقتصادی فارس، بازار آرام است.", True, id="گروه"),
    pytest.param("منبع: فارس", True, id="منبع"),
    pytest.param("در گفت‌وگو با فارس گفت", True, id="گفت‌وگو"),
    pytest.param("به گزارش ایرنا، استاندار فارس گفت", False, id="استاندار"),
    pytest.param("به گزارش ایرنا از استان فارس، باران آمد", False, id="استان"),
    pytest.param("پس از انقلاب در استان‌های فارس و یزد", False, id="انقلاب-نه-نقل"),
    pytest.param("در گفت‌وگویی تامل‌برانگیز با فارس گفت", True, id="گفت‌وگویی"),
]


@pytest.mark.parametrize(("text", "credit"), CREDITS)
def test_the_credit_test(text: str, credit: bool) -> None:
    i = text.rindex("فارس")
    assert is_credit(text, i, i + 4) is credit
