#!/usr/bin/env python3
"""Generate the site's pages in docs/ from the curated article in content/.

    python scripts/build_pages.py            # write what changed
    python scripts/build_pages.py --check    # write nothing; exit 1 if docs/ is out of date

Exit codes: 0 done or in sync, 1 out of sync (--check), 2 bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rapport.errors import ArticleError
from rapport.writer import build, check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "content" / "article.md"
DEFAULT_DOCS = ROOT / "docs"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run build or check, and turn bad input into one line and exit code 2."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="the article (default: content/article.md)")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help="the MkDocs docs folder (default: docs/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name each file that is out of date")
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = check(args.source, args.docs)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print("docs/ is out of date: run python scripts/build_pages.py to fix",
                      file=sys.stderr)
                return 1
            print("docs/ is in sync with the article")
            return 0
        diff = build(args.source, args.docs)
    except ArticleError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"wrote {len(diff.write)}, removed {len(diff.delete)}, unchanged {diff.unchanged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
