"""The benchmark (filled in next)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quick", action="store_true", help="a small, fast run")


def main_args(args: argparse.Namespace) -> int:
    print("benchmark not written yet")
    return 2
