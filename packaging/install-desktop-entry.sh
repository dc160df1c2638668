#!/usr/bin/env sh
# Add Report Reader to this user's applications menu (Linux): the desktop entry points at the
# report-reader beside this script, wherever the folder was unpacked. Run it again after moving
# the folder; remove with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/io.github.report_reader.ReportReader.desktop
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$entry" "$data"/icons/hicolor/*/apps/report-reader.png "$data/icons/hicolor/scalable/apps/report-reader.svg"
    echo "Removed $entry"
    exit 0
fi
mkdir -p "$data/applications"
cp -R "$here/share/icons" "$data/"
sed "s|^Exec=report-reader|Exec=\"$here/report-reader\"|" "$here/share/applications/io.github.report_reader.ReportReader.desktop" >"$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Installed $entry"
