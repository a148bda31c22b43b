"""Build data/samples/feeds/ from the project's sample articles (data/samples/articles/*.txt).

Deterministic (same articles → byte-identical files; tests/batch/test_sample_feeds.py checks
it). The articles are dealt round-robin, in file-name order, to one format each, so a run over
the whole feeds directory stores every sample article exactly once:

  jsonl/articles.jsonl       {"id", "title", "date", "url", "source", "text"} a line
  csv/articles.csv           id,title,date,url,text
  rss/feed.rss               RSS 2.0, the body as HTML paragraphs in <description>
  atom/feed.atom             Atom 1.0, the body in <content type="html">
  warc/crawl.warc.gz         WARC responses of whole HTML pages (site chrome around the article)
  txt/<id>.txt               the article as is
  html/<id>.html             a whole HTML page
  gz/articles.jsonl.gz       JSONL again, gzip-compressed

Usage: python scripts/make_sample_feeds.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import html
import io
import json
import re
import shutil
import sys
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "samples" / "articles"
FEEDS = ROOT / "data" / "samples" / "feeds"
FORMATS = ("jsonl", "csv", "rss", "atom", "warc", "txt", "html", "gz")
SITE = "https://news.example.ir"
SOURCE = "پایگاه خبری نمونه"
START = dt.datetime(2023, 4, 1, 8, 30, tzinfo=dt.UTC)


def headline(text: str) -> str:
    """The first line that looks like a headline: 20-150 characters, no colon, comma or
    dateline dash, no final full stop (tags stripped)."""
    lines = [re.sub(r"<[^>]*>", " ", line).strip() for line in text.splitlines()]
    for line in lines:
        if (
            20 <= len(line) <= 150
            and not any(mark in line for mark in ":،-")
            and not line.endswith(".")
            and not line[:1].isdigit()
        ):
            return line
    return next(line for line in lines if line)[:100]


def load() -> list[dict[str, str]]:
    out = []
    for i, path in enumerate(sorted(ARTICLES.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        when = START + dt.timedelta(days=i, minutes=7 * i)
        out.append({
            "id": path.stem,
            "title": headline(text),
            "date": when.date().isoformat(),
            "rfc822": format_datetime(when),
            "iso": when.isoformat(),
            "url": f"{SITE}/fa/news/{path.stem}",
            "source": SOURCE,
            "text": text,
        })  # fmt: skip
    return out


def paragraphs_html(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def page(a: dict[str, str]) -> str:
    """A whole news page: navigation, related links and footer around the article."""
    return f"""<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(a["title"])}</title>
<meta property="og:site_name" content="{SOURCE}"></head>
<body><header><nav><a href="/">صفحه اصلی</a> | <a href="/fa/politics">سیاسی</a> |
<a href="/fa/provinces">استان‌ها</a> | <a href="/fa/sport">ورزشی</a></nav></header>
<main><article><h1>{html.escape(a["title"])}</h1>
<div class="body">{paragraphs_html(a["text"])}</div></article>
<aside><h3>پربازدیدترین‌ها</h3><ul><li><a href="/fa/news/1">پیش‌بینی هوای فردا</a></li>
<li><a href="/fa/news/2">نتایج هفته دوم لیگ</a></li></ul></aside></main>
<footer>کلیه حقوق این سایت محفوظ است.</footer></body></html>
"""


def jsonl_bytes(items: list[dict[str, str]]) -> bytes:
    keys = ("id", "title", "date", "url", "source", "text")
    lines = [json.dumps({k: a[k] for k in keys}, ensure_ascii=False) for a in items]
    return ("\n".join(lines) + "\n").encode("utf-8")


def csv_bytes(items: list[dict[str, str]]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "title", "date", "url", "text"])
    for a in items:
        writer.writerow([a["id"], a["title"], a["date"], a["url"], a["text"]])
    return buf.getvalue().encode("utf-8")


def rss_bytes(items: list[dict[str, str]]) -> bytes:
    entries = "".join(
        f"""  <item>
    <title>{html.escape(a["title"])}</title>
    <link>{a["url"]}</link>
    <guid isPermaLink="true">{a["url"]}</guid>
    <pubDate>{a["rfc822"]}</pubDate>
    <description>{html.escape(paragraphs_html(a["text"]))}</description>
  </item>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>{SOURCE}</title>
  <link>{SITE}/</link>
  <description>آرشیو اخبار استان‌ها</description>
{entries}</channel></rss>
""".encode()


def atom_bytes(items: list[dict[str, str]]) -> bytes:
    entries = "".join(
        f"""  <entry>
    <title>{html.escape(a["title"])}</title>
    <link href="{a["url"]}"/>
    <id>{a["url"]}</id>
    <updated>{a["iso"]}</updated>
    <content type="html">{html.escape(paragraphs_html(a["text"]))}</content>
  </entry>
"""
        for a in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{SOURCE}</title>
  <id>{SITE}/</id>
  <updated>{START.isoformat()}</updated>
{entries}</feed>
""".encode()


def warc_bytes(items: list[dict[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n, a in enumerate(items):
        body = page(a).encode("utf-8")
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        headers = {
            "WARC-Date": a["iso"].replace("+00:00", "Z"),
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
        }
        record = writer.create_warc_record(
            a["url"], "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict=headers,
        )  # fmt: skip
        writer.write_record(record)
    return gzip.compress(buf.getvalue(), mtime=0)


def build(articles: list[dict[str, str]]) -> dict[str, bytes]:
    """Relative path -> file content of the whole feeds directory."""
    dealt: dict[str, list[dict[str, str]]] = {f: [] for f in FORMATS}
    for i, a in enumerate(articles):
        dealt[FORMATS[i % len(FORMATS)]].append(a)
    files = {
        "jsonl/articles.jsonl": jsonl_bytes(dealt["jsonl"]),
        "csv/articles.csv": csv_bytes(dealt["csv"]),
        "rss/feed.rss": rss_bytes(dealt["rss"]),
        "atom/feed.atom": atom_bytes(dealt["atom"]),
        "warc/crawl.warc.gz": warc_bytes(dealt["warc"]),
        "gz/articles.jsonl.gz": gzip.compress(jsonl_bytes(dealt["gz"]), mtime=0),
    }
    for a in dealt["txt"]:
        files[f"txt/{a['id']}.txt"] = a["text"].encode("utf-8")
    for a in dealt["html"]:
        files[f"html/{a['id']}.html"] = page(a).encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=FEEDS)
    args = parser.parse_args(argv)
    files = build(load())
    if args.check:
        on_disk = {p.relative_to(args.out).as_posix() for p in args.out.rglob("*") if p.is_file()}
        stale = sorted(on_disk ^ set(files)) + sorted(
            k for k, v in files.items() if k in on_disk and (args.out / k).read_bytes() != v
        )
        for name in stale:
            print(f"stale: {name}", file=sys.stderr)
        return 1 if stale else 0
    if args.out.exists():
        shutil.rmtree(args.out)
    for name, data in files.items():
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"{len(files)} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
