"""The code stays typed and linted: mypy (strict for core and store) and ruff, as configured in
pyproject.toml, run as part of the one test command so a change cannot land with either red."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    """The tool installed beside this interpreter (the venv's), else one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install '.[test]'")
    return found


@pytest.mark.timeout(300)
def test_mypy_finds_no_type_errors():
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


@pytest.mark.timeout(120)
def test_ruff_finds_no_lint_errors():
    folders = [name for name in ("reader", "tests", "benchmarks", "tools", "packaging") if (ROOT / name).is_dir()]
    result = subprocess.run([_tool("ruff"), "check", *folders], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
