"""``--id-prefix``: article ids namespaced by their input, for inputs that number their
articles alike (two dumps both counting 1..N would otherwise collide: the second article of an
id is an ``E611`` row).

The template is put before every id an input gives; ``{name}`` in it is the input file's name
without directories and suffixes (``mehr`` for ``dumps/mehr.jsonl.gz``; a zip or tar member's
own name), ``{input}`` the input as named in the store (``articles.input``)::

    --id-prefix '{name}:'     ->  mehr:1, irna:1
    --id-prefix 'mehr-'       ->  mehr-1 (one run an outlet)

Articles without an id of their own (``INPUT:POSITION``) are namespaced by input already.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .base import COMPRESSED, SUFFIX_FORMAT, Item

__all__ = ["id_prefix", "prefix_id"]


def id_prefix(template: str, input: str) -> str:
    """The prefix ``template`` gives for articles of ``input``."""
    if "{" not in template:
        return template
    member = input.rsplit("!", 1)[-1].replace("\\", "/")
    path = PurePosixPath(PurePosixPath(member).name)
    while path.suffix and path.suffix.lower() in (*COMPRESSED, *SUFFIX_FORMAT, ".tar", ".tgz"):
        path = path.with_suffix("")
    return template.replace("{name}", str(path)).replace("{input}", input)


def prefix_id(item: Item, template: str) -> Item:
    """``item`` with its id (when it has one) prefixed by ``template`` (see the module)."""
    if template and item.id is not None:
        item.id = id_prefix(template, item.input) + item.id
    return item
