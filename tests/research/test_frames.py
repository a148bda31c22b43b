"""to_frames: the store's tables as pandas DataFrames, from records or from a store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.batch import store
from mahrumiat_extract.frames import FRAMES_EXTRA, mentions_frame, to_frame, to_frames
from mahrumiat_extract.records import ArticleRecord, Figure, Official, ProvinceMention, Span
from tests.conftest import SAMPLES, assert_spans

pd = pytest.importorskip("pandas")

NOW = dt.datetime(2024, 1, 2, 3, 4, 5)
TEXT = "حبیب‌الله خنجری فرماندار کرمان گفت: ۱۳۲ پروژه در استان کرمان در دست اقدام است."


def _record() -> ArticleRecord:
    def span(part: str) -> Span:
        start = TEXT.index(part)
        return Span(start=start, end=start + len(part), text=part)

    return ArticleRecord(
        id="k1", source="مهر",
        officials=(Official(name="حبیب‌الله خنجری", title="فرماندار", jurisdiction="کرمان",
                            mentions=(span("حبیب‌الله خنجری"),)),),
        provinces=(ProvinceMention(name="کرمان", explicit=True, mentions=(span("استان کرمان"),)),),
        project_counts=(Figure(count=132, unit="پروژه", status="ongoing", mentions=(span("۱۳۲ پروژه"),)),),
    )  # fmt: skip


def _samples() -> list[ArticleRecord]:
    paths = sorted((SAMPLES / "articles").glob("*.txt"))
    records = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        record = extract(text, id=path.stem)
        assert_spans(record, text)
        records.append(record)
    return records


def test_tables_and_columns_are_the_store_schema() -> None:
    frames = to_frames(_record(), now=NOW)
    assert list(frames) == list(store.TABLES)
    for name, frame in frames.items():
        assert list(frame.columns) == [c for c, _ in store.SCHEMA[name]], name


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("officials", [("k1", 0, "حبیب‌الله خنجری", "فرماندار", "کرمان")]),
        ("provinces", [("k1", 0, "کرمان", True)]),
        ("figures", [("k1", "project_count", 0, 132, "پروژه")]),
        ("mentions", [("k1", "official", 0, 0, 15), ("k1", "project_count", 0, 36, 45), ("k1", "province", 0, 49, 60)]),
    ],
    ids=["مقام", "استان", "رقم", "اشاره"],
)
def test_rows_of_one_record(table: str, expected: list[tuple[object, ...]]) -> None:
    frame = to_frame(_record(), table, now=NOW)
    width = len(expected[0])
    assert [tuple(row)[:width] for row in frame.itertuples(index=False)] == expected


def test_records_and_store_give_the_same_frames(tmp_path: Path) -> None:
    records = _samples()
    from_records = to_frames(records, input="samples", run_id="r1", now=NOW)
    rows = store.Rows()
    for position, record in enumerate(records):
        rows.extend(store.article_rows(record, input="samples", position=position, chars=None,  # type: ignore[arg-type]
                                       url=None, run_id="r1", now=NOW))
    path = tmp_path / "store.duckdb"
    con = store.connect(path)
    store.write_rows(con, rows)
    store.export_parquet(con, tmp_path / "parquet")
    con.close()
    for other in (to_frames(path), to_frames(tmp_path / "parquet")):
        for name in store.TABLES:
            pd.testing.assert_frame_equal(from_records[name], other[name], check_dtype=True, obj=name)
    assert len(from_records["articles"]) == len(records)


def test_jsonl_and_dicts(tmp_path: Path) -> None:
    record = _record()
    path = tmp_path / "records.jsonl"
    path.write_text(record.model_dump_json() + "\n", encoding="utf-8")
    expected = to_frames(record, now=NOW)
    for source in (path, [record.model_dump(mode="json")]):
        got = to_frames(source, now=NOW)
        for name in store.TABLES:
            pd.testing.assert_frame_equal(expected[name], got[name], obj=name)


def test_record_without_id_gets_its_position() -> None:
    frame = to_frame([ArticleRecord(), ArticleRecord()], "articles", input="feed")
    assert list(frame["article_id"]) == ["feed:0", "feed:1"]


def test_mentions_frame() -> None:
    record = _record()
    assert_spans(record, TEXT)
    frame = mentions_frame(record)
    assert list(frame["kind"]) == ["official", "project_count", "province"]
    assert list(frame["label"]) == ["حبیب‌الله خنجری", "132 پروژه", "کرمان"]
    assert all(TEXT[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="unknown table"):
        to_frame(_record(), "people")


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as info:
        to_frames(_record())
    assert FRAMES_EXTRA in str(info.value)
    assert 'pip install "mahrumiat-extract[frames]"' in str(info.value)
