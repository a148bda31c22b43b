"""Walking the inputs: files and directories in a stable order, each read by its format."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .archives import read_stream
from .base import FORMATS, Item, ReadOptions, Tracker, _error, file_format

__all__ = ["input_size", "iter_items"]


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, hidden ones skipped, one directory at a time."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


def _sources(
    paths: list[str], opts: ReadOptions, exclude: frozenset[Path] = frozenset()
) -> Iterator[tuple[Path, str, str]]:
    """``(path, input name, relative name)`` of every file to read, or a missing path;
    files in ``exclude`` (the run's own outputs) are skipped when walking directories."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if exclude and file.resolve() in exclude:
                    continue
                rel = file.relative_to(path).as_posix()
                lowered = rel.lower()
                if lowered.endswith(".zip") or file_format(rel, opts.format):
                    yield file, str(file), rel
        else:
            yield path, raw, path.name


def iter_items(
    paths: list[str],
    options: ReadOptions | None = None,
    *,
    tracker: Tracker | None = None,
    exclude: frozenset[Path] = frozenset(),
) -> Iterator[Item]:
    """Every article (or read error) of the inputs, streamed in a stable order; files in
    ``exclude`` (resolved paths) are left out of directory walks."""
    opts = options or ReadOptions()
    if opts.format not in FORMATS:
        raise ValueError(f"unknown format {opts.format!r}; one of {', '.join(FORMATS)}")
    tracker = tracker or Tracker()
    for path, name, rel in _sources(paths, opts, exclude):
        try:
            stream = path.open("rb")
        except OSError as exc:
            yield _error(name, 0, "E601", exc.strerror or type(exc).__name__)
            continue
        with stream:
            tracker._current = stream
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
                yield _error(name, 0, "E602")
            else:
                yield from read_stream(stream, name, rel, opts)
            tracker._current = None
            tracker.done += size


def input_size(
    paths: list[str], options: ReadOptions | None = None, *, exclude: frozenset[Path] = frozenset()
) -> int:
    """Total bytes of the files :func:`iter_items` will read (for a progress bar's ETA)."""
    opts = options or ReadOptions()
    total = 0
    for path, _, _ in _sources(paths, opts, exclude):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total
