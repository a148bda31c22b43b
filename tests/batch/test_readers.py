"""Reading every input format, and every way an input can be unreadable."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from mahrumiat_extract.batch.readers import Item, ReadOptions, clean_date, iter_items

from .helpers import article


def read(root: Path, files: dict[str, bytes], **opts: object) -> list[Item]:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return list(iter_items([str(root)], ReadOptions(**opts)))  # type: ignore[arg-type]


def outcome(items: list[Item]) -> list[tuple[str | None, str | None]]:
    """``(id, error code)`` of every item."""
    return [(i.id, i.error[:4] if i.error else None) for i in items]


def jl(*objs: object) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode()


TEXT = article(1)

CASES = [
    pytest.param({"a.txt": TEXT.encode()}, [("a", None)], id="متن-ساده"),
    pytest.param({"a.txt": b""}, [(None, "E602")], id="فایل-خالی"),
    pytest.param({"a.txt": TEXT.encode("cp1256", "replace")}, [("a", None)], id="متن-ویندوز-۱۲۵۶"),
    pytest.param({"d.jsonl": jl({"id": 1, "text": TEXT}) + b"{bad json\n" + jl({"id": "x", "text": TEXT})},
                 [("1", None), (None, "E607"), ("x", None)], id="jsonl-خط-خراب"),
    pytest.param({"d.jsonl": b'{"id": "u", "text": "\xff\xfe"}\n' + jl({"id": "ok", "text": TEXT})},
                 [(None, "E606"), ("ok", None)], id="jsonl-utf8-نامعتبر"),
    pytest.param({"d.jsonl": jl({"id": "n"}, {"id": "e", "text": "  "}, ["x"])},
                 [("n", "E607"), ("e", "E602"), (None, "E607")], id="jsonl-بی-متن"),
    pytest.param({"d.jsonl": b"\n\n"}, [(None, "E602")], id="jsonl-خالی"),
    pytest.param({"d.csv": "id,text,extra\n1,متن یک,x\n2,\"متن\nدو\"\n3,a,b,c\n".encode()},
                 [("1", None), ("2", None), (None, "E607")], id="csv-سطر-خراب"),
    pytest.param({"d.csv": b"id,text\n1,\xff\xfe\n2,ok\n"}, [(None, "E606"), ("2", None)],
                 id="csv-utf8-نامعتبر"),
    pytest.param({"d.jsonl.gz": gzip.compress(jl({"id": "g", "text": TEXT}), mtime=0),
                  "d.jsonl.bz2": bz2.compress(jl({"id": "b", "text": TEXT}))},
                 [("b", None), ("g", None)], id="فشرده"),
    pytest.param({"d.jsonl.gz": b"not gzip at all"}, [(None, "E601")], id="gzip-خراب"),
    pytest.param({"notes.md": b"# readme"}, [], id="پسوند-ناشناخته-در-پوشه"),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_read(tmp_path: Path, files: dict[str, bytes], expected: list[tuple[str | None, str | None]]) -> None:
    assert outcome(read(tmp_path, files)) == expected


def test_zip_members_and_zip_bomb(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok.jsonl", jl({"id": "z", "text": TEXT}))
        zf.writestr("bomb.jsonl", b'{"text": "' + b"0" * (8 << 20) + b'"}\n')
    items = read(tmp_path, {"a.zip": buf.getvalue()}, max_decompressed_bytes=1 << 20)
    assert outcome(items) == [("z", None), (None, "E604")]
    assert items[1].input.endswith("a.zip!bomb.jsonl")


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(jl({"id": "first", "text": TEXT}) + b"\n" * (64 << 20), mtime=0)
    assert len(bomb) < (1 << 20)
    items = read(tmp_path, {"b.jsonl.gz": bomb}, max_decompressed_bytes=4 << 20)
    assert outcome(items) == [("first", None), (None, "E604")]


def test_feeds_and_warc(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    para = "".join(f"<p>{line}</p>" for line in TEXT.split("\n"))
    rss = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خبرگزاری نمونه'
           f"</title><item><title>عنوان خبر</title><link>https://x.ir/1</link><pubDate>Mon, 01 May 2023"
           f" 10:00:00 GMT</pubDate><description>{para.replace('<', '&lt;')}</description></item>"
           f"<item><title>بی‌متن</title><link>https://x.ir/2</link></item></channel></rss>")  # fmt: skip
    warc = io.BytesIO()
    writer = WARCWriter(warc, gzip=True)
    for uri, ctype in (("https://x.ir/3", "text/html; charset=utf-8"), ("https://x.ir/a.jpg", "image/jpeg")):
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        body = f"<html><body><article>{para}</article></body></html>".encode()
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    items = read(tmp_path, {"f.rss": rss.encode(), "w.warc.gz": warc.getvalue()})
    assert outcome(items) == [("https://x.ir/1", None), ("https://x.ir/2", "E608"), ("https://x.ir/3", None)]
    first, _, page = items
    assert (first.title, first.source, first.published, first.url) == (
        "عنوان خبر", "خبرگزاری نمونه", "2023-05-01", "https://x.ir/1")
    assert first.text == TEXT
    assert page.html is not None and page.text is None


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param("1401/02/01", "1401-02-01", id="شمسی-اسلش"),
    pytest.param("۱۴۰۱-۰۲-۰۱ ۱۰:۴۵", "1401-02-01", id="ارقام-فارسی"),
    pytest.param("2023-05-01T10:00:00Z", "2023-05-01", id="iso"),
    pytest.param("Mon, 01 May 2023 10:00:00 GMT", "2023-05-01", id="rfc2822"),
    pytest.param("دیروز", None, id="نامفهوم"),
    pytest.param("1401/13/01", None, id="ماه-نامعتبر"),
    pytest.param("2023-02-30", None, id="روز-نامعتبر"),
    pytest.param("۲۱ فروردین ۱۴۰۱", "1401-01-21", id="تاریخ-با-حروف"),
])  # fmt: skip
def test_clean_date(value: str, expected: str | None) -> None:
    assert clean_date(value) == expected


@pytest.mark.slow
def test_100_mb_line_is_skipped_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(jl({"id": "before", "text": TEXT}))
        fh.write(b'{"id": "huge", "text": "')
        block = ("خبر " * 4096).encode()
        for _ in range((100 << 20) // len(block)):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(jl({"id": "after", "text": TEXT}))
    tracemalloc.start()
    items = list(iter_items([str(path)], ReadOptions(max_record_bytes=4 << 20)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert outcome(items) == [("before", None), (None, "E605"), ("after", None)]
    assert items[1].position == 2
    assert peak < 24 << 20, f"peak {peak >> 20} MB"
