"""Mutation testing of reader/core and reader/store with mutmut 3. Slow, so it is not part of CI.

    pip install '.[test,mutation]'
    python -m tools.mutation                     # the working tree (git-tracked files, as they are on disk)
    python -m tools.mutation --ref HEAD          # a committed revision, untouched by edits in progress
    python -m tools.mutation --paths reader/core/find.py --jobs 2

The tree is copied into a scratch directory (a new temporary one unless --workdir names an empty or
missing one), a [tool.mutmut] table is appended to the copy's pyproject.toml, and `mutmut run` runs
there, so the checkout is never touched. Only tests/unit and tests/store are run against the mutants:
the CLI tests spawn subprocesses (which do not see mutmut's trampolines) and the UI tests need Qt.
EXCLUDED_TESTS are left out too, each for the reason given there.

Prints a JSON summary on stdout. In the scratch directory: mutmut.log (mutmut's own output),
mutation-summary.json (the same summary) and mutation-report.txt (every surviving and suspicious
mutant with its diff, then the names of mutants that no selected test reaches).

score = (killed + timeout) / (total - no_tests - skipped - not_checked): the share of mutants that
some selected test runs and that the tests detect (a timeout is a detection: the mutant made a test
hang). Suspicious mutants (a test run that ended abnormally) and segfaults count as not detected.
score_of_all = (killed + timeout) / total also charges the mutants that no selected test reaches.

mutmut tests each mutant in a process forked after a clean run, with only the tests its stats pass
saw calling the mutated function. So a mutant can survive falsely: in code run at import time (its
result was computed before any mutant was active), or behind a cache (a test module's
functools.cache, a module-scoped fixture, the conversion cache) that made later tests reuse an
earlier test's result. Before writing a test for a survivor, re-check it in a fresh process against
the whole selection: the report's header gives the command.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

MIN_MUTMUT = (3, 6)
DEFAULT_PATHS = ("reader/core", "reader/store")
TEST_DIRS = ("tests/unit", "tests/store")
# Imported or read by the tests but not mutated; mutmut's mutants/ tree must hold them too, or
# `import reader` would fall through to the checkout an editable install points at.
ALSO_COPY = ("reader", "seeds", "resources")
# The durability test runs the store in a child Python process started in a temporary directory; in
# mutmut's stats pass the child's trampolines look for [tool.mutmut] in that directory and crash.
EXCLUDED_TESTS = ("tests/store/test_durability.py",)
# mutmut's status words (`mutmut results`), with spaces as underscores.
STATUSES = (
    "killed",
    "survived",
    "timeout",
    "suspicious",
    "no_tests",
    "skipped",
    "segfault",
    "caught_by_type_check",
    "check_was_interrupted_by_user",
    "not_checked",
)
REPORTED_WITH_DIFF = ("survived", "suspicious")
RESULT_LINE = re.compile(r"^\s+(\S+): (.+)$")


def git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True).stdout


def repo_root() -> Path:
    return Path(git(Path(__file__).resolve().parent, "rev-parse", "--show-toplevel").decode().strip())


def export_tree(root: Path, ref: str | None, dest: Path) -> str:
    """Copy the tree to test into dest; return a description of what was copied."""
    if ref is not None:
        commit = git(root, "rev-parse", "--verify", f"{ref}^{{commit}}").decode().strip()
        with tarfile.open(fileobj=io.BytesIO(git(root, "archive", "--format=tar", commit))) as archive:
            if hasattr(tarfile, "data_filter"):
                archive.extractall(dest, filter="data")
            else:  # Python < 3.10.12 has no extraction filters; the archive is our own repository's.
                archive.extractall(dest)
        return f"commit {commit}"
    commit = git(root, "rev-parse", "HEAD").decode().strip()
    for name in git(root, "ls-files", "-z").decode().split("\0"):
        source = root / name
        if not name or not source.is_file():  # deleted in the working tree, or a submodule
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    return f"working tree of {commit} (tracked files, uncommitted edits included)"


def configure(dest: Path, paths: Sequence[str]) -> None:
    """Append mutmut 3's settings to the copy's pyproject.toml (option names as in mutmut/configuration.py)."""
    pyproject = dest / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    if re.search(r"^\[tool\.mutmut\]", text, re.MULTILINE):
        raise SystemExit("pyproject.toml already has a [tool.mutmut] table; this script owns that configuration")
    settings = {
        "source_paths": list(paths),
        "pytest_add_cli_args_test_selection": list(TEST_DIRS),
        "pytest_add_cli_args": [f"--ignore={path}" for path in EXCLUDED_TESTS],
        "also_copy": list(ALSO_COPY),
    }
    lines = [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    pyproject.write_text(text.rstrip("\n") + "\n\n[tool.mutmut]\n" + "\n".join(lines) + "\n", encoding="utf-8")


def check_mutmut_version() -> None:
    """source_paths, the option name used here, is mutmut 3.6's (3.4-3.5 called it paths_to_mutate)."""
    try:
        installed = version("mutmut")
    except PackageNotFoundError:
        raise SystemExit("mutmut is not installed: pip install '.[test,mutation]'") from None
    if tuple(int(part) for part in re.findall(r"\d+", installed)[:2]) < MIN_MUTMUT:
        raise SystemExit(f"mutmut {installed} is too old: this script needs {'.'.join(map(str, MIN_MUTMUT))} or newer")


