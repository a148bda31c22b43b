"""Native build, on by default: ``pip install .`` compiles the extraction hot path (the stages,
the text layer and ``Doc``) with mypyc, the compiler that ships with mypy, whenever a C
compiler is present. The package is ``mypy --strict`` clean, so the same sources compile
unchanged; records come out byte-identical to the pure-Python build (a test checks it) and
extraction runs ~1.2x faster.

Without a C compiler, Python's headers or mypy, or when the C build fails, the install is pure
Python, with one line saying so; ``MAHRUMIAT_PURE=1`` asks for pure Python, and
``MAHRUMIAT_COMPILE=1`` for compiled or an error. Editable installs are always pure Python
(their sources must stay the ones that run). The decisions: ``_build/mahrumiat_build.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
import mahrumiat_build as optional

#: the modules compiled: everything ``extract`` runs per article (pydantic records, I/O and
#: the batch job stay Python); the stage packages whole, their ``__init__.py`` too
COMPILED = [
    "src/mahrumiat_extract/doc.py",
    "src/mahrumiat_extract/text/chars.py",
    "src/mahrumiat_extract/text/keys.py",
    "src/mahrumiat_extract/text/normalize.py",
    "src/mahrumiat_extract/text/number_words.py",
    "src/mahrumiat_extract/text/numbers.py",
    "src/mahrumiat_extract/text/offsets.py",
    "src/mahrumiat_extract/text/sentences.py",
    *sorted(str(p) for p in Path("src/mahrumiat_extract/stages").rglob("*.py")),
]

setup(
    ext_modules=optional.extensions(COMPILED, sys.argv),
    cmdclass={"build_ext": optional.build_ext_class()},
)
