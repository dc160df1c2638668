"""Shrink the bundle's ICU data (libicudata, 31 MB of the bundle) to what a Chinese and English
reader needs: collation, break rules, time zones and the root, English and Chinese locales stay;
the other languages' locale data, the converters, the transliterators and the display names of
currencies, languages, regions and units go (~31 MB to ~6 MB).
Qt reads ICU for collation and some locale and time-zone work; its own CLDR tables do the rest,
so another language's user still gets a working app (collation falls back to the root order).

    python packaging/trim_icu.py dist/report-reader

Needs `icupkg` (Debian/Ubuntu: icu-devtools) and a C compiler; without them it says so and leaves
the library as it is. Linux only (the library is an ELF file whose one symbol holds the data).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
KEPT_LOCALES = re.compile(r"^(en|zh|yue)(_|$)")
# Trees Qt never asks ICU for (Qt 6 calls only ucal_, ucnv_, ucol_ and u_ functions): break
# iterators, transliteration, and the names of currencies, languages, regions and units (QLocale
# has its own). Converters (.cnv) go too: the app decodes files in Python, not through Qt.
_UNUSED_TREES = frozenset({"brkitr", "translit", "curr", "lang", "region", "unit"})


def removable(item: str) -> bool:
    """Whether an item of the ICU data package (e.g. 'coll/de.res', 'lang/fr_CA.res') can go."""
    folder, _, name = item.rpartition("/")
    stem, _, ext = name.rpartition(".")
    if folder in _UNUSED_TREES or ext == "cnv":
        return True
    return ext == "res" and stem != "res_index" and bool(LOCALE.match(stem)) and not KEPT_LOCALES.match(stem)


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=cwd).stdout


def trim(library: Path) -> int:
    """Rewrite `library` with the trimmed data; returns the bytes saved."""
    (symbol_line,) = [line for line in _run("nm", "-D", "--defined-only", "-S", str(library)).splitlines() if "icudt" in line]
    address, size, _kind, symbol = symbol_line.split()
    address_, size_ = int(address, 16), int(size, 16)
    offset = None
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            offset = section_offset + address_ - section_address
    if offset is None:
        raise SystemExit(f"trim_icu: no .rodata in {library}")
    package = symbol.removesuffix("_dat") + "l"  # icudt73 -> icudt73l (little-endian package)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / f"{package}.dat").write_bytes(library.read_bytes()[offset : offset + size_])
        items = _run("icupkg", "-l", f"{package}.dat", cwd=work).split()
        (work / "remove.txt").write_text("\n".join(i for i in items if removable(i)) + "\n", encoding="utf-8")
        (work / "out").mkdir()
        _run("icupkg", "-r", "remove.txt", f"{package}.dat", f"out/{package}.dat", cwd=work)
        (work / "data.S").write_text(
            f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n{symbol}:\n"
            f'    .incbin "out/{package}.dat"\n    .size {symbol}, . - {symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        soname = library.name
        _run("cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", "lib.so", "data.S", cwd=work)
        before = library.stat().st_size
        shutil.copyfile(work / "lib.so", library)
        return before - library.stat().st_size


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else Path("dist/report-reader")
    libraries = [p for p in bundle.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink()]
    missing = [tool for tool in ("icupkg", "cc", "nm", "readelf") if shutil.which(tool) is None]
    if not sys.platform.startswith("linux") or not libraries or missing:
        print(f"trim_icu: ICU data left whole ({'missing ' + ', '.join(missing) if missing else 'nothing to trim'})")
        return 0
    for library in libraries:
        print(f"trim_icu: {library.name} {trim(library) // 1_000_000} MB smaller")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
