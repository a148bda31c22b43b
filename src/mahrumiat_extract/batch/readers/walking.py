"""Walking the inputs: files and directories in a stable order, each read by its format."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .archives import read_stream
from .base import FORMATS, Item, ReadOptions, Tracker, _error, file_format
from .ids import prefix_id
from .tar import is_tar

__all__ = ["input_size", "iter_items"]


def _walk(root: Path) -> Iterator[Path | Item]:
    """Files under ``root`` in sorted order (a directory's files, then its subdirectories),
    hidden ones skipped, one directory at a time; a directory that cannot be listed is an
    error item instead. Links to directories are not followed (no loops)."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _error(str(root), 0, "E601", f"directory: {exc.strerror or type(exc).__name__}")
        return
    dirs = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(Path(entry.path))
        elif not (entry.is_symlink() and _is_dir(entry.path)):
            yield Path(entry.path)
    for sub in dirs:
        yield from _walk(sub)


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _resolved(path: Path | str) -> str:
    """The real path (no exception on a link loop, unlike ``Path.resolve`` before 3.13)."""
    return os.path.realpath(path)


def _not_regular(path: Path, name: str) -> Item | None:
    """An error item when ``path`` is not a regular file (reading a FIFO would block for
    ever, a device would never end), None for a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        code = "E614" if exc.errno == errno.ELOOP or os.path.islink(path) else "E601"
        return _error(name, 0, code, exc.strerror or type(exc).__name__)
    if stat.S_ISREG(mode):
        return None
    return _error(name, 0, "E614", "directory" if stat.S_ISDIR(mode) else f"mode {mode:o}")


def _sources(
    paths: list[str], opts: ReadOptions, exclude: frozenset[str] = frozenset()
) -> Iterator[tuple[Path, str, str] | Item]:
    """``(path, input name, relative name)`` of every file to read, or an error item (a
    missing path, a directory that cannot be listed, a file that is not a regular one);
    files in ``exclude`` (the run's own outputs, real paths) are skipped when walking."""
    for raw in paths:
        path = Path(raw)
        if _is_dir(raw):
            for file in _walk(path):
                if isinstance(file, Item):
                    yield file
                    continue
                if exclude and _resolved(file) in exclude:
                    continue
                rel = file.relative_to(path).as_posix()
                archive = rel.lower().endswith(".zip") or is_tar(rel)
                if not (archive or file_format(rel, opts.format)):
                    continue
                yield _not_regular(file, str(file)) or (file, str(file), rel)
        elif os.path.lexists(raw):
            yield _not_regular(path, raw) or (path, raw, path.name)
        else:
            yield _error(raw, 0, "E601", "no such file or directory")


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
    real = frozenset(_resolved(p) for p in exclude)
    for source in _sources(paths, opts, real):
        if isinstance(source, Item):
            yield source
            continue
        path, name, rel = source
        try:
            stream = _open(path)
        except OSError as exc:
            yield _error(name, 0, "E601", exc.strerror or type(exc).__name__)
            continue
        if stream is None:  # turned into a FIFO or a device since it was listed
            yield _error(name, 0, "E614")
            continue
        with stream:
            tracker._current = stream
            size = os.fstat(stream.fileno()).st_size
            position = 0
            try:
                if size == 0:
                    yield _error(name, 0, "E602")
                else:
                    for item in read_stream(stream, name, rel, opts):
                        position = item.position
                        yield prefix_id(item, opts.id_prefix)
            except Exception as exc:  # a reader's bug: a row, and the next file
                yield _error(name, position + 1, "E615", f"{type(exc).__name__}: {exc}")
            tracker._current = None
            tracker.done += size


def _open(path: Path) -> IO[bytes] | None:
    """``path`` opened for reading, or None when it is not a regular file (opened without
    blocking, so a FIFO never stalls the run)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def input_size(
    paths: list[str], options: ReadOptions | None = None, *, exclude: frozenset[Path] = frozenset()
) -> int:
    """Total bytes of the files :func:`iter_items` will read (for a progress bar's ETA)."""
    opts = options or ReadOptions()
    total = 0
    real = frozenset(_resolved(p) for p in exclude)
    for source in _sources(paths, opts, real):
        if isinstance(source, Item):
            continue
        try:
            total += source[0].stat().st_size
        except OSError:
            pass
    return total
