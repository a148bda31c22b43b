"""Inputs people archive today: Telegram Desktop exports (result.json and the HTML pages),
.json files holding one array, and .tar/.tar.gz archives. Every fixture is written here, from
the made-up articles of tests.batch.helpers (no real news)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract.batch import store
from mahrumiat_extract.batch.readers import Item, ReadOptions, iter_items
from mahrumiat_extract.batch.runner import RunOptions, run
from tests.batch.helpers import article

CHANNEL = "کانال خبری نمونه"


def _items(*paths: Path, **options: Any) -> list[Item]:
    return list(iter_items([str(p) for p in paths], ReadOptions(**options)))


def telegram_export() -> dict[str, Any]:
    """The shape of Telegram Desktop's result.json for one channel."""
    return {
        "name": CHANNEL, "type": "public_channel", "id": 1234567890,
        "messages": [
            {"id": 1, "type": "service", "date": "2023-04-20T09:00:00", "action": "create_channel",
             "text": ""},
            {"id": 2, "type": "message", "date": "2023-04-21T10:45:00", "from": CHANNEL,
             "text": article(1)},
            {"id": 3, "type": "message", "date": "2023-04-22T08:00:00", "from": CHANNEL,
             "text": ["خبر فوری: ", {"type": "bold", "text": article(2)[:40]},
                      article(2)[40:], {"type": "hashtag", "text": "#محرومیت_زدایی"}]},
            {"id": 4, "type": "message", "date": "2023-04-22T09:00:00", "photo": "photos/1.jpg",
             "text": ""},  # a photo without caption: not an article
        ],
    }  # fmt: skip


def test_telegram_result_json(tmp_path: Path) -> None:
    path = tmp_path / "ChatExport" / "result.json"
    path.parent.mkdir()
    path.write_text(json.dumps(telegram_export(), ensure_ascii=False, indent=1), encoding="utf-8")
    items = _items(tmp_path)  # the export folder, walked
    assert [i.id for i in items] == ["telegram-1234567890-2", "telegram-1234567890-3"]
    assert [i.position for i in items] == [2, 3]
    assert {i.source for i in items} == {CHANNEL}
    assert [i.published for i in items] == ["2023-04-21", "2023-04-22"]
    assert items[0].text == article(1)
    assert items[1].text == "خبر فوری: " + article(2) + "#محرومیت_زدایی"  # entities joined
    # a whole-account export: the messages of every chat
    account = {"about": "", "chats": {"about": "", "list": [telegram_export()]}}
    path.write_text(json.dumps(account, ensure_ascii=False), encoding="utf-8")
    assert len(_items(path)) == 2


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Exported Data</title></head>
<body><div class="page_wrap"><div class="page_header"><div class="content">
<div class="text bold">
{channel}
</div></div></div>
<div class="page_body chat_page"><div class="history">
<div class="message service" id="message-1"><div class="body details">21 April 2023</div></div>
<div class="message default clearfix" id="message7">
 <div class="pull_left userpic_wrap"><div class="userpic"><div class="initials">ک</div></div></div>
 <div class="body">
  <div class="pull_right date details" title="21.04.2023 10:45:00 UTC+03:30">10:45</div>
  <div class="from_name">{channel}</div>
  <div class="text">{first}<br>{second} <a href="https://example.org/x">پیوند</a></div>
 </div>
</div>
<div class="message default clearfix joined" id="message8">
 <div class="body">
  <div class="pull_right date details" title="22.04.2023 08:00:00 UTC+03:30">08:00</div>
  <div class="media_wrap clearfix"><a class="photo_wrap" href="photos/1.jpg"></a></div>
 </div>
