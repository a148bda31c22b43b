"""The batch job end to end: store contents, errors, idempotent re-runs, resume after kill -9,
Ctrl-C, the Dask engine, and the bundled sample feeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from mahrumiat_extract.batch import store
from mahrumiat_extract.batch.readers import Item
from mahrumiat_extract.batch.runner import RunOptions, run
from mahrumiat_extract.batch.work import process_item

from .helpers import article, check_records, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "data" / "samples" / "feeds"
ARTICLES = ROOT / "data" / "samples" / "articles"


def counts(path: Path) -> dict[str, int]:
    con = store.connect(path, read_only=True)
    try:
        return store.summary(con)
    finally:
        con.close()


def test_run_store_errors_and_idempotent_rerun(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    texts = write_jsonl(tmp_path / "in" / "a.jsonl", 20)
    (tmp_path / "in" / "bad.jsonl").write_bytes(b'{"id": "x", "text": "\xff"}\n{oops\n')
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    summary = run([str(tmp_path / "in")], db, options=RunOptions(chunk_size=4, jsonl=tmp_path / "o.jsonl"))
    assert (summary.read, summary.stored, summary.failed, summary.exit_code) == (23, 20, 3, 1)
    first = counts(db)
    assert first["articles"] == 20 and first["errors"] == 3 and first["provinces"] >= 20
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 20
    con = duckdb.connect(str(db), read_only=True)
    check_records(con, texts)
    reasons = sorted(r[0][:4] for r in con.execute("SELECT reason FROM errors").fetchall())
    assert reasons == ["E602", "E606", "E607"]
    assert con.execute("SELECT count(*) FROM articles WHERE published_gregorian = '2023-05-01'").fetchone() == (20,)
    con.close()
    again = run([str(tmp_path / "in")], db, options=RunOptions(chunk_size=7, jobs=2))
    assert again.stored == 20 and counts(db) == first
    resumed = run([str(tmp_path / "in")], db, options=RunOptions(resume=True))
    assert (resumed.skipped, resumed.stored) == (20, 0) and counts(db) == first


@pytest.mark.parametrize("commit_every", [512, 2], ids=["one-transaction", "across-transactions"])
def test_duplicate_ids_in_one_run_are_stored_once(tmp_path: Path, commit_every: int) -> None:
    write_jsonl(tmp_path / "a.jsonl", 5)
    write_jsonl(tmp_path / "b.jsonl", 5)
    options = RunOptions(chunk_size=2, commit_every=commit_every, jsonl=tmp_path / "o.jsonl")
    summary = run([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], tmp_path / "s.duckdb",
                  options=options)  # fmt: skip
    assert (summary.stored, summary.failed) == (5, 5)
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM errors WHERE reason LIKE 'E611%'").fetchone() == (5,)
    assert con.execute("SELECT count(*), count(DISTINCT input) FROM articles").fetchone() == (5, 1)
    con.close()


@pytest.mark.parametrize(("html", "error"), [
    pytest.param("<html><body><nav>صفحه اصلی | ورزشی</nav><footer>کلیه حقوق محفوظ است</footer></body></html>",
                 "E608", id="صفحه-بی-خبر"),
    pytest.param("<html><body><article>" + "".join(f"<p>{line}</p>" for line in article(3).split("\n"))
                 + "</article></body></html>", None, id="صفحه-خبر"),
])  # fmt: skip
def test_html_page(html: str, error: str | None) -> None:
    done = process_item(Item(input="p.html", position=0, id="p", html=html), run_id="t")
    assert done.ok is (error is None)
    if error:
        assert done.rows.tables["errors"][0][3].startswith(error)
    else:
        record_json = done.rows.tables["articles"][0][13]
        assert "محرومیت‌زدایی" in record_json  # ZWNJ kept through trafilatura


def test_parquet_export_reads_back(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 6)
    run([str(tmp_path / "a.jsonl")], tmp_path / "s.duckdb", options=RunOptions(parquet=tmp_path / "pq"))
    con = duckdb.connect()
    for name in store.TABLES:
        assert (tmp_path / "pq" / f"{name}.parquet").exists()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'articles.parquet'}'").fetchone() == (6,)


def test_sample_feeds_are_up_to_date() -> None:
    script = ROOT / "scripts" / "make_sample_feeds.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


def test_sample_feeds_store_every_article_once(tmp_path: Path) -> None:
    summary = run([str(FEEDS)], tmp_path / "s.duckdb", options=RunOptions(jobs=2))
    n = len(list(ARTICLES.glob("*.txt")))
    assert (summary.stored, summary.failed, summary.exit_code) == (n, 0, 0)
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    inputs = {r[0] for r in con.execute("SELECT DISTINCT split_part(input, '/', -2) FROM articles").fetchall()}
    assert inputs >= {"jsonl", "csv", "rss", "atom", "warc", "txt", "html", "gz"}


def test_docs_list_every_table_and_column() -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, columns in store.SCHEMA.items():
        assert f"`{name}`" in docs, name
        for column, _ in columns:
            assert f"`{column}`" in docs, (name, column)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mahrumiat_extract.batch", "run", *args]


def _wait_lines(path: Path, n: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.01)
    pytest.fail("the run finished or stalled before it could be interrupted")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [pytest.param(signal.SIGKILL, id="kill-9"),
                                 pytest.param(signal.SIGINT, id="ctrl-c")])  # fmt: skip
def test_interrupted_jobs_2_run_resumes_to_every_article_once(tmp_path: Path, sig: int) -> None:
    texts = write_jsonl(tmp_path / "a.jsonl", 600)
    db, out = tmp_path / "s.duckdb", tmp_path / "o.jsonl"
    args = _cli(str(tmp_path / "a.jsonl"), "-o", str(db), "--jobs", "2", "--chunk-size", "8",
                "--commit-every", "16", "--jsonl", str(out), "--no-progress")  # fmt: skip
    proc = subprocess.Popen(args, start_new_session=True, stderr=subprocess.PIPE)
    _wait_lines(out, 32, proc)
    os.killpg(proc.pid, sig)  # the whole group: parent and workers, as a terminal would
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err.decode()
        assert b"interrupted" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    stored = counts(db)["articles"]
    assert 0 < stored < 600
    done = subprocess.run(args + ["--resume"], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    assert len(ids) == len(set(ids)) == 600 and set(ids) == set(texts)
    assert con.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    per_article = con.execute("SELECT count(DISTINCT article_id) FROM mentions").fetchone()[0]
    assert mentions >= per_article == 600  # no orphan or doubled children
    con.close()


@pytest.mark.slow
def test_dask_cluster_of_two_workers(tmp_path: Path) -> None:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from mahrumiat_extract.dask import extract_to_parquet

    texts = write_jsonl(tmp_path / "a.jsonl", 40)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):  # fmt: skip
        summary = run([str(tmp_path / "a.jsonl")], tmp_path / "s.duckdb",
                      options=RunOptions(engine="dask", scheduler=cluster.scheduler_address, chunk_size=8))
        assert (summary.stored, summary.failed) == (40, 0)
        bag = db.from_sequence([{"id": k, "text": v} for k, v in texts.items()] + [{"id": "no-text"}], npartitions=4)
        written = extract_to_parquet(bag, tmp_path / "parts")
    assert written["articles"] == 40 and written["errors"] == 1
    assert len(list((tmp_path / "parts" / "articles").glob("*.parquet"))) == 4
    con = store.connect(tmp_path / "from_dask.duckdb")
    store.import_parquet(con, tmp_path / "parts")
    store.import_parquet(con, tmp_path / "parts")  # loading twice replaces, never duplicates
    assert store.summary(con)["articles"] == 40 and store.summary(con)["errors"] == 1
    check_records(con, texts)
    con.close()
    assert counts(tmp_path / "s.duckdb")["mentions"] == counts(tmp_path / "from_dask.duckdb")["mentions"]
