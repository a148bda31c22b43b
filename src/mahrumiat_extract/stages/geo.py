"""Stage stub: filled by its issue."""

from __future__ import annotations

from ..doc import Doc


class GeoStage:
    name = "geo"
    reads: tuple[str, ...] = ("work",)
    writes: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> None:
        return None
