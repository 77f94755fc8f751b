#!/usr/bin/env python3
"""Import a saved web page into a draft article, with an editor's report of what was kept,
dropped and found.

    python scripts/import_page.py SOURCE [--name NAME] [--url URL] [--force]

SOURCE is a saved page (.html, .htm), a plain-text dump of one (.txt), or a folder of them.
Each becomes content/drafts/<name>.md (never published: the generator reads only content/*.md)
and <name>.report.md and <name>.report.json beside it. See handbook/importing.md.

Exit codes: 0 imported, 1 a draft exists already (use --force to replace it), 2 unusable input
(one line naming the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rapport_import.pipeline import Planned, plan_import
from rapport_import.source import SUFFIXES, Unusable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DRAFTS = ROOT / "content" / "drafts"


def main(argv: list[str] | None = None) -> int:
    """Import each source; report progress per file; never overwrite without --force."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a saved page (.html, .htm, .txt) or a folder")
    parser.add_argument("--name", help="the draft's file name (default: a slug of the title)")
    parser.add_argument("--url", help="the page's address, if the saved copy does not say it")
    parser.add_argument("--force", action="store_true", help="replace an existing draft")
    parser.add_argument("--drafts", type=Path, default=DEFAULT_DRAFTS,
                        help="where drafts go (default: content/drafts/)")
    args = parser.parse_args(argv)
    sources = source_files(args.source)
    if isinstance(sources, Unusable):
        print(sources, file=sys.stderr)
        return 2
    if args.name and len(sources) > 1:
        print(f"{args.source}: --name names one draft: import the files one by one",
              file=sys.stderr)
        return 2
    worst = 0
    for number, path in enumerate(sources, 1):
        prefix = f"[{number}/{len(sources)}] " if args.source.is_dir() else ""
        code, line = import_one(path, args)
        print(prefix + line, file=sys.stderr if code else sys.stdout)
        worst = max(worst, code)
    return worst


def source_files(source: Path) -> list[Path] | Unusable:
    """The file, or the importable files of a folder in name order."""
    if source.is_dir():
        files = sorted(path for path in source.iterdir()
                       if path.is_file() and path.suffix.lower() in SUFFIXES)
        return files or Unusable(source, "the folder holds no .html, .htm or .txt file")
    if not source.exists():
        return Unusable(source, "no such file")
    if source.suffix.lower() not in SUFFIXES:
        return Unusable(source, "not a saved web page (.html, .htm) or a text dump (.txt)")
    return [source]


def import_one(path: Path, args: argparse.Namespace) -> tuple[int, str]:
    """Read, plan and write one import: (exit code, the line to print)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return 2, str(Unusable(path, f"it cannot be read ({error.strerror})"))
    plan = plan_import(data, path, args.name, args.url)
    if isinstance(plan, Unusable):
        return 2, str(plan)
    draft = args.drafts / f"{plan.name}.md"
    if draft.exists() and not args.force:
        return 1, (f"{path}: {draft} exists already and was left as it is: run again with "
                   "--force to replace it")
    write(args.drafts, plan)
    return 0, summary(path, draft, plan)


def write(folder: Path, plan: Planned) -> None:
    """Write the draft and its reports, each only when its text changed."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in plan.files.items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def summary(path: Path, draft: Path, plan: Planned) -> str:
    outcome = plan.outcome
    return (f"{path}: wrote {draft} and its report: {len(outcome.screened.blocks)} blocks "
            f"kept, {len(outcome.screened.dropped)} dropped, {len(outcome.screened.findings)} "
            f"contact details kept out, {len(outcome.screened.flags)} flagged, "
            f"{len(outcome.problems)} problems for the editor")


if __name__ == "__main__":
    sys.exit(main())
