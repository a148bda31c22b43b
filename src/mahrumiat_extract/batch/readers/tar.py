"""tar archives (``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``, ``.tar.zst``): every regular
member read by its format, named ``archive.tar!member/path`` as zip members are. Read as a
stream (no seeking, one member after another), with the same decompression cap; a member
declaring more than the cap is an ``E604`` row, a damaged archive an ``E601``/``E615`` row."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO

from .base import Item, ReadOptions, SizeLimitError, _error

__all__ = ["TAR_SUFFIXES", "is_tar", "read_tar"]

#: name endings of tar archives -> the compression around the tar stream
TAR_SUFFIXES = {".tar": "", ".tgz": ".gz", ".tar.gz": ".gz", ".tar.bz2": ".bz2",
                ".tbz2": ".bz2", ".tar.zst": ".zst"}  # fmt: skip


def _compression(name: str) -> str | None:
    lowered = name.lower()
    for suffix, compression in TAR_SUFFIXES.items():
        if lowered.endswith(suffix):
            return compression
    return None


def is_tar(name: str) -> bool:
    """The name is a tar archive's (compressed or not)."""
    return _compression(name) is not None


def read_tar(stream: IO[bytes], name: str, rel: str, opts: ReadOptions) -> Iterator[Item]:
    """The items of every member of the tar archive ``stream`` (named ``name``)."""
    from .archives import _decompress, member_verdict, read_member  # the dispatch

    inner = _decompress(stream, _compression(rel) or "", opts.max_decompressed_bytes)
    try:
        archive = tarfile.open(fileobj=inner, mode="r|")
    except SizeLimitError:
        yield _error(name, 0, "E604", f"{opts.max_decompressed_bytes} bytes")
        return
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield _error(name, 0, "E601", f"bad tar: {exc}")
        return
    seen = False
    with archive:
        try:
            for member in archive:
                seen = True
                if not member.isfile() or PurePosixPath(member.name).name.startswith("."):
                    continue
                member_name = f"{name}!{member.name}"
                read, row = member_verdict(member.name, member_name, member.size, opts)
                if row is not None:
                    yield row
                raw = archive.extractfile(member) if read else None
                if raw is not None:
                    yield from read_member(raw, member_name, member.name, opts)
        except SizeLimitError:
            yield _error(name, 0, "E604", f"{opts.max_decompressed_bytes} bytes")
        except (tarfile.TarError, EOFError) as exc:
            yield _error(name, 0, "E615", f"{type(exc).__name__}: {exc}")
        except OSError as exc:
            yield _error(name, 0, "E601", f"{type(exc).__name__}: {exc}")
    if not seen:
        yield _error(name, 0, "E602", "empty tar")
