"""One base error, a few subclasses that also inherit the matching built-in, and the
catalogue of warning codes that go into ``ArticleRecord.warnings``."""

from __future__ import annotations

__all__ = [
    "CODES",
    "E",
    "InputError",
    "MahrumiatError",
    "PipelineError",
    "ResourceError",
    "W",
    "warning",
]


class MahrumiatError(Exception):
    """Base class of every error this library raises."""


class InputError(MahrumiatError, ValueError):
    """The input cannot be read as an article (wrong type, unreadable file ...)."""


class ResourceError(MahrumiatError, RuntimeError):
    """A shipped resource file is missing or malformed (a broken installation)."""


class PipelineError(MahrumiatError, ValueError):
    """A pipeline cannot be built as asked (stages in an order where one reads what no
    earlier stage writes ...)."""


# Warning catalogue: code -> short message. Records carry "W101 message: detail".
W: dict[str, str] = {
    "W101": "empty article",
    "W102": "control or NUL characters removed",
    "W103": "HTML markup found; tags ignored",
    "W104": "text truncated to the size limit",
    "W105": "text was not a str; decoded",
    "W106": "span could not be mapped to the original and was dropped",
    "W110": "duplicated paragraph counted once",
    "W201": "place name is ambiguous between provinces",
    "W301": "name glued to neighbouring text by scraping",
    "W302": "official's name unknown (only the title is given)",
    "W401": "number could not be attached to a counted noun",
    "W501": "stage failed on this article",
    # batch: reasons of rows in the store's `errors` table (an article that was not stored)
    "E601": "input not found or unreadable",
    "E602": "empty input",
    "E603": "unknown input format",
    "E604": "decompressed size over the limit",
    "E605": "record longer than the limit",
    "E606": "invalid UTF-8",
    "E607": "malformed record",
    "E608": "no article text",
    "E609": "extraction failed",
    "E610": "worker process died",
    "E611": "duplicate article id in this run",
    # batch, issue 16: every item stored or an error row, in bounded time
    "E612": "article could not be written to the store",
    "E613": "over the per-article time budget (--max-seconds)",
    "E614": "not a regular file (FIFO, device, socket, looping or broken link)",
    "E615": "input truncated or corrupt (the rest of it could not be read)",
    "E616": "feed refused: it declares XML entities",
    "W107": "lone surrogate replaced with U+FFFD",
    "W601": "figure count too large for the store's BIGINT; stored as NULL (the record has it)",
}


# Error catalogue: codes of the exceptions raised (their messages start with the code and
# give the detail) and of the evaluation commands' failures. Batch row reasons are in W.
E: dict[str, str] = {
    "E001": "a shipped resource file is missing or malformed (reinstall the package)",
    "E002": "a pipeline stage reads what no earlier stage writes",
    "E003": "a pipeline was given both its stages and the resources to build them on",
    "E101": "extract() takes str or bytes",
    # evaluation (mahrumiat-extract evaluate / bench): exit status 2
    "E701": "malformed gold, silver or records line",
    "E702": "a gold, records, silver or corpus file cannot be read",
    "E703": "a saved record is not an ArticleRecord",
    "E704": "records cannot be paired with the gold articles (no ids, counts differ)",
    "E705": "the floors file cannot be read or is malformed",
    "E706": "no articles to benchmark",
    "E707": "no such half of the gold (A or B)",
}

#: Every code: the warnings and batch reasons (W) and the errors (E).
CODES: dict[str, str] = {**W, **E}


def warning(code: str, detail: str | None = None) -> str:
    """Format a coded warning: ``warning("W201", "فیروزآباد")`` -> ``"W201 ...: فیروزآباد"``."""
    base = f"{code} {W[code]}"
    return f"{base}: {detail}" if detail else base
