"""The fault suite of issue 16: crafted bad inputs (made here, in tmp_path) must never stop a
run nor lose an item silently. For each: stored + error rows = items read, with coded reasons."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from mahrumiat_extract.batch import store
from mahrumiat_extract.batch.readers import iter_items
from mahrumiat_extract.batch.runner import BatchError, RunOptions, RunSummary, run

from .helpers import article, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def lines(n: int, start: int = 0) -> bytes:
    return b"".join(json.dumps({"id": f"a{i}", "text": article(i)}, ensure_ascii=False).encode() + b"\n"
                    for i in range(start, start + n))  # fmt: skip


def go(tmp_path: Path, inputs: list[Path], **kw: object) -> tuple[RunSummary, list[str]]:
    """Run, check that every item read is stored or an error row, return the error codes."""
    db = tmp_path / "s.duckdb"
    summary = run([str(p) for p in inputs], db, options=RunOptions(**kw))  # type: ignore[arg-type]
    con = duckdb.connect(str(db), read_only=True)
    try:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        reasons = [r for (r,) in con.execute("SELECT reason FROM errors ORDER BY input, position").fetchall()]
    finally:
        con.close()
    assert summary.read == summary.stored + summary.failed + summary.skipped
    assert (n_articles, len(reasons)) == (summary.stored, summary.failed)
    return summary, [r[:4] for r in reasons]


# --- 1. what stopped a run --------------------------------------------------------------------


def test_count_over_bigint_keeps_the_article(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "ذخایر گاز ایران ۱۲۲ تریلیون متر مکعب است."},
                               ensure_ascii=False) + "\n" + lines(3).decode(), encoding="utf-8")  # fmt: skip
    summary, codes = go(tmp_path, [path])
    assert (summary.stored, codes) == (4, [])
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    record, warnings = con.execute("SELECT record, warnings FROM articles WHERE article_id = 'big'").fetchone()  # type: ignore[misc]
    counts = [f["count"] for f in json.loads(record)["quantities"]]
    if any(c > 2**63 for c in counts):  # the record keeps the figure exactly, the row is NULL
        assert any(w.startswith("W601") for w in warnings)
        assert con.execute("SELECT count(*) FROM figures WHERE article_id = 'big' AND count IS NULL").fetchone() == (1,)
    con.close()


def test_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x\\udbff", "text": "/ك\\udbffژ استاندار لرستان"}\n' + lines(2).decode(), encoding="utf-8")
    summary, codes = go(tmp_path, [path])
    assert (summary.stored, codes) == (3, [])
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    (warnings,) = con.execute("SELECT warnings FROM articles WHERE article_id = 'x\ufffd'").fetchone()  # type: ignore[misc]
    assert any(w.startswith("W107") for w in warnings)
    con.close()


def test_corrupt_gzip_then_a_good_file(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(lines(50)))
    data[len(data) // 2] ^= 0xFF  # valid header, corrupt data
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl.gz").write_bytes(bytes(data))
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(3, start=100))
    summary, codes = go(tmp_path, [tmp_path / "in"])
    assert summary.stored >= 3 and codes and set(codes) <= {"E601", "E615", "E607", "E606"}


def test_zip_member_with_bad_crc(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("a.jsonl", lines(5))
        z.writestr("b.jsonl", lines(2, start=10))
    data = bytearray(buf.getvalue())
    at = data.index(b'"a2"')
    data[at + 1] = ord("b")  # the stored bytes no longer match their CRC
    (tmp_path / "x.zip").write_bytes(bytes(data))
    summary, codes = go(tmp_path, [tmp_path / "x.zip"])
    assert "E615" in codes and summary.stored >= 2  # the next member is read


def test_non_warc_file_named_warc(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.warc").write_bytes(b"hello, not a WARC at all\n" * 20)
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(2))
    summary, codes = go(tmp_path, [tmp_path / "in"])
    assert (summary.stored, codes) == (2, ["E607"])


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    os.symlink("loop.txt", tmp_path / "in" / "loop.txt")
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(2))
    summary, codes = go(tmp_path, [tmp_path / "in"])
    assert (summary.stored, codes) == (2, ["E614"])


def test_one_record_with_rows_over_the_memory_cap(tmp_path: Path) -> None:
    text = "\n".join(f"استان لرستان و استان کرمان {i}" for i in range(12_000))  # ~24,000 spans
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": text}, ensure_ascii=False) + "\n" + lines(2).decode(),
                    encoding="utf-8")  # fmt: skip
    summary, codes = go(tmp_path, [path], max_seconds=None)
    assert summary.stored + len(codes) == 3 and summary.stored >= 2


def test_a_failing_transaction_is_retried_item_by_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mahrumiat_extract.batch.store import writes

    real = writes.write_rows

    def flaky(con: object, rows: store.Rows, **kw: object) -> object:
        if any(row[0] == "a3" for row in rows.tables["articles"]):
            raise duckdb.ConversionException("this row cannot be stored")
        return real(con, rows, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "write_rows", flaky)
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(8))
    summary, codes = go(tmp_path, [path])
    assert (summary.stored, codes) == (7, ["E612"])


def test_export_parquet_of_a_store_under_its_cap(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    con = store.connect(db)
    record = json.dumps({"x": "x" * 10_000})
    now = __import__("datetime").datetime(2024, 1, 1)
    for batch in range(60):  # 6,000 records of 10 KB each: 60 MB of JSON, under a 32 MB cap
        rows = store.Rows()
        for i in range(batch * 100, batch * 100 + 100):
            rows.tables["articles"].append((f"a{i}", "in", i, None, None, None, None, None, 1, 0, 0, 0, [], record, "r", now))
        store.write_rows(con, rows)
    paths = store.export_parquet(con, tmp_path / "pq")
    con.close()
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{paths[0]}'").fetchone() == (6000,)


# --- 2. time ------------------------------------------------------------------------------------


def test_time_budget_turns_a_slow_article_into_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mahrumiat_extract.batch import work

    real = work.extract

    def slow(text: str, **kw: object) -> object:
        if kw.get("id") == "a1":
            time.sleep(5)
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "extract", slow)
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(3))
    started = time.monotonic()
    summary, codes = go(tmp_path, [path], max_seconds=0.5)
    assert (summary.stored, codes) == (2, ["E613"]) and time.monotonic() - started < 4.5


# --- 3. items lost with no error row ------------------------------------------------------------


def test_csv_unterminated_quote(tmp_path: Path) -> None:
    rows = ["id,text"] + [f"{i},{article(i)}".replace("\n", " ") for i in range(102)]
    rows[2] = '1,"' + article(1).replace("\n", " ")  # the quote is never closed
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary, codes = go(tmp_path, [tmp_path / "a.csv"])
    assert (summary.stored, codes) == (101, ["E607"])


def test_unreadable_subdirectory(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every directory")
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "a.jsonl").write_bytes(lines(2))
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(2, start=10))
    (tmp_path / "in" / "locked").chmod(0)
    try:
        summary, codes = go(tmp_path, [tmp_path / "in"])
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert (summary.stored, codes) == (2, ["E601"])


def test_unlistable_directory_is_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above where the tests run as root: listing fails, one row says so."""
    from mahrumiat_extract.batch.readers import walking

    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "locked" / "a.jsonl").write_bytes(lines(2))
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(2, start=10))
    real = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(walking.os, "scandir", scandir)
    items = list(iter_items([str(tmp_path / "in")]))
    assert [(i.id, (i.error or "")[:4]) for i in items] == [("a10", ""), ("a11", ""), (None, "E601")]


