"""Imported once by the forkserver that starts the ``--jobs N`` workers: the pipeline's
resources (lexicons, gazetteer automaton) are loaded here, before the workers are forked,
so each worker starts warm and shares those pages with its siblings instead of loading
its own copy (a second or so of CPU and ~60 MB a worker)."""

from __future__ import annotations

from .work import die_with_parent, warm

die_with_parent()  # the forkserver ends with ``run``, even after a kill -9
warm()
