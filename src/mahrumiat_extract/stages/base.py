"""The one shape of a pipeline stage (spaCy's: a pure ``match`` and one ``set_annotations``).

A stage is built from the :class:`~mahrumiat_extract.language.Resources` it needs, holds no
other state between articles, and declares the :class:`~mahrumiat_extract.doc.Doc` fields it
``reads`` and ``writes``; :class:`~mahrumiat_extract.pipeline.Pipeline` checks at construction
that every field a stage reads is there when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..doc import Doc
    from ..language import Resources

__all__ = ["DOC_INPUTS", "Stage"]

#: The Doc fields every article starts with (``Pipeline.make_doc``).
DOC_INPUTS = frozenset({"text", "norm", "work", "id", "hints", "warnings"})


class Stage:
    """Base of the five stages: ``stage(doc)`` is ``set_annotations(doc, match(doc))``."""

    name: ClassVar[str] = "stage"
    reads: ClassVar[tuple[str, ...]] = ()
    writes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.resources,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.resources!r})"

    def match(self, doc: Doc) -> Any:
        """What the stage finds in ``doc`` (pure: ``doc`` is not changed)."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write what :meth:`match` found into ``doc``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> None:
        self.set_annotations(doc, self.match(doc))
