#!/usr/bin/env bash
# Build the desktop app as one folder, dist/report-reader, with PyInstaller in a venv of its own
# (.package-venv; nothing of it is needed to run the result). Run from anywhere in a checkout:
#     bash packaging/build.sh
# then start dist/report-reader/report-reader (on Linux, dist/report-reader/install-desktop-entry.sh
# adds it to the applications menu).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)

if [ ! -x .package-venv/bin/pyinstaller ]; then
    python3 -m venv .package-venv
fi
.package-venv/bin/pip install --quiet '.[package]'
# Only the dependencies stay installed: the app itself is analysed from this checkout.
.package-venv/bin/pip uninstall --quiet --yes report-reader

# The icon: PNG sizes into resources/icons (the window's), .ico and .icns into build/icons.
.package-venv/bin/python packaging/make_icons.py build/icons

.package-venv/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/report-reader.spec
# ICU's data for every language of the world is a quarter of the bundle: keep Chinese and English.
.package-venv/bin/python packaging/trim_icu.py dist/report-reader

# The Linux desktop entry, AppStream metainfo and icons, laid out as in /usr/share, and a script
# that installs them for the current user.
bundle=dist/report-reader
if [ "$(uname -s)" = Linux ]; then
    share=$bundle/share
    mkdir -p "$share/applications" "$share/metainfo"
    cp packaging/report-reader.desktop "$share/applications/io.github.report_reader.ReportReader.desktop"
    cp packaging/io.github.report_reader.ReportReader.metainfo.xml "$share/metainfo/"
    for png in resources/icons/report-reader-*.png; do
        size=${png##*-}; size=${size%.png}
        mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$share/icons/hicolor/${size}x${size}/apps/report-reader.png"
    done
    mkdir -p "$share/icons/hicolor/scalable/apps"
    cp resources/icons/report-reader.svg "$share/icons/hicolor/scalable/apps/report-reader.svg"
    cp packaging/install-desktop-entry.sh "$bundle/"
fi

echo "Built $bundle/report-reader (version $version, $(du -sh "$bundle" | cut -f1))"
