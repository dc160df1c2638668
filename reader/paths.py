"""Where the bundled seeds and resources are, in a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path


def _find(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / name)
    candidates.append(Path(__file__).resolve().parent.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    # Installed from a wheel: shipped inside the package as reader/<name>.
    return Path(str(resources.files("reader"))) / name


@cache
def seeds_dir() -> Path:
    return _find("seeds")


@cache
def resources_dir() -> Path:
    return _find("resources")
