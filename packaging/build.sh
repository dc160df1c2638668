#!/usr/bin/env bash
# Build a desktop bundle in dist/report-reader with PyInstaller, in a venv of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .package-venv
.package-venv/bin/pip install --quiet '.[package]'
.package-venv/bin/pyinstaller --noconfirm --clean packaging/report-reader.spec
echo "Built dist/report-reader/report-reader"
