"""Refresh the interface's translation catalogues: lupdate over reader/ui into the .ts files
(new strings arrive as unfinished, translations kept), then lrelease into the .qm files the app
loads. The .qm are committed, so a checkout, a wheel and a bundle run translated without Qt's
tools; tests/ui/test_translations.py fails when a .ts lacks a translation or a .qm is stale.

    python -m tools.update_translations            # update the .ts and rebuild the .qm
    python -m tools.update_translations --release  # only rebuild the .qm from the .ts
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "reader" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "zh_TW")


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"reader_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"reader_{language}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH, else PySide6's own."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def lupdate(ts: Path) -> None:
    """Merge the strings of reader/ui into ts (created when missing), dropping obsolete ones,
    without source locations: a moved line does not churn the file."""
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-silent", "-extensions", "py", "-locations", "none", str(SOURCES), "-ts", str(ts)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="only compile the .ts files into .qm")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language)
        if not args.release:
            lupdate(ts)
        lrelease(ts, qm_file(language))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
