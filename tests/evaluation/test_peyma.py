"""``evaluate --peyma``: official-name precision, per_titled recall and place precision against
silver entity strings. The silver and corpus files here are hand-written in tmp_path."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.cli import main
from mahrumiat_extract.evaluation.peyma import (
    DEFAULT_SILVER,
    Entities,
    evaluate_peyma,
    load_silver,
)
from mahrumiat_extract.records import ArticleRecord, Official, Place, ProvinceMention, Span

from ..conftest import ROOT

INSIDE = [
    pytest.param("علی رضایی", ["علي رضايي"], True, id="برابر-با-ی-عربی"),
    pytest.param("رضایی", ["علی رضایی"], True, id="نام-خانوادگی-درون-نام"),
    pytest.param("عباس عراقچی", ["سید عباس عراقچی"], True, id="دو-واژه-درون-سه"),
    pytest.param("محمدحسین فرهنگی", ["محمد حسين فرهنگي"], True, id="فاصله-متفاوت"),
    pytest.param("حبیب‌الله سیاری", ["حبيب الله سياري"], True, id="نیم‌فاصله-و-فاصله"),
    pytest.param("رضا", ["علیرضا احمدی"], False, id="بخشی-از-واژه"),
    pytest.param("کرمان", ["کرمانشاه"], False, id="کرمان-در-کرمانشاه-نیست"),
    pytest.param("کرمان", ["استان کرمان"], True, id="کرمان-در-استان-کرمان"),
    pytest.param("علی رضایی نژاد", ["علی رضایی"], False, id="نام-بلندتر-از-موجودیت"),
    pytest.param("قائم‌شهر", ["قايمشهر"], True, id="همزه-و-فاصله"),
]


@pytest.mark.parametrize(("name", "entities", "inside"), INSIDE)
def test_inside_is_whole_words_on_the_match_key(
    name: str, entities: list[str], inside: bool
) -> None:
    from mahrumiat_extract.text.keys import match_key

    assert Entities(entities).inside(match_key(name)) is inside


# Hand-written documents (not news): what each contains is stated in the silver lines below.
T1 = "علی رضایی استاندار یزد گفت: در شهرستان مهریز و شهر کرمان کار می‌کنیم. استانداری تفت هم آمد."
T2 = "احمد کریمی رئیس سازمان گفت: تیم نفت آبادان برد. حسن موسوی فرماندار حرف زد."
T3 = "متنی بی‌نام که سند آزمون است."
SILVER = [
    {"id": "nsurl-peyma300k-1.txt", "per": ["علي رضايي"], "loc": ["يزد", "شهرستان مهريز"],
     "org": ["استانداري تفت"], "per_titled": ["علي رضايي"]},
    {"id": "nsurl-extra600k-NER-2", "per": ["کریمی", "حسن موسوي"], "loc": [], "org": ["نفت آبادان"],
     "per_titled": ["احمد کریمی", "حسن موسوي"]},
    {"id": "nsurl-test150k-A-3", "per": [], "loc": [], "org": [], "per_titled": []},
    {"id": "not-in-corpus", "per": ["کسی"], "loc": [], "org": [], "per_titled": []},
]
CORPUS = [
    {"id": "nsurl-peyma300k-1.txt", "title": None, "text": T1},
    {"id": "nsurl-extra600k-NER-2", "text": T2},
    {"id": "nsurl-test150k-A-3", "text": T3},
    {"id": "other", "text": "متن دیگری"},
]


def _span(text: str, part: str) -> tuple[Span, ...]:
    start = text.index(part)
    return (Span(start=start, end=start + len(part), text=part),)


RECORDS = [
    ArticleRecord(
        id="nsurl-peyma300k-1.txt",
        officials=(Official(name="علی رضایی", mentions=_span(T1, "علی رضایی")),),
        provinces=(ProvinceMention(name="یزد", explicit=True, mentions=_span(T1, "یزد")),
                   ProvinceMention(name="کرمان", explicit=False)),  # implied: not scored
        places=(Place(name="مهریز", kind="county", mentions=_span(T1, "مهریز")),
                Place(name="کرمان", kind="city", mentions=_span(T1, "کرمان")),  # not in loc
                Place(name="تفت", kind="county", mentions=_span(T1, "تفت"))),  # gov. body org
    ),
    ArticleRecord(
        id="nsurl-extra600k-NER-2",
        officials=(Official(name="احمد کریمی", mentions=_span(T2, "احمد کریمی")),  # per: کریمی
                   Official(name="کریمی"),  # the same document: one more prediction
                   Official(name="رئیس سازمان", mentions=_span(T2, "رئیس سازمان"))),
        places=(Place(name="آبادان", kind="city", mentions=_span(T2, "آبادان")),),  # brand org
    ),
]


@pytest.fixture()
def silver(tmp_path: Path) -> Path:
    (tmp_path / "eval").mkdir()
    (tmp_path / "corpus").mkdir()
    path = tmp_path / "eval" / "silver.jsonl"
    path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in SILVER), "utf-8")
    with gzip.open(tmp_path / "corpus" / "news.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in CORPUS)
    return path


def test_scores_of_saved_records(silver: Path) -> None:
    report = evaluate_peyma(silver, predictions=RECORDS)
    assert len(report.documents) == 2
    assert report.missing == ["not-in-corpus"]
    assert report.without_entities == ["nsurl-test150k-A-3"]
    m = report.metrics()
    # officials: علی رضایی in per; احمد کریمی is not inside «کریمی»; کریمی is; رئیس سازمان no
    assert m["peyma.officials.precision"] == pytest.approx(2 / 4)
    # per_titled: علی رضایی (equal), احمد کریمی (equal); حسن موسوی not predicted
    assert m["peyma.per_titled.recall"] == pytest.approx(2 / 3)
    # places: مهریز (loc), کرمان (no), تفت (استانداری تفت), آبادان (a brand org: no);
    # explicit province یزد (loc)
    assert m["peyma.places.precision"] == pytest.approx(3 / 5)
    assert m["peyma.places.precision_loc_only"] == pytest.approx(2 / 5)
    assert m["peyma.places.places_precision"] == pytest.approx(2 / 4)
    assert m["peyma.places.provinces_precision"] == 1.0
    assert set(report.parts) == {"peyma300k", "extra600k"}
    errors = report.format_errors()
    assert "official not in per   «رئیس سازمان»" in errors and "[رئیس سازمان]" in errors
    assert "per_titled missed     «حسن موسوي»" in errors and "[حسن موسوی]" in errors
    assert "place not in loc/org  «کرمان (place)»" in errors
    assert "«آبادان (place)»  …" in errors
    data = report.to_dict(errors=True)
    assert data["measures"]["peyma.officials.precision"] == {"correct": 2, "total": 4, "value": 0.5}
    assert {e["id"] for e in data["errors"]} == {"nsurl-peyma300k-1.txt", "nsurl-extra600k-NER-2"}


def test_the_extractor_runs_on_the_corpus_texts(silver: Path) -> None:
    report = evaluate_peyma(silver)
    assert [d.id for d in report.documents] == ["nsurl-peyma300k-1.txt", "nsurl-extra600k-NER-2"]
    assert report.total.officials.total >= 1
    assert "documents scored" in report.format_table()


def test_plain_jsonl_corpus_and_explicit_path(silver: Path, tmp_path: Path) -> None:
    plain = tmp_path / "texts.jsonl"
    plain.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CORPUS), "utf-8")
    report = evaluate_peyma(silver, corpus=plain, predictions=RECORDS)
    assert report.metrics()["peyma.per_titled.recall"] == pytest.approx(2 / 3)


def test_cli(silver: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(r.model_dump_json() + "\n" for r in RECORDS), encoding="utf-8")
    base = ["evaluate", "--peyma", str(silver), "--predictions", str(records)]
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "official-name precision" in out and "0.500" in out
    assert main([*base, "--json", "--errors"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert data["documents"] == 2 and data["errors"]
    assert main([*base, "--errors"]) == 0
    assert "== nsurl-extra600k-NER-2" in capsys.readouterr().out


def test_cli_needs_gold_or_peyma_not_both(
    silver: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate"]) == 2
    assert main(["evaluate", str(silver), "--peyma", str(silver)]) == 2
    assert main(["evaluate", "--peyma", str(silver), "--halves"]) == 2
    capsys.readouterr()


def test_bad_silver_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "per": "علی"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="E701"):
        load_silver(bad)


SHARED_SILVER = ROOT / DEFAULT_SILVER


@pytest.mark.shared
def test_on_the_shared_silver() -> None:
    if not SHARED_SILVER.exists():
        pytest.skip(f"{SHARED_SILVER} not found: it lives in ../shared, beside the repo")
    report = evaluate_peyma(SHARED_SILVER.resolve())
    assert len(report.documents) + len(report.without_entities) + len(report.missing) == 1427
    assert len(report.documents) > 1000
    for value in report.metrics().values():
        assert value is not None and 0.0 <= value <= 1.0
