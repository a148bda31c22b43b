"""Memory of a batch stays flat on distinct text (issue 16): what a worker would load lazily
is loaded before the forkserver forks the workers, so they share it."""

from __future__ import annotations

import subprocess
import sys

_CHECK = """
from mahrumiat_extract import extract
from mahrumiat_extract.batch.work import warm
from mahrumiat_extract.pipeline import get_pipeline

warm()
resources = get_pipeline().resources
def loaded():
    return set(vars(resources)) | {"gazetteer." + k for k in vars(resources.gazetteer)}
before = loaded()
extract("اهالی روستای قلعه نو در دهستان حومه بخش مرکزی گفتند ۱۲ طرح نیمه‌تمام مانده است.")
print(sorted(loaded() - before))
"""


def test_warm_loads_what_an_article_would_load_lazily() -> None:
    # a fresh interpreter: the pipeline is built once a process
    out = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True,
                         check=True, timeout=120)  # fmt: skip
    assert out.stdout.strip() == "[]"
