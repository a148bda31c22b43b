"""The mypyc-compiled build (setup.py, what ``pip install .`` makes when it can) is the same
program: it builds, its hot modules really are native, and its records are byte-identical to
the pure-Python ones on the sample articles, the written edge cases and (when ../shared is
there) the dev set. And the build's decisions (``_build/mahrumiat_build.py``): compiled by
default, pure Python with one line saying why when it cannot be, ``MAHRUMIAT_PURE=1``.

The build takes about two minutes the first time (then it is reused until a source changes);
``MAHRUMIAT_SKIP_COMPILED=1`` skips it in a quick local run. The decision tests take a second.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mahrumiat_extract import extract

from .conftest import DEV, ROOT, SAMPLES

EDGE_CASES = [
    "",
    "   \n\u200c ",
    "<p>استاندار <b>کرمان</b> گفت</p>",
    "فرماندار شهرستان بم گفت: یک هزار و ۸۰۷ پروژه در ۱۴۰۲ افتتاح شد و ۱٫۵ میلیون شغل ...",
    "خرمآباد، حاشیهنشین، زیویاروی؛ كرمان و يزد " * 20,
]

RUN = """
import json, sys
import mahrumiat_extract.stages.geo.stage as geo
from mahrumiat_extract import extract
from mahrumiat_extract.pipeline import get_pipeline
texts = json.load(sys.stdin)
gaz = get_pipeline().resources.gazetteer
print(json.dumps({"geo": geo.__file__,
                  "divisions_cached": gaz.divisions is gaz.divisions,
                  "records": [extract(t).model_dump_json() for t in texts]}))
