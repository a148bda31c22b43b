"""The command line: a thin layer over the library; every command has help with examples
and is documented in the README."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mahrumiat_extract.cli import build_parser, main

from .conftest import ROOT

ARTICLE = "به گزارش خبرگزاری مهر، فرماندار شهرستان قدس گفت: ۱۲ پروژه در دست اجراست.\n"


def _commands() -> dict[str, object]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(sub.choices)  # type: ignore[attr-defined]


def test_every_command_has_help_with_examples_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"extract", "schema", "run", "evaluate"} <= set(commands)
    for name, sub in commands.items():
        help_text = sub.format_help()  # type: ignore[attr-defined]
        assert "example" in help_text, name
        assert f"mahrumiat-extract {name}" in readme, name


def test_top_level_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "examples:" in capsys.readouterr().out


def test_extract_files_dirs_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("cp1256", errors="ignore"))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": ARTICLE}, ensure_ascii=False) + "\n{broken\n\n"
        + json.dumps({"id": "c3", "nottext": 1}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(tmp_path / "dir"), str(tmp_path / "b.txt"), str(tmp_path / "c.jsonl"),
                 str(tmp_path / "missing.txt"), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1  # some inputs failed
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c1"]
    assert records[0]["source"] == "مهر"
    assert "c.jsonl:2: E607 malformed record: invalid JSON" in err
    assert "c.jsonl:4: E607" in err and "missing.txt: E601 input not found" in err
    assert "3 articles extracted, 3 failed" in err


def test_extract_all_good_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl")]) == 0


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ArticleRecord"
    assert set(schema["properties"]) >= {"officials", "provinces", "job_figures", "warnings"}


def test_console_script_runs() -> None:
    exe = Path(sys.executable).parent / "mahrumiat-extract"
    if not exe.exists():
        pytest.skip("console script not installed")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert "mahrumiat-extract" in proc.stdout


def test_extract_reads_standard_input(tmp_path: Path) -> None:
    exe = [sys.executable, "-m", "mahrumiat_extract"]
    proc = subprocess.run([*exe, "extract", "-"], input=ARTICLE.encode(), capture_output=True,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    (record,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["id"] == "stdin" and record["source"] == "مهر"
    lines = "".join(json.dumps({"id": f"j{i}", "text": ARTICLE}, ensure_ascii=False) + "\n"
                    for i in range(3))  # fmt: skip
    proc = subprocess.run([*exe, "extract", "-", "--no-progress"], input=lines.encode(),
                          capture_output=True, timeout=120)  # fmt: skip
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == ["j0", "j1", "j2"]


class _Terminal:
    """A stderr that says it is a terminal and keeps what was written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_extract_shows_a_progress_bar_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE}, ensure_ascii=False) + "\n"
                            for i in range(5)), encoding="utf-8")  # fmt: skip
    assert main(["extract", str(dump), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "extract:" not in capsys.readouterr().err  # not a terminal: no bar
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(dump), "-o", str(tmp_path / "o.jsonl")]) == 0
    shown = "".join(terminal.parts)
    assert "extract:" in shown and "100%" in shown and "articles=5" in shown
    terminal.parts.clear()
    assert main(["extract", str(dump), "-o", str(tmp_path / "o.jsonl"), "--no-progress"]) == 0
    assert "extract:" not in "".join(terminal.parts)
