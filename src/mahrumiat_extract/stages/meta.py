"""Stage stub."""

from __future__ import annotations

from ..doc import Doc


class MetaStage:
    name = "meta"
    reads: tuple[str, ...] = ("work",)
    writes: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> None:
        return None
