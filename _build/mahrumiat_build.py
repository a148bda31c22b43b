"""Whether and how to build the mypyc-compiled modules (used by setup.py and backend.py).

Fast by default, as PyYAML and MarkupSafe build their speed-ups: a non-editable install
compiles whenever it can, and falls back to pure Python, with one line saying why, when it
cannot (no C compiler or Python headers, mypy/mypyc not installed, or the build fails).

- ``MAHRUMIAT_PURE=1`` (or ``MAHRUMIAT_COMPILE=0``): pure Python, nothing asked for;
- ``MAHRUMIAT_COMPILE=1``: compiled or an error (no fallback; ``scripts/compiled.sh``);
- neither: compiled when possible, else pure Python;
- editable installs (``pip install -e .``) are always pure, so the sources edited are the
  ones that run.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import sysconfig
from pathlib import Path
from typing import Any

#: What the isolated build environment needs for the compiled build.
MYPYC_REQUIRES = ["mypy>=1.10"]
PREFIX = "mahrumiat-extract:"


def _flag(name: str) -> str:
    return os.environ.get(name, "").strip()


def mode() -> str:
    """``"pure"`` (asked for), ``"force"`` (``MAHRUMIAT_COMPILE=1``) or ``"auto"``."""
    if _flag("MAHRUMIAT_PURE") not in ("", "0") or _flag("MAHRUMIAT_COMPILE") == "0":
        return "pure"
    if _flag("MAHRUMIAT_COMPILE") not in ("", "0"):
        return "force"
    return "auto"


def c_compiler() -> str | None:
    """The C compiler's path (``$CC``, else Python's own ``CC``, else ``cc``), or None."""
    if sys.platform == "win32":  # MSVC is found by setuptools itself; a failure falls back
        return "msvc"
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    parts = shlex.split(str(cc))
    found = shutil.which(parts[0]) if parts else None
    return found or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")


def python_headers() -> bool:
    """Are Python's C headers (``Python.h``) installed?"""
    include = sysconfig.get_paths().get("include")
    return bool(include) and (Path(str(include)) / "Python.h").is_file()


def has_mypyc() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("mypyc.build") is not None
    except (ImportError, ValueError):
        return False


def requires() -> list[str]:
    """What ``get_requires_for_build_wheel`` adds: mypy, unless the build will be pure
    (asked for, or no C compiler to compile with)."""
    m = mode()
    if m == "pure" or (m == "auto" and c_compiler() is None):
        return []
    return list(MYPYC_REQUIRES)


def say(message: str) -> None:
    print(f"{PREFIX} {message}", file=sys.stderr, flush=True)


#: setup.py commands that build code; the others (egg_info, dist_info, sdist) only write
#: metadata, so mypyc is not run for them (pip runs setup.py once for metadata first).
BUILDING = frozenset(
    {"build", "build_ext", "bdist_wheel", "bdist_egg", "install", "develop", "editable_wheel"}
)


def building(argv: list[str]) -> bool:
    return any(a in BUILDING for a in argv[1:])


def editable(argv: list[str]) -> bool:
    return "editable_wheel" in argv or "develop" in argv


def why_pure(argv: list[str]) -> str | None:
    """None when the compiled build should be tried; else why the build is pure Python.
    With ``MAHRUMIAT_COMPILE=1`` a missing prerequisite raises instead."""
    m = mode()
    if m == "pure":
        return "MAHRUMIAT_PURE=1"
    if editable(argv):
        return "an editable install runs its sources"
    missing = None
    if c_compiler() is None:
        missing = "no C compiler found"
    elif not python_headers():
        missing = "Python's C headers (Python.h) are not installed"
    elif not has_mypyc():
        missing = "mypy (mypyc) is not installed"
    if missing and m == "force":
        raise SystemExit(f"{PREFIX} MAHRUMIAT_COMPILE=1 but {missing}")
    return missing


def fallback_line(reason: str) -> str:
    return (
        f"building pure Python ({reason}); it runs the same, about 1.2x slower than the "
        "compiled build"
    )


def extensions(modules: list[str], argv: list[str]) -> list[Any]:
    """The mypyc extensions of ``modules``, or [] (with one line saying why) when the build
    is pure Python."""
    if not building(argv):
        return []
    reason = why_pure(argv)
    if reason is not None:
        if reason != "an editable install runs its sources" or mode() == "force":
            say(fallback_line(reason))
        return []
    try:
        from mypyc.build import mypycify

        # one shared library for all of them: calls between the modules (a stage calling
        # Doc and the text layer) stay native C calls. One extension a module
        # (``separate=True``) builds ~40% sooner on two cores but ran ~6% slower.
        return list(mypycify(modules, opt_level="3"))
    except (Exception, SystemExit) as exc:  # mypyc's own failures exit
        if mode() == "force":
            raise
        say(fallback_line(f"mypyc failed: {type(exc).__name__}: {exc}"))
        return []


def build_ext_class() -> type:
    """setuptools' ``build_ext`` that falls back to pure Python when compiling fails
    (unless ``MAHRUMIAT_COMPILE=1``): what was built is removed, so the package is whole."""
    from setuptools.command.build_ext import build_ext

    class OptionalBuildExt(build_ext):  # type: ignore[misc]
        def run(self) -> None:
            try:
                super().run()
            except (Exception, SystemExit) as exc:  # compiler and linker errors of any kind
                if mode() == "force":
                    raise
                for path in self.get_outputs():
                    Path(path).unlink(missing_ok=True)
                self.extensions = list[Any]()
                say(fallback_line(f"the C build failed: {type(exc).__name__}: {exc}"))

    return OptionalBuildExt
