"""gui [--doc ID] [--screenshot PNG]: the window (Qt is imported only here, and only when asked)."""

from __future__ import annotations

import argparse
import gc


def cmd_gui(args: argparse.Namespace) -> int:
    # Start-up allocates hundreds of thousands of objects that live as long as the window (Qt's
    # enum classes, the app's modules): cyclic collections over them are wasted work (~30 ms
    # before the first paint). reader.ui.app turns collection back on after that paint.
    gc.disable()
    try:
        from reader.ui.app import run

        return run(args)
    finally:
        gc.enable()
