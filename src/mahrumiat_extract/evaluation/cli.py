"""Sub-commands of this package (filled by its issue)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    """Add this package's sub-commands to the CLI's sub-parsers."""
    return None
