"""Shipped data files, read with :func:`read_lines` / :func:`read_tsv` (each call reads the
file: the lexicons are built once per ``Resources``, which keeps them)."""

from __future__ import annotations

from importlib import resources

from ..errors import ResourceError

__all__ = ["read_lines", "read_tsv"]


def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a shipped resource file."""
    try:
        raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - broken install
        raise ResourceError(f"E001 missing resource file {name!r}: reinstall the package") from exc
    return tuple(
        line.rstrip("\n") for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a shipped TSV file (comment lines start with ``#``)."""
    return tuple(tuple(line.split("\t")) for line in read_lines(name))
