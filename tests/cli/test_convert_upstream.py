"""OpenCC's own upstream test cases pass through `report-reader convert`, config by config.

The cases live in ../shared/opencc-testcases (not committed here); the test is skipped where
that folder is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parents[3] / "shared" / "opencc-testcases" / "testcases.json"


def load_cases() -> dict[str, list[tuple[str, str, str]]]:
    # The upstream file has trailing commas, which strict JSON refuses.
    raw = re.sub(r",(\s*[}\]])", r"\1", CASES.read_text(encoding="utf-8"))
    by_config: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for case in json.loads(raw)["cases"]:
        for config, expected in case["expected"].items():
            by_config[config].append((case["id"], case["input"], expected))
    return by_config


@pytest.mark.skipif(not CASES.exists(), reason="OpenCC upstream cases not beside this checkout")
def test_every_upstream_case_passes_through_the_cli():
    failures = []
    total = 0
    for config, cases in sorted(load_cases().items()):
        # One process per config: inputs one per line, outputs must come back line for line.
        assert all("\n" not in text for _, text, _ in cases)
        result = subprocess.run(
            [sys.executable, "-m", "reader", "convert", "--config", config],
            input="\n".join(text for _, text, _ in cases).encode("utf-8"),
            capture_output=True,
        )
        assert result.returncode == 0, result.stderr.decode()
        lines = result.stdout.decode("utf-8").split("\n")
        assert len(lines) == len(cases)
        for (case_id, _, expected), got in zip(cases, lines, strict=True):
            total += 1
            if got != expected:
                failures.append(f"{config} {case_id}: {got!r} != {expected!r}")
    assert total >= 400
    assert not failures, "\n".join(failures)