def mutmut_command() -> str:
    # The console script, not `python -m mutmut`: mutmut warns that running as __main__ re-imports itself.
    script = Path(sysconfig.get_path("scripts")) / "mutmut"
    found = str(script) if script.exists() else shutil.which("mutmut")
    if found is None:
        raise SystemExit("mutmut is not installed: pip install '.[test,mutation]'")
    return found


def module_of(mutant: str) -> str:
    """reader.core.find.x_fold__mutmut_3 and reader.store.library.xǁLibraryǁopen__mutmut_1 → their module."""
    parts = mutant.split(".")
    for index, part in enumerate(parts):
        if part.startswith(("x_", "xǁ")):
            return ".".join(parts[:index])
    return mutant.rpartition(".")[0]


def read_results(workdir: Path, env: dict[str, str]) -> dict[str, str]:
    """Every mutant's status, from `mutmut results --all true` (the status words with underscores)."""
    output = subprocess.run(
        [mutmut_command(), "results", "--all", "true"], cwd=workdir, env=env, check=True, capture_output=True, text=True
    ).stdout
    results = {}
    for line in output.splitlines():
        match = RESULT_LINE.match(line)
        if match:
            results[match.group(1)] = match.group(2).strip().replace(" ", "_")
    return results


def counts(statuses: Iterable[str]) -> dict[str, Any]:
    tally = Counter(statuses)
    unknown = set(tally) - set(STATUSES)
    if unknown:
        raise SystemExit(f"mutmut reported statuses this script does not know: {sorted(unknown)}")
    result: dict[str, Any] = {"total": sum(tally.values())}
    result.update({status: tally[status] for status in STATUSES})
    detected = tally["killed"] + tally["timeout"]
    tested = result["total"] - tally["no_tests"] - tally["skipped"] - tally["not_checked"]
    result["score"] = round(detected / tested, 4) if tested else None
    result["score_of_all"] = round(detected / result["total"], 4) if result["total"] else None
    return result


# `mutmut show NAME` for every name read from stdin, in one process: a process per mutant costs a
# second each (mutmut's imports), and there can be a thousand survivors.
SHOW_MANY = """
import contextlib, io, json, sys
from mutmut.__main__ import cli

diffs = {}
for name in json.load(sys.stdin):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            cli.main(["show", name], standalone_mode=False)
    except Exception as error:
        out.write(f"(mutmut show failed: {error!r})\\n")
    diffs[name] = out.getvalue()
json.dump(diffs, sys.stdout)
"""