</div>
</div></div></div></body></html>
"""


def test_telegram_html_export(tmp_path: Path) -> None:
    first, second = article(3).split("\n", 1)
    page = PAGE.format(channel=CHANNEL, first=first, second=second.replace("\n", "<br>\n"))
    (tmp_path / "messages.html").write_text(page, encoding="utf-8")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "style.css").write_text("body {}", encoding="utf-8")  # skipped
    (items,) = [_items(tmp_path)]
    assert len(items) == 1  # the photo without text is no article
    item = items[0]
    assert item.id == f"{tmp_path / 'messages.html'}#7" and item.position == 1
    assert (item.source, item.published) == (CHANNEL, "2023-04-21")
    assert item.text == article(3) + " پیوند"
    # an ordinary page that happens to be called messages2.html is read as a page
    (tmp_path / "messages2.html").write_text("<html><body><p>" + article(4) + "</p></body></html>",
                                             encoding="utf-8")  # fmt: skip
    (other,) = _items(tmp_path / "messages2.html")
    assert other.html is not None and other.error is None


def test_json_array(tmp_path: Path) -> None:
    rows = [{"id": "j1", "text": article(5), "date": "1402-02-01", "source": "خبرگزاری نمونه"},
            {"id": "j2", "text": article(6)}, "not an object", {"id": "j4"}]  # fmt: skip
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    items = _items(path)
    assert [(i.id, i.position) for i in items] == [("j1", 1), ("j2", 2), (None, 3), ("j4", 4)]
    assert items[0].published == "1402-02-01" and items[0].source == "خبرگزاری نمونه"
    assert items[2].error is not None and items[2].error.startswith("E607")
    assert items[3].error is not None and items[3].error.startswith("E607")
    one = tmp_path / "one.json"  # a single object: one article
    one.write_text(json.dumps({"id": "o1", "text": article(7)}, ensure_ascii=False), encoding="utf-8")
    assert [i.id for i in _items(one)] == ["o1"]
    lines = tmp_path / "lines.json"  # JSON Lines under a .json name: read as before
    lines.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:2]), encoding="utf-8")
    assert [i.id for i in _items(lines)] == ["j1", "j2"]
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert [i.error[:4] for i in _items(empty) if i.error] == ["E602"]


def _tar(path: Path, members: dict[str, bytes], mode: str) -> None:
    with tarfile.open(path, mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("suffix, mode", [(".tar", "w"), (".tar.gz", "w:gz"), (".tgz", "w:gz")])
def test_tar_archives(tmp_path: Path, suffix: str, mode: str) -> None:
    jsonl = "".join(json.dumps({"id": f"t{i}", "text": article(i)}, ensure_ascii=False) + "\n"
                    for i in (10, 11))  # fmt: skip
    members = {
        "news/a.txt": article(8).encode(),
        "news/b.jsonl.gz": gzip.compress(jsonl.encode(), mtime=0),
        "news/image.png": b"\x89PNG not an article",  # unknown type: skipped
        "news/.hidden.txt": b"hidden",
    }
    archive = tmp_path / f"archive{suffix}"
    _tar(archive, members, mode)
    items = _items(tmp_path)  # found by walking the folder
    assert [(i.input, i.id) for i in items] == [
        (f"{archive}!news/a.txt", "news/a"),
        (f"{archive}!news/b.jsonl.gz", "t10"),
        (f"{archive}!news/b.jsonl.gz", "t11"),
    ]
    assert items[0].text == article(8).encode()
    # a member over the decompression cap, and a damaged archive, are rows
    big = _items(archive, max_decompressed_bytes=len(article(8).encode()) - 1)
    assert any(i.error and i.error.startswith("E604") for i in big)
    broken = tmp_path / "broken.tar"
    broken.write_bytes(archive.read_bytes()[:700] if suffix == ".tar" else b"not a tar at all" * 40)
    assert all(i.error for i in _items(broken))


def test_a_run_over_every_new_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "result.json").write_text(json.dumps(telegram_export(), ensure_ascii=False),
                                        encoding="utf-8")  # fmt: skip
    (inputs / "dump.json").write_text(json.dumps([{"id": "j1", "text": article(20)}],
                                                 ensure_ascii=False), encoding="utf-8")  # fmt: skip
    _tar(inputs / "a.tar.gz", {"x.txt": article(21).encode()}, "w:gz")
    summary = run([str(inputs)], tmp_path / "s.duckdb",
                  options=RunOptions(jobs=1, progress=False), stream=io.StringIO())  # fmt: skip
    assert (summary.stored, summary.failed) == (4, 0)
    con = store.connect(tmp_path / "s.duckdb", read_only=True)
    ids = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
    con.close()
    assert ids == {"telegram-1234567890-2", "telegram-1234567890-3", "j1", "x"}