def _warc(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(n):
        body = f"<html><body><article><p>{article(i)}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.ir/{i}", "response", payload=io.BytesIO(body),
                                                      http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-01T10:00:00Z"}))  # fmt: skip
    return buf.getvalue()


def test_warc_bogus_content_length(tmp_path: Path) -> None:
    data = _warc(4).replace(b"Content-Length: ", b"Content-Length: 9", 1)
    (tmp_path / "a.warc").write_bytes(data)
    summary, codes = go(tmp_path, [tmp_path / "a.warc"])
    assert codes and codes[-1] == "E615"


def test_warc_cut_mid_record(tmp_path: Path) -> None:
    data = _warc(4)
    (tmp_path / "a.warc").write_bytes(data[: len(data) * 7 // 8])
    summary, codes = go(tmp_path, [tmp_path / "a.warc"])
    assert summary.stored == 3 and codes[-1] == "E615"  # the cut record: E608 (no article) or kept


def test_warc_date_is_not_published(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(_warc(1))
    items = list(iter_items([str(tmp_path / "a.warc")]))
    assert items[0].published is None


@pytest.mark.parametrize("suffix, compress", [(".zst", None), (".gz", gzip.compress), (".bz2", bz2.compress)])
def test_compressed_cut_by_one_byte(tmp_path: Path, suffix: str, compress: object) -> None:
    data = lines(200)
    if compress is None:
        import zstandard

        packed = zstandard.ZstdCompressor().compress(data)
    else:
        packed = compress(data)  # type: ignore[operator]
    (tmp_path / f"a.jsonl{suffix}").write_bytes(packed[:-1])
    summary, codes = go(tmp_path, [tmp_path / f"a.jsonl{suffix}"])
    assert codes and codes[-1] == "E615"


def test_zip_inside_zip(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("in.jsonl", lines(3))
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as z:
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("top.jsonl", lines(2, start=10))
    summary, codes = go(tmp_path, [tmp_path / "outer.zip"])
    assert (summary.stored, codes) == (5, [])


def test_jsonl_is_complete_after_a_kill_between_commit_and_write(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(10))
    db, out = tmp_path / "s.duckdb", tmp_path / "out.jsonl"
    run([str(path)], db, options=RunOptions(jsonl=out))
    out.write_text("", encoding="utf-8")  # as if killed after the commit, before the JSONL write
    run([str(path)], db, options=RunOptions(jsonl=out, resume=True))
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"a{i}" for i in range(10))


# --- 4. hangs and blow-ups ----------------------------------------------------------------------


def test_fifo_in_an_input_directory(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    (tmp_path / "in" / "b.jsonl").write_bytes(lines(2))
    summary, codes = go(tmp_path, [tmp_path / "in"])
    assert (summary.stored, codes) == (2, ["E614"])
    items = list(iter_items([str(tmp_path / "in" / "pipe.txt")]))  # given by name: no hang either
    assert [i.error[:4] for i in items if i.error] == ["E614"]


def test_feed_with_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    big = "x" * 100_000
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "{big}">]>'
            "<rss><channel><title>t</title>" + "<item><title>a</title><description>" + "&e;" * 20_000
            + "</description></item></channel></rss>")  # fmt: skip
    (tmp_path / "bomb.rss").write_text(feed, encoding="utf-8")
    summary, codes = go(tmp_path, [tmp_path / "bomb.rss"])
    assert codes == ["E616"]


def test_feed_whose_content_is_a_path_is_not_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.rss"
    secret.write_text("<rss><channel><item><title>t</title><description>" + article(1)
                      + "</description></item></channel></rss>", encoding="utf-8")  # fmt: skip
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.rss").write_bytes(str(secret).encode())
    items = list(iter_items([str(tmp_path / "in" / "a.rss")]))
    assert all(i.text is None for i in items) and [i.error[:4] for i in items if i.error] in (["E607"], ["E602"])


# --- 5. rough edges -----------------------------------------------------------------------------


def test_two_runs_on_one_store(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    holder = store.connect(db)
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(1))
    try:
        code = subprocess.run([sys.executable, "-m", "mahrumiat_extract.batch", "run", str(path), "-o", str(db)],
                              capture_output=True, text=True, timeout=60)  # fmt: skip
    finally:
        holder.close()
    assert code.returncode == 2 and "locked" in code.stderr and "Traceback" not in code.stderr


def test_clear_errors_and_exit_codes(tmp_path: Path) -> None:
    from mahrumiat_extract.batch.__main__ import main

    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(2))
    assert main(["run", str(path), "-o", str(tmp_path / "dump.csv")]) == 2
    assert not (tmp_path / "dump.csv").exists()
    assert main(["run", str(path), "-o", str(tmp_path / "s.duckdb"), "--scheduler", "tcp://x:1"]) == 2
    assert main(["run", str(path), "-o", str(tmp_path / "new" / "folder" / "s.duckdb")]) == 0  # made
    (tmp_path / "bad.jsonl").write_bytes(b"{oops\n")
    assert main(["run", str(path), str(tmp_path / "bad.jsonl"), "-o", str(tmp_path / "t.duckdb")]) == 1
    assert main(["export", str(tmp_path / "new" / "folder" / "s.duckdb"), "--jsonl", str(tmp_path / "no" / "dir" / "r.jsonl")]) == 0
    with pytest.raises(BatchError, match="needs --engine dask"):
        run([str(path)], tmp_path / "u.duckdb", options=RunOptions(scheduler="tcp://x:1"))


@pytest.mark.slow
def test_unreachable_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from mahrumiat_extract.batch import engine

    monkeypatch.setattr(engine, "SCHEDULER_TIMEOUT", 2.0)
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines(1))
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler"):
        run([str(path)], tmp_path / "s.duckdb", options=RunOptions(engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_feed_date_wins_over_a_date_in_the_body(tmp_path: Path) -> None:
    text = "تهران- در تاریخ ۱۳۵۷/۱۱/۲۲ انقلاب پیروز شد. استاندار تهران گفت ۱۲ پروژه افتتاح شد."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "d", "text": text, "date": "2023-05-01"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")  # fmt: skip
    go(tmp_path, [path])
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.execute("SELECT published_gregorian::VARCHAR FROM articles").fetchone() == ("2023-05-01",)
    con.close()


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_run(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 3000)
    proc = subprocess.Popen([sys.executable, "-m", "mahrumiat_extract.batch", "run", str(tmp_path / "a.jsonl"),
                             "-o", str(tmp_path / "s.duckdb"), "--jobs", "2", "--no-progress"],
                            stderr=subprocess.DEVNULL)  # fmt: skip
    family: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(family) < 3:  # the forkserver and its 2 workers
        time.sleep(0.2)
        family = _children(proc.pid)
        family |= {g for c in family for g in _children(c)}
    assert len(family) >= 3, family
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in family):
        time.sleep(0.2)
    alive = [p for p in family if Path(f"/proc/{p}").exists()
             and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]]  # fmt: skip
    assert not alive
