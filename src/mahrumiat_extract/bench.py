"""``python -m mahrumiat_extract.bench``: the benchmark (see :mod:`.evaluation.bench`)."""

from __future__ import annotations

from .evaluation.bench import main

if __name__ == "__main__":
    raise SystemExit(main())
