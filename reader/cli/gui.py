"""gui [--doc ID] [--screenshot PNG]: the window (Qt is imported only here, and only when asked)."""

from __future__ import annotations

import argparse


def cmd_gui(args: argparse.Namespace) -> int:
    from reader.ui.app import run

    return run(args)
