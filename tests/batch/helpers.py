"""Articles written for the batch tests (in the style of Persian provincial news) and small
helpers to lay them out as input files."""

from __future__ import annotations

import json
from pathlib import Path

from mahrumiat_extract.records import ArticleRecord
from tests.conftest import assert_spans

PLACES = (("خرم‌آباد", "لرستان"), ("جیرفت", "کرمان"), ("مریوان", "کردستان"), ("سمیرم", "اصفهان"),
          ("خاش", "سیستان و بلوچستان"), ("گنبد کاووس", "گلستان"), ("قشم", "هرمزگان"))  # fmt: skip


def article(n: int) -> str:
    """A short made-up news article, different for every ``n``."""
    city, province = PLACES[n % len(PLACES)]
    return (
        f"{city}- فرماندار {city} از بهره‌برداری {10 + n % 90} پروژه محرومیت‌زدایی در روستاهای "
        f"این شهرستان خبر داد.\n"
        f"به گزارش روابط عمومی استانداری {province}، با اجرای این طرح‌ها زمینه اشتغال "
        f"{100 + n} نفر در مناطق کم‌برخوردار استان {province} فراهم شده است.\n"
        f"وی افزود: شماره پیگیری این گزارش {n} است."
    )


def write_jsonl(path: Path, n: int, *, start: int = 0) -> dict[str, str]:
    """``n`` articles as JSONL at ``path``; returns id -> text."""
    texts = {f"a{i:05d}": article(i) for i in range(start, start + n)}
    with path.open("w", encoding="utf-8") as fh:
        for aid, text in texts.items():
            fh.write(json.dumps({"id": aid, "text": text, "date": "2023-05-01"}, ensure_ascii=False) + "\n")
    return texts


def check_records(con: object, texts: dict[str, str]) -> None:
    """Every stored record's spans index its original text."""
    for aid, record_json in con.execute("SELECT article_id, record FROM articles").fetchall():  # type: ignore[attr-defined]
        if aid in texts:
            assert_spans(ArticleRecord.model_validate_json(record_json), texts[aid])