def show(workdir: Path, env: dict[str, str], mutants: list[str]) -> dict[str, str]:
    """Each mutant's diff against the original, as `mutmut show` prints it."""
    done = subprocess.run(
        [sys.executable, "-c", SHOW_MANY], input=json.dumps(mutants), cwd=workdir, env=env, check=True, capture_output=True, text=True
    )
    diffs: dict[str, str] = json.loads(done.stdout)
    return diffs


def write_report(path: Path, summary: dict[str, Any], results: dict[str, str], diffs: dict[str, str]) -> None:
    by_module: dict[str, list[str]] = defaultdict(list)
    for mutant in sorted(results):
        by_module[module_of(mutant)].append(mutant)
    ignores = " ".join(f"--ignore={test}" for test in EXCLUDED_TESTS)
    recheck = f"cd {path.parent / 'mutants'} && MUTANT_UNDER_TEST=<name> {sys.executable} -m pytest -x -q {' '.join(TEST_DIRS)} {ignores}"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        out.write(f"\nRe-check a survivor in a fresh process against every selected test (it may be a false survivor):\n{recheck}\n")
        for module, mutants in by_module.items():
            shown = [m for m in mutants if results[m] in REPORTED_WITH_DIFF]
            if not shown:
                continue
            out.write(f"\n{'=' * 100}\n{module}: {len(shown)} surviving or suspicious\n{'=' * 100}\n")
            for mutant in shown:
                out.write(f"\n--- {mutant} [{results[mutant]}]\n{diffs[mutant]}")
        unreached = [m for m in sorted(results) if results[m] == "no_tests"]
        out.write(f"\n{'=' * 100}\nno_tests ({len(unreached)}): no test in {', '.join(TEST_DIRS)} reaches these\n")
        out.writelines(f"{mutant}\n" for mutant in unreached)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", help="test this git revision instead of the working tree")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested in parallel (default 1)")
    parser.add_argument(
        "--paths", nargs="+", default=list(DEFAULT_PATHS), help=f"files or directories to mutate (default: {' '.join(DEFAULT_PATHS)})"
    )
    parser.add_argument("--workdir", type=Path, help="scratch directory, missing or empty (default: a new temporary one)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    check_mutmut_version()

    if args.workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="report-reader-mutation-"))
    else:
        workdir = args.workdir.resolve()
        if workdir.exists() and any(workdir.iterdir()):
            parser.error(f"--workdir {workdir} is not empty")
        workdir.mkdir(parents=True, exist_ok=True)

    root = repo_root()
    source = export_tree(root, args.ref, workdir)
    paths = [Path(p).as_posix().rstrip("/") for p in args.paths]
    missing = [p for p in paths if not (workdir / p).exists()]
    if missing:
        parser.error(f"not in the tree under test: {', '.join(missing)}")
    configure(workdir, paths)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    log = workdir / "mutmut.log"
    print(f"mutating {', '.join(paths)} of the {source} in {workdir}; progress in {log}", file=sys.stderr)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        run = subprocess.run(
            [mutmut_command(), "run", "--max-children", str(args.jobs)], cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    seconds = round(time.monotonic() - started)
    if run.returncode != 0:
        print(log.read_text(encoding="utf-8", errors="replace")[-4000:], file=sys.stderr)
        print(f"mutmut run failed with exit code {run.returncode}; log: {log}", file=sys.stderr)
        return run.returncode

    results = read_results(workdir, env)
    per_module: dict[str, list[str]] = defaultdict(list)
    for mutant, status in results.items():
        per_module[module_of(mutant)].append(status)
    report = workdir / "mutation-report.txt"
    summary: dict[str, Any] = {
        "source": source,
        "paths": paths,
        "tests": list(TEST_DIRS),
        "excluded_tests": list(EXCLUDED_TESTS),
        "jobs": args.jobs,
        "seconds": seconds,
        **counts(results.values()),
        "modules": {module: counts(statuses) for module, statuses in sorted(per_module.items())},
        "report": str(report),
        "workdir": str(workdir),
    }
    shown = sorted(m for m, status in results.items() if status in REPORTED_WITH_DIFF)
    write_report(report, summary, results, show(workdir, env, shown))
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    (workdir / "mutation-summary.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
