"""The mypyc-compiled build (setup.py, ``MAHRUMIAT_COMPILE=1``) is the same program: it builds,
its hot modules really are native, and its records are byte-identical to the pure-Python ones
on the sample articles, the written edge cases and (when ../shared is there) the dev set.

The build takes about two minutes the first time (then it is reused until a source changes);
``MAHRUMIAT_SKIP_COMPILED=1`` skips it in a quick local run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mahrumiat_extract import extract

from .conftest import DEV, ROOT, SAMPLES

pytestmark = pytest.mark.slow

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
texts = json.load(sys.stdin)
print(json.dumps({"geo": geo.__file__,
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


def test_compiled_build_gives_the_same_records(compiled_dir: Path) -> None:
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": str(compiled_dir)}
    out = subprocess.run(
        [sys.executable, "-c", RUN], input=json.dumps(texts), capture_output=True, text=True,
        env=env, timeout=600, check=True,
    )  # fmt: skip
    got = json.loads(out.stdout)
    assert got["geo"].endswith(".so"), f"the stages were not compiled: {got['geo']}"
    expected = [extract(t).model_dump_json() for t in texts]
    assert len(got["records"]) == len(expected)
    for text, a, b in zip(texts, got["records"], expected):
        assert a == b, text[:200]
