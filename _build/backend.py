"""setuptools' build backend, asking for mypy (mypyc) for the compiled build that a plain
``pip install .`` makes (setup.py), unless ``MAHRUMIAT_PURE=1`` or no C compiler makes it
pure Python (``_build/mahrumiat_build.py``). Editable installs and sdists ask for no more."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F403

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mahrumiat_build as optional


def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    return _orig.get_requires_for_build_wheel(config_settings) + optional.requires()
