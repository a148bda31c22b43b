"""``mahrumiat-extract show``: one article as an HTML page, every item highlighted, a legend
and the record beside it; checked as HTML everywhere and rendered in headless Chromium where
one is installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mahrumiat_extract import extract
from mahrumiat_extract.cli import main
from mahrumiat_extract.highlight import KIND_COLORS, KINDS, page_html
from mahrumiat_extract.show import show

from .conftest import SAMPLES, assert_spans

ARTICLE = SAMPLES / "articles" / "s01_lorestan_gharargah.txt"


def _text_of(page: str) -> str:
    """The article's text back from the page: the marks and badges taken out."""
    body = re.search(r'<article id="text" lang="fa">(.*?)</article>', page, re.S)
    assert body is not None
    inner = re.sub(r"<sub\b.*?</sub>", "", body.group(1)).replace("<br>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", inner))


def test_page_marks_every_mention_with_a_legend_and_the_record() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    record = extract(text, id="s01")
    page = page_html(text, record)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fa" dir="rtl">' in page
    assert '<meta charset="utf-8">' in page
    assert _text_of(page) == text  # the original text, whole and unchanged
    spans = {(s.start, s.end, kind) for kind, s in record.spans()}
    assert page.count('<sub class="badge') == len(spans)  # one label a mention
    for kind in KIND_COLORS:  # a legend entry and a colour for every kind
        assert f'<li class="k-{kind}" data-kind="{kind}">' in page
        assert f".k-{kind} {{ background: {KIND_COLORS[kind]} }}" in page
    assert 'title="official: بهرام نوروزی · استاندار · لرستان"' in page  # what a mark is
    aside = page[page.index('<aside id="record">'):]
    for field in KINDS:  # a table for every field the record has
        assert (f'<section class="field" id="{field}">' in aside) == bool(getattr(record, field))
    assert "<td>بهرام نوروزی</td>" in aside
    data = re.search(r"<pre>(.*?)</pre>", aside, re.S)
    assert data is not None and json.loads(html.unescape(data.group(1))) == json.loads(
        record.model_dump_json())  # fmt: skip


def test_page_escapes_markup_and_survives_an_empty_record() -> None:
    text = "<script>alert(1)</script> متنی بدون هیچ چیز"
    page = page_html(text, extract(text))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "nothing extracted" in page


def test_show_reads_any_input_and_picks_an_article_by_id(tmp_path: Path) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                              for i, t in (("a", "فرماندار قدس گفت."), ("b", text))) + "\n",
                    encoding="utf-8")  # fmt: skip
    page = show(dump, id="b")
    assert _text_of(page) == text and "<title>" in page
    assert "فرماندار قدس" not in page
    html_page = show(SAMPLES / "feeds" / "html" / "s07_ilam_friday_imam.html")  # an HTML page
    assert "<mark" in html_page


def test_show_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.html"
    assert main(["show", str(ARTICLE), "-o", str(out)]) == 0
    assert "mentions highlighted" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    record = extract(ARTICLE.read_text(encoding="utf-8"))
    assert_spans(record, _text_of(page))
    assert main(["show", str(ARTICLE)]) == 0
    assert capsys.readouterr().out == page  # stdout without -o
    assert main(["show", str(tmp_path / "missing.txt")]) == 1
    assert "E601" in capsys.readouterr().err
    assert main(["show", str(ARTICLE), "--id", "nope"]) == 1
    assert "no article with id 'nope'" in capsys.readouterr().err


# --- rendered in headless Chromium ------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _hex(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@pytest.mark.slow
def test_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    image = pytest.importorskip("PIL.Image")
    page = tmp_path / "page.html"
    assert main(["show", str(ARTICLE), "-o", str(page)]) == 0
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-default-apps", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1280,1000", page.as_uri()],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert shot.exists(), proc.stderr.decode(errors="replace")[-2000:]
    assert shot.stat().st_size > 20_000  # a page of text, not an empty canvas
    with image.open(shot) as img:
        assert img.size == (1280, 1000)
        rgb = img.convert("RGB")
        colors = rgb.getcolors(maxcolors=1 << 20)
    assert colors is not None and len(colors) > 50  # text, marks and tables: not blank
    total = sum(n for n, _ in colors)
    white = sum(n for n, c in colors if min(c) >= 240)
    assert white < 0.97 * total
    seen = {c for _, c in colors}
    for kind in ("official", "province", "place", "project_count"):  # the marks are drawn
        r, g, b = _hex(KIND_COLORS[kind])
        assert any(abs(r - x) <= 3 and abs(g - y) <= 3 and abs(b - z) <= 3 for x, y, z in seen), kind
