#!/usr/bin/env python3
"""Mutation testing: how many small bugs in the generator and the hooks the tests catch.

    make mutate                         # stage, run mutmut, print the score and the survivors
    python scripts/mutate.py --report   # print them again from the last run
    python scripts/mutate.py --resume   # after a change: keep the results of unchanged
                                        # functions, test the rest and every survivor again
    python scripts/mutate.py --only 'rapport.safety.*'   # only these mutants (fnmatch
                                        # patterns, repeatable): a changed module's, quickly

A measurement, not a test: it takes long on two cores and is not part of `make test` or CI.
mutmut (configured in pyproject.toml, [tool.mutmut]) names modules after their folder and
knows `src/`, not `scripts/`, so it runs on a copy of the project, `.cache/mutation/`, where
scripts/ is src/ (the tests import `rapport` and `hooks` just the same).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / ".cache" / "mutation"
STATUS_RE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+)$")
KILLED = ("killed", "timeout", "segfault")   # the tests noticed the change


def stage(keep_results: bool = False) -> None:
    """A fresh copy of the project with scripts/ as src/ (and mutmut's results, if kept:
    mutmut tests again each function whose code changed)."""
    for old in (STAGE.iterdir() if STAGE.is_dir() else ()):
        if keep_results and old.name == "mutants":
            continue
        if old.is_dir():
            shutil.rmtree(old)
        else:
            old.unlink()
    STAGE.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "scripts", STAGE / "src",
                    ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for part in tomllib.loads(config)["tool"]["mutmut"]["also_copy"]:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, STAGE / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif part != "pyproject.toml":
            shutil.copy2(source, STAGE / part)
    staged = config.replace('pythonpath = ["scripts"]', 'pythonpath = ["src"]')
    if staged == config:
        raise SystemExit("pyproject.toml: expected pythonpath = [\"scripts\"] to stage as src/")
    (STAGE / "pyproject.toml").write_text(staged, encoding="utf-8")


def run(children: int, names: list[str] = ()) -> int:
    """mutmut over the mutants not yet decided, or over `names` again."""
    # Fewer examples per property test (tests/profiles.py, "mutate"): each mutant that survives
    # runs every test that reaches it, and a property test is the slowest of them.
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutate"}
    return subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children",
                           str(children), *names], cwd=STAGE, env=env).returncode


def statuses() -> dict[str, str]:
    """Each mutant's status from the last run."""
    result = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                            cwd=STAGE, capture_output=True, text=True)
    found = {match.group("name"): match.group("status").strip()
             for line in result.stdout.splitlines() if (match := STATUS_RE.match(line))}
    if not found:
        print(result.stdout + result.stderr, file=sys.stderr)
    return found


def report() -> int:
    """Print the score and each mutant the tests did not notice."""
    found = statuses()
    if not found:
        return 1
    killed = sum(status in KILLED for status in found.values())
    survived = sorted(name for name, status in found.items() if status == "survived")
    other = sorted(f"{name} ({status})" for name, status in found.items()
                   if status not in KILLED and status != "survived")
    print(f"mutation score: {killed} of {len(found)} killed ({killed / len(found):.1%})")
    print(f"survived: {len(survived)}")
    for name in survived:
        print(f"  {name}")
    if other:
        print(f"not run or not decided: {len(other)}")
        for name in other:
            print(f"  {name}")
    print(f"\nsee one: (cd {STAGE.relative_to(ROOT)} && {Path(sys.executable).name} -m mutmut "
          "show NAME)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only print the last results")
    parser.add_argument("--resume", action="store_true",
                        help="keep the last run's results for functions that did not change")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2,
                        help="mutants tested at once (default: one per core)")
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="only the mutants whose names match (e.g. 'rapport.safety.*')")
    args = parser.parse_args()
    if not args.report:
        stage(keep_results=args.resume)
        finished = run(args.children, args.only) in (0, 1)  # 1: some mutants survived
        survivors = [name for name, status in statuses().items() if status == "survived"]
        if args.resume and finished and survivors:  # the tests may have changed since
            finished = run(args.children, survivors) in (0, 1)
        if not finished:
            print("mutmut did not finish its run: the figures below may be partial",
                  file=sys.stderr)
    return report()


if __name__ == "__main__":
    sys.exit(main())
