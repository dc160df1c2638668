"""The core and the store stay usable from scripts: importing them never loads Qt."""

import subprocess
import sys


def test_core_and_store_do_not_import_qt():
    code = (
        "import pkgutil, importlib, sys\n"
        "import reader.core, reader.store\n"
        "for pkg in (reader.core, reader.store):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
        "import reader.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
