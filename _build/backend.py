"""setuptools' build backend, asking for mypy (mypyc) only when ``MAHRUMIAT_COMPILE`` is set
(see setup.py): a plain install needs nothing beyond setuptools."""

from __future__ import annotations

import os

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F403

_MYPYC = ["mypy>=1.10"]


def _extra() -> list[str]:
    return _MYPYC if os.environ.get("MAHRUMIAT_COMPILE", "").strip() not in ("", "0") else []


def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    return _orig.get_requires_for_build_wheel(config_settings) + _extra()
