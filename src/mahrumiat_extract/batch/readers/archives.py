"""Compressed files (.gz, .bz2, .zst) and zip archives, and the dispatch of a stream to the
reader of its format."""

from __future__ import annotations

import bz2
import gzip
import io
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO, Any

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
from .jsonarray import read_json
from .tabular import read_csv, read_jsonl
from .tar import is_tar, read_tar
from .telegram import read_telegram
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
    "json": read_json,
    "telegram": read_telegram,
}


def _decompress(stream: IO[bytes], suffix: str, limit: int) -> IO[bytes]:
    inner: IO[bytes]
    if suffix == ".gz":
        inner = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    elif suffix == ".bz2":
        inner = bz2.BZ2File(stream)
    elif suffix == ".zst":
        inner = _Zstd(stream)  # type: ignore[assignment]
    else:
        return stream
    return io.BufferedReader(_Limited(inner, limit), buffer_size=1 << 16)


class _Zstd(io.RawIOBase):
    """A zstd stream (one frame or several) that raises :class:`EOFError` when it ends inside
    a frame: zstandard's own stream reader ends quietly there and loses the frame's last block.
    Input is fed 1 KB at a time, so one call inflates to at most ~32 MB (RLE blocks)."""

    def __init__(self, inner: IO[bytes]) -> None:
        import zstandard

        self.inner, self.zstd = inner, zstandard.ZstdDecompressor()
        self.obj = self.zstd.decompressobj()
        self.fed = False  # bytes of the current frame were fed
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            data = self.inner.read(1024)
            if not data:
                if self.fed and not self.obj.eof:
                    raise EOFError("zstd data ends inside a frame (truncated)")
                return 0
            self.pending = self._feed(data)
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            if self.obj.eof:  # the next frame
                self.obj, self.fed = self.zstd.decompressobj(), False
            self.fed = True
            out.append(self.obj.decompress(data))
            data = self.obj.unused_data if self.obj.eof else b""
        return b"".join(out)


def _ident(rel: str) -> str:
    """An article id from a file's path: the path without its suffixes."""
    path = PurePosixPath(rel)
    while path.suffix and path.suffix.lower() in (*COMPRESSED, *SUFFIX_FORMAT):
        path = path.with_suffix("")
    return str(path)


def read_stream(stream: IO[bytes], name: str, rel: str, opts: ReadOptions) -> Iterator[Item]:
    """Items of one (possibly compressed) stream named ``name``; ``rel`` gives its id."""
    fmt = file_format(rel, opts.format)
    suffix = PurePosixPath(rel.lower()).suffix
    if suffix == ".zip":
        yield from _read_zip(stream, name, opts)
        return
    if is_tar(rel):
        yield from read_tar(stream, name, rel, opts)
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
    except (EOFError, zlib.error, zipfile.BadZipFile) as exc:  # cut short, bad CRC
        yield _error(name, position + 1, "E615", f"{type(exc).__name__}: {exc}")
    except OSError as exc:  # not gzip/bz2 data, unreadable
        yield _error(name, position + 1, "E601", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # whatever a reader's library raises: a row, never a stop
        yield _error(name, position + 1, "E615", f"{type(exc).__name__}: {exc}")


def _read_zip(stream: IO[bytes], name: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        yield _error(name, 0, "E601", f"bad zip: {exc}")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if not members:
            yield _error(name, 0, "E602", "empty zip")
        for member in members:
            yield from _read_member(archive, member, f"{name}!{member.filename}", opts)


def member_verdict(
    filename: str, name: str, size: int, opts: ReadOptions
) -> tuple[bool, Item | None]:
    """Whether an archive's member (zip or tar) is read: a nested zip or a file of a known
    format is; one that declares more than the size cap is not, and gives an E604 row."""
    if not filename.lower().endswith(".zip") and file_format(filename, opts.format) is None:
        return False, None
    if size > opts.max_decompressed_bytes:
        return False, _error(name, 0, "E604", f"declares {size} bytes")
    return True, None


def read_member(raw: IO[bytes], name: str, filename: str, opts: ReadOptions) -> Iterator[Item]:
    """The items of one archive member's stream (zip or tar), read within the size cap; a zip
    in an archive is spooled first (zipfile needs to seek; to disk when large)."""
    limited = io.BufferedReader(_Limited(raw, opts.max_decompressed_bytes))
    if not filename.lower().endswith(".zip"):
        yield from read_stream(limited, name, filename, opts)
        return
    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as spool:
        try:
            shutil.copyfileobj(limited, spool)
        except SizeLimitError:
            yield _error(name, 0, "E604", f"{opts.max_decompressed_bytes} bytes")
            return
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            yield _error(name, 0, "E615", f"{type(exc).__name__}: {exc}")
            return
        spool.seek(0)
        yield from _read_zip(spool, name, opts)


def _read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, opts: ReadOptions
) -> Iterator[Item]:
    read, row = member_verdict(member.filename, name, member.file_size, opts)
    if row is not None:
        yield row
    if not read:
        return
    try:
        raw = archive.open(member)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        yield _error(name, 0, "E601", f"{type(exc).__name__}: {exc}")  # encrypted, bad method
        return
    with raw:
        yield from read_member(raw, name, member.filename, opts)
