"""The one place that talks to OpenCC: config-name normalisation and cached converters."""

from __future__ import annotations

from functools import cache
from typing import Protocol

import opencc

BACKEND_NAME = f"OpenCC {getattr(opencc, '__version__', '')}".strip()


class Converter(Protocol):
    """What the app uses of an opencc.OpenCC. OpenCC declares no return type for convert (its
    base class is a C extension without stubs), so callers would otherwise get Any."""

    def convert(self, text: str) -> str: ...


def normalise_config(name: str) -> str:
    """'s2twp', 'S2TWP.json' and ' s2twp ' all name the same config."""
    stem = name.strip().lower()
    if stem.endswith(".json"):
        stem = stem[: -len(".json")]
    return stem


def available_configs() -> tuple[str, ...]:
    return tuple(sorted(normalise_config(c) for c in opencc.CONFIGS))


@cache
def converter(config: str) -> Converter:
    stem = normalise_config(config)
    if stem not in available_configs():
        raise ValueError(f"unknown conversion config {config!r}; choose one of {', '.join(available_configs())}")
    return opencc.OpenCC(stem)
