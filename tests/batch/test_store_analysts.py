"""The store for analysts: the article texts beside the spans, one vocabulary of kinds, ids
namespaced by input, and the views of the README."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.batch import store
from mahrumiat_extract.batch.readers import ReadOptions
from mahrumiat_extract.batch.runner import RunOptions, run
from mahrumiat_extract.cli import main
from mahrumiat_extract.highlight import KIND_COLORS, KINDS
from tests.batch.helpers import PLACES, article, write_jsonl


def _run(inputs: list[Path], db: Path, **options: object) -> duckdb.DuckDBPyConnection:
    read = ReadOptions(id_prefix=str(options.pop("id_prefix", "")))
    run([str(p) for p in inputs], db, read=read,
        options=RunOptions(jobs=1, progress=False, **options), stream=io.StringIO())  # type: ignore[arg-type]  # fmt: skip
    return duckdb.connect(str(db), read_only=True)


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    tmp = tmp_path_factory.mktemp("store")
    with (tmp / "a.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(8):
            fh.write(json.dumps({"id": f"a{i:05d}", "text": _text(i), "date": "2023-05-01"},
                                ensure_ascii=False) + "\n")  # fmt: skip
    return _run([tmp / "a.jsonl"], tmp / "s.duckdb")


def _text(i: int) -> str:
    """A made-up article with a named official (helpers.article names only an office)."""
    city = PLACES[i % len(PLACES)][0]
    return article(i) + f"\nمحمد رضایی فرماندار {city} در این آیین گفت: کار ادامه دارد."


def test_texts_make_the_spans_usable_in_sql(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT count(*) FROM texts").fetchone() == (8,)
    wrong = con.execute(
        'SELECT count(*) FROM mentions m JOIN texts t USING (article_id) '
        'WHERE substr(t.text, m.start + 1, m."end" - m.start) <> m.text'
    ).fetchone()
    assert wrong == (0,) and con.execute("SELECT count(*) FROM mentions").fetchone()[0] > 20
    text = con.execute("SELECT text FROM texts WHERE article_id = 'a00003'").fetchone()[0]
    assert text == _text(3)


def test_no_text(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 3)
    con = _run([tmp_path / "a.jsonl"], tmp_path / "s.duckdb", text=False)
    assert con.execute("SELECT count(*) FROM texts").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    con.close()
    out = tmp_path / "cli.duckdb"
    assert main(["run", str(tmp_path / "a.jsonl"), "-o", str(out), "--no-text", "--no-progress"]) == 0
    with duckdb.connect(str(out), read_only=True) as cli:
        assert cli.execute("SELECT count(*) FROM texts").fetchone() == (0,)


def test_one_vocabulary_of_kinds(con: duckdb.DuckDBPyConnection) -> None:
    figure_kinds = {kind for _, kind in store.FIGURE_KINDS}
    assert figure_kinds == {"project_count", "job_figure", "quantity"}
    assert [kind for _, kind in store.FIGURE_KINDS] == [KINDS[f] for f, _ in store.FIGURE_KINDS]
    assert set(KIND_COLORS) == set(KINDS.values())
    stored = {k for (k,) in con.execute("SELECT DISTINCT kind FROM figures").fetchall()}
    assert stored and stored <= figure_kinds
    mentioned = {k for (k,) in con.execute("SELECT DISTINCT kind FROM mentions").fetchall()}
    assert mentioned <= set(KINDS.values())
    record = extract(article(1) + " و ۲۰ روستا")
    assert {kind for kind, _ in record.spans()} <= set(KINDS.values())
    spacy = pytest.importorskip("spacy")  # noqa: F841
    from mahrumiat_extract.spacy_component import LABELS

    assert LABELS == {kind: kind.upper() for kind in KINDS.values()}


def test_ids_numbered_alike_by_two_inputs(tmp_path: Path) -> None:
    for name, start in (("mehr", 0), ("irna", 10)):
        with (tmp_path / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(1, 4):
                fh.write(json.dumps({"id": str(i), "text": article(start + i)}, ensure_ascii=False) + "\n")
    inputs = [tmp_path / "mehr.jsonl", tmp_path / "irna.jsonl"]
    plain = _run(inputs, tmp_path / "plain.duckdb")
    assert plain.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    reasons = [r for (r,) in plain.execute("SELECT reason FROM errors").fetchall()]
    assert len(reasons) == 3 and all(r.startswith("E611") for r in reasons)
    named = _run(inputs, tmp_path / "named.duckdb", id_prefix="{name}:")
    ids = sorted(r[0] for r in named.execute("SELECT article_id FROM articles").fetchall())
    assert ids == ["irna:1", "irna:2", "irna:3", "mehr:1", "mehr:2", "mehr:3"]
    assert named.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    records = [json.loads(r) for (r,) in named.execute("SELECT record FROM articles").fetchall()]
    assert sorted(r["id"] for r in records) == ids


def test_views(con: duckdb.DuckDBPyConnection) -> None:
    assert set(store.VIEWS) == {"official_articles", "figure_articles", "figures_by_province",
                                "mention_context"}  # fmt: skip
    rows = con.execute(
        "SELECT name, title, published_gregorian, provinces FROM official_articles "
        "WHERE article_id = 'a00001'"
    ).fetchall()
    assert rows and all(str(r[2]) == "2023-05-01" for r in rows)
    assert rows[0][:2] == ("محمد رضایی", "فرماندار")
    assert all(r[3] == ["کرمان"] for r in rows)  # article 1 is about جیرفت, کرمان
    by_province = con.execute(
        "SELECT province, kind, total, articles FROM figures_by_province "
        "WHERE kind = 'job_figure' ORDER BY province"
    ).fetchall()
    assert by_province and {r[0] for r in by_province} <= {"لرستان", "کرمان", "کردستان",
                                                           "اصفهان", "سیستان و بلوچستان",
                                                           "گلستان", "هرمزگان"}  # fmt: skip
    assert sum(r[3] for r in by_province) == 8  # every article's job figure, once
    jobs = con.execute(
        "SELECT sum(count) FROM figures WHERE kind = 'job_figure'"
    ).fetchone()[0]
    assert sum(r[2] for r in by_province) == jobs  # one province an article here
    context = con.execute(
        "SELECT before, text, after FROM mention_context "
        "WHERE kind = 'job_figure' AND article_id = 'a00002'"
    ).fetchall()
    assert context and all(b + x + a in _text(2) for b, x, a in context)
