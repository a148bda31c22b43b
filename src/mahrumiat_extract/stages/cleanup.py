"""Stage stub."""

from __future__ import annotations

from ..doc import Doc


class CleanupStage:
    name = "cleanup"
    reads: tuple[str, ...] = ("work",)
    writes: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> None:
        return None
