"""The layers point inward: core, store, ops and the CLI's modules never load Qt, and the core
never reaches up into the store, the operations or the UI."""

import subprocess
import sys

import pytest

HEADLESS = ("reader.core", "reader.store", "reader.export", "reader.ops", "reader.cli")


def _import_all(packages: tuple[str, ...], banned: tuple[str, ...]) -> subprocess.CompletedProcess:
    code = (
        "import pkgutil, importlib, sys\n"
        f"for name in {packages!r}:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{name}.{m.name}')\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({banned!r}))\n"
        "assert not bad, bad\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_core_store_ops_and_cli_do_not_import_qt():
    result = _import_all(HEADLESS, ("PySide6", "shiboken6", "reader.ui"))
    assert result.returncode == 0, result.stderr


LOWER = [
    ("reader.core", ("reader.store", "reader.ops", "reader.export", "reader.cli")),
    ("reader.store", ("reader.ops", "reader.export", "reader.cli")),
    ("reader.export", ("reader.ops", "reader.cli")),
]


@pytest.mark.parametrize("package, above", LOWER)
def test_lower_layers_do_not_import_higher_ones(package, above):
    result = _import_all((package,), ("PySide6", "reader.ui", *above))
    assert result.returncode == 0, result.stderr


def test_reading_a_library_leaves_the_write_helpers_unloaded(tmp_path):
    """Opening a library and reading a document (what the window does before its first paint)
    does not import sqlite-utils (~55 ms of start-up); the first write does, and works."""
    from reader.core.ingest import ingest_text
    from reader.store import Library

    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        library.add(ingest_text("国内生产总值增长5%左右。"), title="t")
    code = (
        "import sys\n"
        "from reader.store import Library\n"
        f"library = Library.open({str(path)!r})\n"
        "(info,) = library.documents()\n"
        "assert library.document(info.id).text\n"
        "library.annotations(info.id)\n"
        "assert 'sqlite_utils' not in sys.modules, 'read path imported sqlite_utils'\n"
        "library.add_annotation(info.id, 0, 6, note='n')\n"
        "assert 'sqlite_utils' in sys.modules\n"
        "assert [a.note for a in library.annotations(info.id)] == ['n']\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
