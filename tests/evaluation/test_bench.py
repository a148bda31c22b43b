"""Smoke test of the benchmark: a tiny run, every figure present. No timed assertions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mahrumiat_extract.evaluation.bench import main
from mahrumiat_extract.evaluation.benchio import format_markdown, load_corpus, write_stream_input

ARTICLES = [
    "به گزارش خبرنگار ما، علی رضایی فرماندار شهرستان مهریز گفت: ۱۲ پروژه محرومیت‌زدایی "
    "با اعتبار ۸۰ میلیارد ریال در روستاهای این شهرستان به بهره‌برداری رسید.",
    "مدیرکل بنیاد مسکن استان یزد از ساخت ۳۵۰ واحد مسکونی برای خانواده‌های کم‌برخوردار خبر داد "
    "و افزود: برای ۴۰ نفر اشتغال ایجاد شده است.",
    "امام جمعه اردکان در خطبه‌های نماز جمعه بر لزوم خدمت‌رسانی به مناطق محروم تأکید کرد.",
]


@pytest.fixture()
def samples(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    for i, text in enumerate(ARTICLES):
        (d / f"a{i}.txt").write_text(text, encoding="utf-8")
    return d


def test_corpus_is_repeated_to_size(samples: Path, tmp_path: Path) -> None:
    corpus = load_corpus(mb=0.01, samples_dir=samples, dev_path=tmp_path / "none.jsonl")
    assert corpus.sample_articles == 3 and corpus.dev_articles == 0
    assert sum(len(t.encode()) for t in corpus.texts) >= 10_000
    path = write_stream_input(corpus, 5, tmp_path / "s.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["b0", "b1", "b2", "b3", "b4"]
    assert rows[3]["text"] == ARTICLES[0]


@pytest.mark.slow  # starts four subprocesses; still no timed assertion
def test_quick_run_reports_every_figure(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = tmp_path / "bench.md"
    args = ["--quick", "--mb", "0.002", "--stream", "6", "--json", "--markdown", str(md),
            "--samples", str(samples), "--dev", str(tmp_path / "none.jsonl")]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pipeline"]["articles"] == data["hazm"]["articles"] > 0
    assert set(data["pipeline"]["stages"]) >= {"normalize", "record"}
    assert data["ratio"] is not None
    assert data["streams"] and all(s["exit_code"] == 0 for s in data["streams"])
    assert all(s["peak_rss_mb"] > 0 for s in data["streams"])
    assert data["startup"]["import_plus_first_s"] > 0
    assert data["machine"]["nproc"] >= 1
    text = md.read_text(encoding="utf-8")
    assert "| ratio pipeline / hazm |" in text and "Python" in text
    assert format_markdown(data) == text


def test_module_entry_point_has_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mahrumiat_extract.bench", "--help"],
        capture_output=True, text=True, check=True,
    )
    assert "--quick" in out.stdout


def test_no_import_cycle_between_bench_and_benchio() -> None:
    """benchio (inputs, reports) and targets import nothing of bench; bench imports them."""
    code = (
        "import sys, mahrumiat_extract.evaluation.benchio, mahrumiat_extract.evaluation.targets;"
        "print('mahrumiat_extract.evaluation.bench' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    import ast

    from mahrumiat_extract.evaluation import benchio

    tree = ast.parse(Path(benchio.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "bench" not in imported and "evaluation.bench" not in imported


def test_distinct_memory_reports_pss_and_anonymous_peaks(tmp_path: Path) -> None:
    from mahrumiat_extract.evaluation.benchproc import distinct_memory

    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(ARTICLES)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = distinct_memory(corpus, tmp_path, sizes=(3, 6), jobs=(1,))
    assert [(r["articles"], r["exit"]) for r in out["runs"]] == [(3, 0), (6, 0)]
    # anonymous memory is part of the PSS sum
    assert all(0 < r["peak_anon_mb"] <= r["peak_mb"] for r in out["runs"])
    assert out["ratio"]["jobs 1"] and out["ratio_anon"]["jobs 1"]
    rows = [json.loads(line) for line in (tmp_path / "distinct-6.jsonl").read_text().splitlines()]
    assert len({r["id"] for r in rows}) == 6 and rows[3]["text"].endswith(" ‹1›")
