"""Imported once by the forkserver that starts the ``--jobs N`` workers: the pipeline's
resources (lexicons, gazetteer automaton) are loaded here, before the workers are forked,
so each worker starts warm and shares those pages with its siblings instead of loading
its own copy (a second or so of CPU and ~60 MB a worker)."""

from __future__ import annotations

import gc

from .work import WARM_UP
from ..api import extract

extract(WARM_UP)
gc.freeze()  # long-lived: keep them out of the collector's walks (and their pages unwritten)
