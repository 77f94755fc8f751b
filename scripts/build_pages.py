#!/usr/bin/env python3
"""Generate the site's pages in docs/ from the articles and the glossary in content/.

    python scripts/build_pages.py            # write what changed
    python scripts/build_pages.py --check    # write nothing; exit 1 if docs/ is out of date
                                             # or a review is overdue (articles and pages)
    python scripts/build_pages.py --source content/x.md --docs /tmp/docs   # one article

Exit codes: 0 done or in sync, 1 out of sync or overdue (--check), 2 bad input (one line per
problem on stderr, every problem at once).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from rapport.checks import note, review_status, reviews, summary_notes
from rapport.errors import Problems, report_lines
from rapport.layout import generated_source
from rapport.pipeline import run
from rapport.sources import Sources, drafts, read_docs, read_settings
from rapport.sync import describe

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content"
DEFAULT_DOCS = ROOT / "docs"
DEFAULT_CONFIG = ROOT / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build or check, and turn bad input into clear lines and exit code 2."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT,
                        help="the folder of articles and glossary.yml (default: content/)")
    parser.add_argument("--source", type=Path,
                        help="build from this one article only (with its folder's glossary)")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help="the MkDocs docs folder (default: docs/)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                        help="mkdocs.yml, for the site settings (default: mkdocs.yml)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 naming each file that is out of date, "
                        "and each article or page whose review is overdue")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date reviews are checked against (default: today)")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config)
        sources = Sources(content=args.source.parent if args.source else args.content,
                          docs=args.docs, config=args.config, settings=settings,
                          only=args.source)
        diff, collection = run(sources, write=not args.check)
    except Problems as problems:
        print("\n".join(report_lines(problems.problems)), file=sys.stderr)
        return 2
    for line in summary_notes(collection):
        print(line, file=sys.stderr)
    if not args.check:
        print(f"wrote {len(diff.write)}, removed {len(diff.delete)}, unchanged {diff.unchanged}")
        return 0
    stale = describe(args.docs, diff)
    hand_written = {path: text for path, text in read_docs(args.docs).items()
                    if generated_source(text) is None}
    found, undated = reviews(collection, settings, args.docs, hand_written)
    overdue, soon = review_status(found, settings, args.today or date.today())
    overdue += undated
    waiting = [note(path, 1, "a draft waiting (never published): do its report's checklist, "
                    f"then move it to {args.content.as_posix()}/") for path in drafts(args.content)]
    for line in [*stale, *report_lines(overdue), *soon, *waiting]:
        print(line, file=sys.stderr)
    if stale:
        print("docs/ is out of date: run python scripts/build_pages.py to fix", file=sys.stderr)
    if stale or overdue:
        return 1
    print("docs/ is in sync with content/, and no review is overdue")
    return 0


if __name__ == "__main__":
    sys.exit(main())