"""


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))]
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts + EDGE_CASES


@pytest.fixture(scope="module")
def compiled_dir() -> Path:
    if os.environ.get("MAHRUMIAT_SKIP_COMPILED"):
        pytest.skip("MAHRUMIAT_SKIP_COMPILED is set")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler: the compiled build cannot be made here")
    pytest.importorskip("mypyc", reason="mypy (mypyc) is not installed")
    out = subprocess.run(
        ["bash", str(ROOT / "scripts" / "compiled.sh")],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    return ROOT / out.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_compiled_build_gives_the_same_records(compiled_dir: Path) -> None:
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": str(compiled_dir)}
    out = subprocess.run(
        [sys.executable, "-c", RUN], input=json.dumps(texts), capture_output=True, text=True,
        env=env, timeout=600, check=True,
    )  # fmt: skip
    got = json.loads(out.stdout)
    assert got["geo"].endswith(".so"), f"the stages were not compiled: {got['geo']}"
    assert got["divisions_cached"], "a lazily loaded table is rebuilt at every access"
    expected = [extract(t).model_dump_json() for t in texts]
    assert len(got["records"]) == len(expected)
    for text, a, b in zip(texts, got["records"], expected):
        assert a == b, text[:200]


def test_no_cached_property_in_compiled_modules() -> None:
    """``functools.cached_property`` does not cache on a class mypyc compiles (the default
    build): a table behind one is rebuilt at every access (the national divisions were, at
    every village cue: the compiled pipeline ran 100 times slower). The compiled modules use
    a plain attribute cache instead."""
    src = ROOT / "src" / "mahrumiat_extract"
    compiled = [*src.joinpath("stages").rglob("*.py"), *src.joinpath("text").glob("*.py"), src / "doc.py"]
    found = [str(p.relative_to(ROOT)) for p in compiled if "cached_property" in p.read_text("utf-8")]
    assert found == []


# ---------------------------------------------------------------- the build's decisions


@pytest.fixture()
def build(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(ROOT / "_build"))
    for name in ("MAHRUMIAT_PURE", "MAHRUMIAT_COMPILE"):
        monkeypatch.delenv(name, raising=False)
    import mahrumiat_build

    return mahrumiat_build


WHEEL = ["setup.py", "bdist_wheel"]


def test_compiled_by_default_when_a_compiler_is_there(
    build: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "c_compiler", lambda: "/usr/bin/cc")
    monkeypatch.setattr(build, "python_headers", lambda: True)
    monkeypatch.setattr(build, "has_mypyc", lambda: True)
    assert build.mode() == "auto"
    assert build.requires() == build.MYPYC_REQUIRES
    assert build.why_pure(WHEEL) is None
    assert build.why_pure(["setup.py", "editable_wheel"]) == "an editable install runs its sources"


@pytest.mark.parametrize(
    ("env", "missing", "reason"),
    [
        pytest.param({"MAHRUMIAT_PURE": "1"}, None, "MAHRUMIAT_PURE=1", id="asked"),
        pytest.param({"MAHRUMIAT_COMPILE": "0"}, None, "MAHRUMIAT_PURE=1", id="compile-0"),
        pytest.param({}, "c_compiler", "no C compiler found", id="no-compiler"),
        pytest.param({}, "python_headers", "Python's C headers", id="no-headers"),
        pytest.param({}, "has_mypyc", "mypy (mypyc) is not installed", id="no-mypyc"),
    ],
)
def test_pure_python_with_one_line_saying_why(
    build: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    missing: str | None,
    reason: str,
) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(build, "c_compiler", lambda: "/usr/bin/cc")
    monkeypatch.setattr(build, "python_headers", lambda: True)
    monkeypatch.setattr(build, "has_mypyc", lambda: True)
    if missing:
        monkeypatch.setattr(build, missing, lambda: None if missing == "c_compiler" else False)
    assert build.extensions(["src/x.py"], WHEEL) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("mahrumiat-extract: building pure Python (")
    assert reason in err[0]
    # metadata-only runs (egg_info, dist_info) neither compile nor say anything
    assert build.extensions(["src/x.py"], ["setup.py", "dist_info"]) == []
    assert capsys.readouterr().err == ""


def test_build_requires_ask_for_mypy_unless_pure(
    build: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("setuptools")
    import backend

    monkeypatch.setattr(backend._orig, "get_requires_for_build_wheel", lambda cs=None: ["wheel"])
    monkeypatch.setattr(build, "c_compiler", lambda: "/usr/bin/cc")
    assert backend.get_requires_for_build_wheel() == ["wheel", *build.MYPYC_REQUIRES]
    monkeypatch.setenv("MAHRUMIAT_PURE", "1")
    assert backend.get_requires_for_build_wheel() == ["wheel"]
    monkeypatch.delenv("MAHRUMIAT_PURE")
    monkeypatch.setattr(build, "c_compiler", lambda: None)
    assert backend.get_requires_for_build_wheel() == ["wheel"]  # nothing to compile with
    monkeypatch.setenv("MAHRUMIAT_COMPILE", "1")
    assert backend.get_requires_for_build_wheel() == ["wheel", *build.MYPYC_REQUIRES]


def test_forced_build_fails_loudly(build: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAHRUMIAT_COMPILE", "1")
    monkeypatch.setattr(build, "c_compiler", lambda: None)
    with pytest.raises(SystemExit, match="no C compiler"):
        build.extensions(["src/x.py"], WHEEL)


FAILING_SETUP = """
import sys
sys.path.insert(0, {build!r})
import mahrumiat_build
from setuptools import Extension, setup
setup(name="x", version="0", py_modules=["x"],
      ext_modules=[Extension("xfast", ["xfast.c"])],
      cmdclass={{"build_ext": mahrumiat_build.build_ext_class()}})
"""


def test_a_failing_c_build_falls_back_to_pure_python(tmp_path: Path) -> None:
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    (tmp_path / "x.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "xfast.c").write_text("this is not C;\n", encoding="utf-8")
    (tmp_path / "setup.py").write_text(
        FAILING_SETUP.format(build=str(ROOT / "_build")), encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAHRUMIAT_")}
    out = subprocess.run(
        [sys.executable, "setup.py", "-q", "build", "--build-lib", "lib"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("mahrumiat-extract:")]
    assert len(lines) == 1 and "the C build failed" in lines[0]
    assert (tmp_path / "lib" / "x.py").exists()
    assert not list((tmp_path / "lib").glob("xfast*"))
