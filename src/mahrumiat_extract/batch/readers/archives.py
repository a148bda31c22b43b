"""Compressed files (.gz, .bz2, .zst) and zip archives, and the dispatch of a stream to the
reader of its format."""

from __future__ import annotations

import bz2
import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO

from .base import (
    COMPRESSED,
    SUFFIX_FORMAT,
    Item,
    ReadOptions,
    SizeLimitError,
    _error,
    _Limited,
    file_format,
)
from .feeds import read_rss
from .tabular import read_csv, read_jsonl
from .text import read_html, read_txt
from .warc import read_warc

__all__ = ["READERS", "read_stream"]

READERS: dict[str, Callable[[IO[bytes], str, str, ReadOptions], Iterator[Item]]] = {
    "txt": read_txt,
    "html": read_html,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "rss": read_rss,
    "warc": read_warc,
}


def _decompress(stream: IO[bytes], suffix: str, limit: int) -> IO[bytes]:
    inner: IO[bytes]
    if suffix == ".gz":
        inner = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    elif suffix == ".bz2":
        inner = bz2.BZ2File(stream)
    elif suffix == ".zst":
        import zstandard

        inner = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    else:
        return stream
    return io.BufferedReader(_Limited(inner, limit), buffer_size=1 << 16)


def _ident(rel: str) -> str:
    """An article id from a file's path: the path without its suffixes."""
    path = PurePosixPath(rel)
    while path.suffix and path.suffix.lower() in (*COMPRESSED, *SUFFIX_FORMAT):
        path = path.with_suffix("")
    return str(path)


def read_stream(
    stream: IO[bytes], name: str, rel: str, opts: ReadOptions
) -> Iterator[Item]:
    """Items of one (possibly compressed) stream named ``name``; ``rel`` gives its id."""
    fmt = file_format(rel, opts.format)
    suffix = PurePosixPath(rel.lower()).suffix
    if suffix == ".zip":
        yield from _read_zip(stream, name, opts)
        return
    if fmt is None:
        yield _error(name, 0, "E603", "use --format")
        return
    inner = _decompress(stream, suffix, opts.max_decompressed_bytes)
    ident = _ident(rel)
    position = 0
    try:
        for item in READERS[fmt](inner, name, ident, opts):
            position = item.position
            yield item
    except SizeLimitError:
        yield _error(name, position + 1, "E604", f"{opts.max_decompressed_bytes} bytes")
    except (OSError, EOFError, ValueError) as exc:  # corrupt compressed data, bad archive
        yield _error(name, position + 1, "E601", f"{type(exc).__name__}: {exc}")


def _read_zip(stream: IO[bytes], name: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError) as exc:
        yield _error(name, 0, "E601", f"bad zip: {exc}")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if not members:
            yield _error(name, 0, "E602", "empty zip")
        for member in members:
            member_name = f"{name}!{member.filename}"
            if file_format(member.filename, opts.format) is None:
                continue
            if member.file_size > opts.max_decompressed_bytes:
                yield _error(member_name, 0, "E604", f"declares {member.file_size} bytes")
                continue
            with archive.open(member) as raw:
                limited = io.BufferedReader(_Limited(raw, opts.max_decompressed_bytes))
                yield from read_stream(limited, member_name, member.filename, opts)
